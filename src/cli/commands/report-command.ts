// `shirabe report <input>`: the main job — article in, cited report out, stored and written.

import { randomUUID } from "node:crypto";
import { constants } from "node:fs";
import { access, rename, rm, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import type { Command } from "commander";
import {
  formatForPath,
  parseFormat,
  type ReportFormat,
  renderReport,
  ShirabeError,
  translationNotice,
} from "../../index.js";
import { resolveSettings } from "../config.js";
import { type CommandContext, openSettingsStore } from "../context.js";
import { jsonLine, terminalDocument } from "../io.js";
import { type LlmRunOptions, readResumableRun, usageLine } from "../llm-options.js";
import { createProgressPrinter, progressMode } from "../progress-printer.js";
import {
  addReportOptions,
  type ReportRunOptions,
  type ReportFlags as RunFlags,
  reportRunOptions,
  runReport,
} from "../report-run.js";

interface ReportFlags extends RunFlags {
  resume?: string;
  format?: string;
  out?: string;
  json?: boolean;
}

export function registerReport(program: Command, context: CommandContext): void {
  const command = program
    .command("report")
    .description("Write a cited research report from an article (URL or local file)")
    .argument("[input]", "URL or file path of the article (not with --resume)")
    .option("--format <format>", "md, html or json (default: from --out's extension, else md)")
    .option("--out <file>", "write the report here instead of stdout")
    .option("--json", "machine output: a JSON summary on stdout (the JSON report when there is no --out)")
    .option("--resume <run>", "finish a stopped or failed LLM run; finished calls come from the cache");
  addReportOptions(command).action(async (inputArgument: string | undefined, flags: ReportFlags) => {
    const settings = resolveSettings(flags, context.io.env);
    const format = flags.format ? parseFormat(flags.format) : formatFromPath(flags.out, flags.json);
    const resumed = flags.resume ? readResumableRun(settings.storePath, flags.resume) : null;
    const input = resumed?.input ?? inputArgument;
    if (!input || (resumed && inputArgument)) {
      throw new ShirabeError(
        resumed
          ? "report: give either an input or --resume, not both"
          : "report: missing <input>; give a URL or a file",
        { code: "bad-option", kind: "usage" },
      );
    }
    const runOptions: ReportRunOptions = resumed
      ? (resumed.options as unknown as LlmRunOptions)
      : reportRunOptions(flags);
    // Fail before any work when the output cannot be written, so no run is wasted.
    if (flags.out) await assertWritableDir(flags.out);
    const store = openSettingsStore(settings);
    try {
      const { report, llm } = await runReport({
        input,
        run: runOptions,
        flags,
        settings,
        env: context.io.env,
        store,
        runId: resumed?.id ?? randomUUID(),
        onExtractive: () => {
          if (flags.quiet) return;
          context.io.stderr.write(
            "shirabe: no model configured (--model, SHIRABE_MODEL or a config file); writing with the extractive engine\n",
          );
        },
        onProgress: createProgressPrinter(
          progressMode({ quiet: flags.quiet === true, isTTY: context.io.stderr.isTTY === true }),
          context.io.stderr,
        ),
      });
      const usage = llm?.usage;
      const notice = translationNotice(report);
      if (notice && !flags.quiet) context.io.stderr.write(`shirabe: ${notice}\n`);
      if (llm && !flags.quiet)
        context.io.stderr.write(`${usageLine(llm.model, llm.usage, llm.engine.runId)}\n`);
      const rendered = renderReport(report, format);
      if (!flags.out) {
        context.io.stdout.write(terminalDocument(rendered, format));
        return;
      }
      await writeAtomically(flags.out, rendered, report.id);
      const summary = {
        id: report.id,
        title: report.title,
        out: resolve(flags.out),
        format,
        references: report.references.length,
        grounding: report.grounding,
        failures: report.failures,
        ...(llm && usage ? { llm: { run: llm.engine.runId, model: llm.model, ...usage } } : {}),
      };
      if (flags.json) context.io.stdout.write(jsonLine(summary));
      else if (!flags.quiet) context.io.stderr.write(`report ${report.id} written to ${flags.out}\n`);
    } finally {
      store.close();
    }
  });
}

function formatFromPath(out: string | undefined, json: boolean | undefined): ReportFormat {
  if (out) return formatForPath(out);
  return json ? "json" : "md";
}

async function assertWritableDir(out: string): Promise<void> {
  const dir = dirname(resolve(out));
  await access(dir, constants.W_OK).catch((error: unknown) => {
    throw new ShirabeError(`${out}: cannot write there (folder missing or read-only); choose another --out`, {
      code: "output-not-writable",
      kind: "input",
      input: out,
      cause: error,
    });
  });
}

/** Writes beside the target and renames, so an interrupted write never leaves half a report. */
async function writeAtomically(out: string, text: string, reportId: string): Promise<void> {
  const temporary = `${out}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, text);
    await rename(temporary, out);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new ShirabeError(
      `${out}: could not write the report (${(error as Error).message}); it is stored as ${reportId}: shirabe show ${reportId}`,
      { code: "output-not-writable", kind: "input", input: out, cause: error },
    );
  }
}

// `shirabe report <input>`: the main job — article in, cited report out, stored and written.
import { constants } from "node:fs";
import { access, rename, rm, writeFile } from "node:fs/promises";
import { dirname, extname, resolve } from "node:path";
import type { Command } from "commander";
import { createReport, parseFormat, type ReportFormat, renderReport, ShirabeError } from "../../index.js";
import { type CommonFlags, resolveSettings } from "../config.js";
import { buildHttpClient, type CommandContext, openSettingsStore } from "../context.js";
import { createProgressPrinter, progressMode } from "../progress.js";

interface ReportFlags extends CommonFlags {
  sources?: string[];
  lang: string;
  format?: string;
  out?: string;
  maxLinks: string;
  followLinks: boolean;
  encoding?: string;
  quiet?: boolean;
  json?: boolean;
}

export function registerReport(program: Command, context: CommandContext): void {
  program
    .command("report")
    .description("Write a cited research report from an article (URL or local file)")
    .argument("<input>", "URL or file path of the article")
    .option("--sources <inputs...>", "more sources: files, folders or URLs")
    .option("--lang <tag>", "report language (BCP 47)", "ja")
    .option("--format <format>", "md, html or json (default: from --out's extension, else md)")
    .option("--out <file>", "write the report here instead of stdout")
    .option("--max-links <n>", "follow at most this many links cited by the article", "10")
    .option("--no-follow-links", "do not follow the links the article cites")
    .option("--encoding <label>", "decode the article with this encoding")
    .option("--allow-private-network", "allow fetching from loopback and private addresses")
    .option("--timeout <seconds>", "give up on a fetch after this many seconds (default 30)")
    .option("--data-dir <dir>", "where the page cache and reports are stored")
    .option("--no-cache", "do not read or write the page cache")
    .option("--quiet", "no progress on stderr")
    .option("--json", "machine output: a JSON summary on stdout (the JSON report when there is no --out)")
    .option("--debug", "print stack traces")
    .action(async (input: string, flags: ReportFlags) => {
      const settings = resolveSettings(flags, context.io.env);
      const format = flags.format ? parseFormat(flags.format) : formatFromPath(flags.out, flags.json);
      const maxLinks = parseCount(flags.maxLinks, "--max-links");
      // Fail before any work when the output cannot be written, so no run is wasted.
      if (flags.out) await assertWritableDir(flags.out);
      const store = openSettingsStore(settings);
      try {
        const { report } = await createReport({
          input,
          lang: flags.lang,
          maxLinks,
          followLinks: flags.followLinks,
          ...(flags.sources ? { sources: flags.sources } : {}),
          ...(flags.encoding ? { encoding: flags.encoding } : {}),
          deps: { http: buildHttpClient(settings), store, ...(settings.useCache ? { cache: store } : {}) },
          onProgress: createProgressPrinter(
            progressMode({ quiet: flags.quiet === true, isTTY: context.io.stderr.isTTY === true }),
            context.io.stderr,
          ),
        });
        const rendered = renderReport(report, format);
        if (!flags.out) {
          context.io.stdout.write(rendered.endsWith("\n") ? rendered : `${rendered}\n`);
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
        };
        if (flags.json) context.io.stdout.write(`${JSON.stringify(summary)}\n`);
        else if (!flags.quiet) context.io.stderr.write(`report ${report.id} written to ${flags.out}\n`);
      } finally {
        store.close();
      }
    });
}

function formatFromPath(out: string | undefined, json: boolean | undefined): ReportFormat {
  const extension = out ? extname(out).toLowerCase() : "";
  if (extension === ".html" || extension === ".htm") return "html";
  if (extension === ".json" || (!out && json)) return "json";
  return "md";
}

function parseCount(value: string, flag: string): number {
  const count = Number(value);
  if (!Number.isInteger(count) || count < 0) {
    throw new ShirabeError(`${flag} ${value}: expected a whole number ≥ 0`, {
      code: "bad-option",
      kind: "usage",
      input: value,
    });
  }
  return count;
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

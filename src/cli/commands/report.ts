// `shirabe report <input>`: the main job — article in, cited report out, stored and written.

import { randomUUID } from "node:crypto";
import { constants } from "node:fs";
import { access, rename, rm, writeFile } from "node:fs/promises";
import { dirname, extname, resolve } from "node:path";
import type { Command } from "commander";
import {
  createReport,
  parseFormat,
  type ReportFormat,
  renderReport,
  ShirabeError,
  translationNotice,
} from "../../index.js";
import { type CommonFlags, type LlmFlags, resolveLlmSettings, resolveSettings } from "../config.js";
import { buildHttpClient, type CommandContext, openSettingsStore } from "../context.js";
import { type LlmEngine, type LlmRunOptions, openLlmEngine, readResumableRun, usageLine } from "../llm.js";
import { createProgressPrinter, progressMode } from "../progress.js";
import { openResearch, type ResearchFlags } from "../research.js";

interface ReportFlags extends CommonFlags, LlmFlags, ResearchFlags {
  resume?: string;
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
    .argument("[input]", "URL or file path of the article (not with --resume)")
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
    .option(
      "--model <provider:model>",
      "write with this LLM, e.g. deepseek:deepseek-chat (default: extractive)",
    )
    .option(
      "--embed-model <provider:model>",
      "rank passages with this embedding model too, e.g. openai:text-embedding-3-small (or SHIRABE_EMBED_MODEL)",
    )
    .option("--config <file>", "config file with providers, models and prices (JSON)")
    .option("--max-cost <usd>", "stop before the LLM calls could cost more than this (estimated, US dollars)")
    .option("--max-tokens <n>", "stop before the LLM calls could use more tokens than this")
    .option("--resume <run>", "finish a stopped or failed LLM run; finished calls come from the cache")
    .option("--search <provider>", "also search the web: searxng, tavily or brave (or SHIRABE_SEARCH)")
    .option("--search-url <url>", "the search provider's address, e.g. your SearXNG (or SHIRABE_SEARCH_URL)")
    .option("--corpus", "also draw on the local corpus (`shirabe corpus add`)")
    .option("--source-langs <tags>", "search in these languages too, comma-separated, e.g. en,zh,ja")
    .option("--max-sources <n>", "use at most this many sources besides the article")
    .option("--since <date>", "only sources published on or after this date (YYYY-MM-DD)")
    .option("--ignore-robots", "fetch sources even where robots.txt asks crawlers not to")
    .action(async (inputArgument: string | undefined, flags: ReportFlags) => {
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
      const runOptions: Omit<LlmRunOptions, "model"> & { model?: string } = resumed
        ? (resumed.options as unknown as LlmRunOptions)
        : {
            lang: flags.lang,
            sources: flags.sources ?? [],
            maxLinks: parseCount(flags.maxLinks, "--max-links"),
            followLinks: flags.followLinks,
            ...(flags.encoding ? { encoding: flags.encoding } : {}),
            ...(flags.model ? { model: flags.model } : {}),
          };
      const llmSettings = resolveLlmSettings(
        runOptions.model ? { ...flags, model: runOptions.model } : flags,
        context.io.env,
      );
      // Fail before any work when the output cannot be written, so no run is wasted.
      if (flags.out) await assertWritableDir(flags.out);
      const research = openResearch(flags, settings, context.io.env);
      const store = openSettingsStore(settings);
      let engine: LlmEngine | null = null;
      if (llmSettings.model) {
        const model = llmSettings.model;
        engine = openLlmEngine({
          storePath: settings.storePath,
          settings: { ...llmSettings, model },
          runId: resumed?.id ?? randomUUID(),
          input,
          runOptions: { ...runOptions, model: model.id },
        });
      } else if (!flags.quiet) {
        context.io.stderr.write(
          "shirabe: no model configured (--model, SHIRABE_MODEL or a config file); writing with the extractive engine\n",
        );
      }
      try {
        const { report } = await createReport({
          input,
          lang: runOptions.lang,
          maxLinks: runOptions.maxLinks,
          followLinks: runOptions.followLinks,
          ...(runOptions.sources.length > 0 ? { sources: runOptions.sources } : {}),
          ...(runOptions.encoding ? { encoding: runOptions.encoding } : {}),
          ...(engine ? { writer: engine.writer } : {}),
          // With a model, the search queries are written by it too (through the same budget and cache).
          research: engine ? { ...research.research, llm: engine.llm } : research.research,
          deps: { http: buildHttpClient(settings), store, ...(settings.useCache ? { cache: store } : {}) },
          onProgress: createProgressPrinter(
            progressMode({ quiet: flags.quiet === true, isTTY: context.io.stderr.isTTY === true }),
            context.io.stderr,
          ),
        }).catch((error: unknown) => {
          throw engine ? engine.failed(error) : error;
        });
        const usage = engine?.done(report.id);
        if (!flags.quiet && translationNotice(report))
          context.io.stderr.write(`shirabe: ${translationNotice(report)}\n`);
        if (engine && usage && !flags.quiet) {
          context.io.stderr.write(`${usageLine(llmSettings.model?.id ?? "", usage, engine.runId)}\n`);
        }
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
          ...(engine && usage ? { llm: { run: engine.runId, model: llmSettings.model?.id, ...usage } } : {}),
        };
        if (flags.json) context.io.stdout.write(`${JSON.stringify(summary)}\n`);
        else if (!flags.quiet) context.io.stderr.write(`report ${report.id} written to ${flags.out}\n`);
      } finally {
        engine?.close();
        research.close();
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

// `shirabe batch <file-of-urls|->`: one report per line, N at a time, through the job queue. A rerun
// skips what is done and tries again what failed; a summary at the end says which is which.
import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { ShirabeError } from "../../errors.js";
import { resolveSettings } from "../config.js";
import { type CommandContext, openSettingsStore } from "../context.js";
import { jsonLine, terminalText } from "../io.js";
import { type QueueRunFlags, startQueueRun } from "../queue-run.js";
import { addReportOptions, type ReportFlags, reportJobOptions } from "../report-run.js";

interface BatchFlags extends ReportFlags, QueueRunFlags {
  json?: boolean;
}

export function registerBatch(program: Command, context: CommandContext): void {
  const command = program
    .command("batch")
    .description("Write a report for every URL or file listed in a file (one per line; - reads stdin)")
    .argument("<list>", "file of URLs or paths, one per line (# starts a comment), or - for stdin")
    .option("--concurrency <n>", "reports written at once", "2")
    .option("--max-cost-per-day <usd>", "stop new LLM work before a UTC day's estimated spend passes this")
    .option("--queue <redis-url>", "enqueue for `shirabe worker` processes on Redis instead of writing here")
    .option("--json", "the summary as JSON on stdout");
  addReportOptions(command).action(async (list: string, flags: BatchFlags) => {
    const inputs = readList(list);
    const settings = resolveSettings(flags, context.io.env);
    const options = reportJobOptions(flags);
    const store = openSettingsStore(settings);
    const run = startQueueRun({ flags, settings, store, context });
    try {
      const ids: string[] = [];
      let before = 0;
      for (const input of inputs) {
        const job = await run.queue.enqueue({ input, options }, { group: "batch" });
        if (job.state === "done") before += 1;
        if (job.state === "failed") await run.queue.retry(job.id);
        ids.push(job.id);
      }
      if (before > 0 && !flags.quiet) context.io.stderr.write(`batch: ${before} already done, skipped\n`);
      const stopped = await Promise.race([run.idle().then(() => false), run.interrupted.then(() => true)]);
      const jobs = await Promise.all(ids.map((id) => run.queue.get(id)));
      const summary = {
        done: [] as Array<{ input: string; report: string; title: string }>,
        failed: [] as Array<{ input: string; code: string; reason: string }>,
        pending: [] as Array<{ input: string; reason: string }>,
      };
      jobs.forEach((job, index) => {
        const input = inputs[index] ?? "";
        if (job?.state === "done" && job.result) {
          summary.done.push({ input, report: job.result.reportId, title: job.result.title });
        } else if (job?.state === "failed") {
          summary.failed.push({ input, code: job.error?.code ?? "failed", reason: job.error?.message ?? "" });
        } else {
          summary.pending.push({ input, reason: job?.error?.message ?? "not run yet" });
        }
      });
      if (flags.json) context.io.stdout.write(jsonLine(summary));
      else {
        context.io.stdout.write(
          `batch: ${summary.done.length} done, ${summary.failed.length} failed, ${summary.pending.length} pending\n`,
        );
        for (const failure of summary.failed)
          context.io.stdout.write(terminalText(`  failed ${failure.input}: ${failure.reason}\n`));
        for (const waiting of summary.pending)
          context.io.stdout.write(terminalText(`  pending ${waiting.input}: ${waiting.reason}\n`));
      }
      if (summary.failed.length > 0) context.setExitCode(1);
      if (stopped) context.setExitCode(130);
    } finally {
      await run.close();
      store.close();
    }
  });
}

/** The list's inputs in order, without blanks, comments or repeats. */
function readList(list: string): string[] {
  let text: string;
  try {
    text = readFileSync(list === "-" ? 0 : list, "utf8");
  } catch (error) {
    throw new ShirabeError(`${list}: cannot read the list; give a file of URLs or paths, one per line`, {
      code: "input-missing",
      kind: "input",
      input: list,
      cause: error,
    });
  }
  // A URL or a path never starts with markup or JSON: this is a feed (or a page), not a list of them.
  if (/^\uFEFF?\s*[<{[]/.test(text)) {
    throw new ShirabeError(
      `${list}: this is a feed or a document, not a list of URLs or paths (one per line); to write a report for each item of a feed, run \`shirabe watch ${list}\``,
      { code: "not-a-list", kind: "input", input: list },
    );
  }
  const inputs = [
    ...new Set(
      text
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line !== "" && !line.startsWith("#")),
    ),
  ];
  if (inputs.length === 0) {
    throw new ShirabeError(`${list}: the list is empty; put one URL or path per line`, {
      code: "empty-list",
      kind: "input",
      input: list,
    });
  }
  return inputs;
}

// `shirabe queue status|retry|clean`: the job queue seen from the command line — the embedded one in the
// data dir, or the Redis one with --queue — with counts per feed (or batch), failures and their reasons.
import type { Command } from "commander";
import { openBullmqQueue } from "../../adapters/queue/bullmq-queue.js";
import { openEmbeddedQueue } from "../../adapters/queue/embedded-queue.js";
import { openFeedStore } from "../../adapters/store/feed-store.js";
import { ShirabeError } from "../../errors.js";
import type { Queue, StateCounts } from "../../ports/queue.js";
import { queueStatus, retryFailed } from "../../queue-status.js";
import { type CommonFlags, resolveSettings, type Settings } from "../config.js";
import { type CommandContext, openSettingsStore } from "../context.js";

interface QueueFlags extends CommonFlags {
  queue?: string;
  group?: string;
  json?: boolean;
}

function openQueue(flags: QueueFlags, settings: Settings): Queue<unknown, unknown> {
  if (flags.queue) return openBullmqQueue({ url: flags.queue, unavailableTimeoutMs: 10_000 });
  openSettingsStore(settings).close();
  return openEmbeddedQueue({ path: settings.storePath });
}

/** A feed's address for its id, when this data dir follows that feed. */
function groupNames(settings: Settings): (group: string) => string {
  const feeds = openFeedStore({ path: settings.storePath });
  const names = new Map(feeds.listFeeds().map((feed) => [feed.id, feed.title ?? feed.url]));
  feeds.close();
  return (group) => names.get(group) ?? group;
}

/** "7d", "12h", "30m", "0s" → milliseconds. */
function parseAge(value: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(s|m|h|d)$/i.exec(value.trim());
  const unit = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 }[(match?.[2] ?? "").toLowerCase()];
  if (!match || !unit) {
    throw new ShirabeError(`--older-than ${value}: expected an age like 7d, 12h, 30m or 0s`, {
      code: "bad-option",
      kind: "usage",
      input: value,
    });
  }
  return Number(match[1]) * unit;
}

const line = (counts: StateCounts) =>
  `${counts.waiting} waiting, ${counts.active} active, ${counts.done} done, ${counts.failed} failed`;

export function registerQueue(program: Command, context: CommandContext): void {
  const queueCommand = program
    .command("queue")
    .description("See and manage the report job queue (embedded, or Redis with --queue)");
  const common = (command: Command) =>
    command
      .option("--queue <redis-url>", "the Redis queue of `shirabe worker` (default: this data dir's queue)")
      .option("--group <id>", "only this feed's (or `batch`) jobs")
      .option("--data-dir <dir>", "where the store is")
      .option("--debug", "print stack traces");
  const withQueue = async (
    flags: QueueFlags,
    task: (queue: Queue<unknown, unknown>, settings: Settings) => Promise<void>,
  ) => {
    const settings = resolveSettings(flags, context.io.env);
    const queue = openQueue(flags, settings);
    try {
      await task(queue, settings);
    } finally {
      await queue.close();
    }
  };

  common(queueCommand.command("status").description("Jobs waiting, active, done and failed, per feed"))
    .option("--json", "as JSON on stdout")
    .action((flags: QueueFlags) =>
      withQueue(flags, async (queue, settings) => {
        const status = await queueStatus(queue, flags.group ? { group: flags.group } : {});
        if (flags.json) {
          context.io.stdout.write(`${JSON.stringify(status)}\n`);
          return;
        }
        const name = groupNames(settings);
        const out = context.io.stdout;
        out.write(`all: ${line(status.total)}\n`);
        for (const { group, counts } of status.groups) out.write(`${name(group)}: ${line(counts)}\n`);
        for (const job of status.failed)
          out.write(`failed ${job.input}: ${job.reason} (${job.code}, job ${job.id})\n`);
      }),
    );

  common(queueCommand.command("retry").description("Send failed jobs back to the queue, with fresh attempts"))
    .argument("[ids...]", "job ids (default: every failed job, of --group if given)")
    .action((ids: string[], flags: QueueFlags) =>
      withQueue(flags, async (queue) => {
        const retried = await retryFailed(queue, {
          ...(flags.group ? { group: flags.group } : {}),
          ...(ids.length > 0 ? { ids } : {}),
        });
        context.io.stdout.write(`queue: ${retried} failed job${retried === 1 ? "" : "s"} sent back\n`);
        if (ids.length > 0 && retried < ids.length) context.setExitCode(1);
      }),
    );

  common(queueCommand.command("clean").description("Forget finished jobs older than --older-than"))
    .option("--failed", "forget failed jobs (default: done jobs)")
    .option("--older-than <interval>", "only jobs finished longer ago than this, e.g. 7d, 12h", "7d")
    .action((flags: QueueFlags & { failed?: boolean; olderThan: string }) =>
      withQueue(flags, async (queue) => {
        if (flags.group) {
          throw new ShirabeError("queue clean: --group is not supported; it cleans every group", {
            code: "bad-option",
            kind: "usage",
          });
        }
        const state = flags.failed ? "failed" : "done";
        const removed = await queue.clean(state, parseAge(flags.olderThan));
        context.io.stdout.write(`queue: ${removed} ${state} job${removed === 1 ? "" : "s"} forgotten\n`);
      }),
    );
}

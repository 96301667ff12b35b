// `shirabe watch <feed…>`: follows RSS, Atom, JSON feeds (and the feeds of OPML files), writing a report
// for every new item through the job queue. Once and exit, or every --every until interrupted.
import type { Command } from "commander";
import { openFeedStore } from "../../adapters/store/feed-store.js";
import { ShirabeError } from "../../errors.js";
import { expandFeedInputs, pollFeeds, type WatchEvent } from "../../feed-watch.js";
import { resolveSettings } from "../config.js";
import { buildHttpClient, type CommandContext, openSettingsStore } from "../context.js";
import { terminalText } from "../io.js";
import { FLAG_RANGES, parseNumberFlag } from "../number-flags.js";
import { type QueueRunFlags, startQueueRun } from "../queue-run.js";
import { addReportOptions, type ReportFlags, reportJobOptions } from "../report-run.js";
import { parseSinceFlag } from "../since-flag.js";

interface WatchFlags extends ReportFlags, QueueRunFlags {
  every?: string;
  match?: string;
  itemLang?: string;
  since?: string;
  maxPerPoll?: string;
  failureLimit: string;
  hostInterval: string;
}

export function registerWatch(program: Command, context: CommandContext): void {
  const command = program
    .command("watch")
    .description("Follow feeds (RSS, Atom, JSON Feed, OPML) and write a report for every new item")
    .argument("[feeds...]", "feed URLs, feed files or OPML files (default: every feed watched before)")
    .option("--every <interval>", "poll again at this interval, e.g. 15m, 1h (default: once, then exit)")
    .option("--match <keywords|/regex/>", "only items whose title or summary has one of these words")
    .option("--item-lang <tags>", "only items in these languages, comma-separated, e.g. en,zh")
    .option("--since <date>", "only items published on or after this date")
    .option("--max-per-poll <n>", "at most this many new items per feed and poll (the rest wait)")
    .option("--failure-limit <n>", "failed polls in a row before a feed is backed off", "3")
    .option("--host-interval <seconds>", "pause between two polls of the same host", "2")
    .option("--concurrency <n>", "reports written at once", "2")
    .option("--max-cost-per-day <usd>", "stop new LLM work before a UTC day's estimated spend passes this")
    .option("--queue <redis-url>", "enqueue for `shirabe worker` processes on Redis instead of writing here");
  // --since filters items here; the report option of that name (sources' dates) is left out.
  addReportOptions(command, ["--since"]).action(async (inputs: string[], flags: WatchFlags) => {
    const settings = resolveSettings(flags, context.io.env);
    const everyMs = flags.every === undefined ? undefined : parseInterval(flags.every);
    const since = flags.since === undefined ? undefined : parseSinceFlag(flags.since);
    const options = reportJobOptions({ ...flags, since: undefined });
    const store = openSettingsStore(settings);
    const feedStore = openFeedStore({ path: settings.storePath });
    const given = await expandFeedInputs(inputs);
    const feeds =
      given.length > 0
        ? given.map((feed) => feedStore.addFeed(feed.url, feed.title ? { title: feed.title } : {}))
        : feedStore.listFeeds();
    if (feeds.length === 0) {
      throw new ShirabeError("watch: no feeds; give feed URLs, feed files or an OPML file", {
        code: "bad-option",
        kind: "usage",
      });
    }
    const titles = new Map<string, string>();
    const run = startQueueRun({
      flags,
      settings,
      store,
      context,
      label: (job) => titles.get(job.input) ?? job.input,
    });
    const http = buildHttpClient(settings);
    // Feed and item titles are untrusted text: no terminal controls reach the terminal.
    const say = (line: string) => context.io.stderr.write(`${terminalText(line)}\n`);
    const onEvent = (event: WatchEvent) => {
      const name = event.feed.title ?? event.feed.url;
      if (event.type === "feed-failed") {
        say(
          `feed ${name}: ${event.message}${event.backedOffUntil ? `; backed off until ${event.backedOffUntil}` : ""}`,
        );
        context.setExitCode(1);
      } else if (event.type === "feed-waiting" && !flags.quiet) {
        say(`feed ${name}: backed off after failures; next poll at ${event.until}`);
      } else if (event.type === "item-note" && !flags.quiet) {
        say(`feed ${name}: item ${event.item}: ${event.message}`);
      } else if (event.type === "polled" && !flags.quiet) {
        say(
          event.notModified
            ? `feed ${name}: not modified`
            : `feed ${name}: ${event.items} items, ${event.fresh} new, ${event.queued} queued`,
        );
      }
    };
    try {
      for (;;) {
        const polled = pollFeeds(
          feeds.map((feed) => feedStore.getFeed(feed.id) ?? feed),
          { http, feeds: feedStore, queue: run.queue },
          {
            jobFor: (item) => {
              titles.set(item.url, item.title);
              return { input: item.url, options };
            },
            filters: {
              ...(flags.match ? { match: flags.match } : {}),
              ...(flags.itemLang ? { langs: flags.itemLang.split(",").map((tag) => tag.trim()) } : {}),
              ...(since ? { since } : {}),
            },
            ...(flags.maxPerPoll
              ? { maxPerPoll: parseNumberFlag("--max-per-poll", flags.maxPerPoll, FLAG_RANGES.maxPerPoll) }
              : {}),
            ...(everyMs ? { everyMs } : {}),
            failureLimit: parseNumberFlag("--failure-limit", flags.failureLimit, FLAG_RANGES.failureLimit),
            hostIntervalMs:
              parseNumberFlag("--host-interval", flags.hostInterval, FLAG_RANGES.hostInterval) * 1000,
            onEvent,
          },
        );
        await polled;
        if (everyMs === undefined) {
          await Promise.race([run.idle(), run.interrupted]);
          break;
        }
        const stop = await Promise.race([
          new Promise<boolean>((done) => setTimeout(() => done(false), everyMs)),
          run.interrupted.then(() => true),
        ]);
        if (stop) break;
      }
      const counts = await Promise.all(
        feeds.map(async (feed) => [feed, await run.queue.counts(feed.id)] as const),
      );
      for (const [feed, count] of counts) {
        context.io.stdout.write(
          `${feed.url}: ${count.done} reported, ${count.failed} failed, ${count.waiting + count.active} waiting\n`,
        );
      }
    } finally {
      await run.close();
      feedStore.close();
      store.close();
    }
  });
}

/** "15m", "1h", "90s", "1d" → milliseconds (at least 10 s: a feed is not a chat). */
function parseInterval(value: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(s|m|h|d)$/i.exec(value.trim());
  const unit = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 }[(match?.[2] ?? "").toLowerCase()];
  const ms = match && unit ? Number(match[1]) * unit : Number.NaN;
  if (!Number.isFinite(ms) || ms < 10_000) {
    throw new ShirabeError(`--every ${value}: expected an interval of at least 10s, like 15m, 1h or 90s`, {
      code: "bad-option",
      kind: "usage",
      input: value,
    });
  }
  return ms;
}

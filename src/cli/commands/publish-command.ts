// `shirabe publish --out <dir>`: the stored reports as a static briefing site (index by date, report
// pages with citation popovers, feed and language pages, Atom feed); only changed files are rewritten.
import type { Command } from "commander";
import { openFeedStore } from "../../adapters/store/feed-store.js";
import { publishSite } from "../../publish-site.js";
import { type CommonFlags, resolveSettings } from "../config.js";
import { type CommandContext, openSettingsStore } from "../context.js";
import { parseSinceFlag } from "../since-flag.js";

interface PublishFlags extends CommonFlags {
  out: string;
  since?: string;
  feed?: string;
  title?: string;
  baseUrl?: string;
  quiet?: boolean;
}

export function registerPublish(program: Command, context: CommandContext): void {
  program
    .command("publish")
    .description("Write the stored reports as a static briefing site (opens from disk or any server)")
    .requiredOption("--out <dir>", "the site's folder (created if missing)")
    .option("--since <date>", "only reports written on or after this date (YYYY-MM-DD)")
    .option("--feed <id|url>", "only reports of this watched feed")
    .option("--title <text>", "the site's title", "Shirabe briefing")
    .option("--base-url <url>", "the site's public address, for absolute links in the Atom feed")
    .option("--data-dir <dir>", "where reports are stored")
    .option("--quiet", "no summary on stderr")
    .option("--debug", "print stack traces")
    .action(async (flags: PublishFlags) => {
      const since = flags.since === undefined ? undefined : parseSinceFlag(flags.since);
      const settings = resolveSettings(flags, context.io.env);
      const store = openSettingsStore(settings);
      const feeds = openFeedStore({ path: settings.storePath });
      try {
        const result = await publishSite({
          out: flags.out,
          reports: store,
          feeds,
          ...(since ? { since } : {}),
          ...(flags.feed ? { feed: flags.feed } : {}),
          ...(flags.title ? { title: flags.title } : {}),
          ...(flags.baseUrl ? { baseUrl: flags.baseUrl } : {}),
        });
        if (!flags.quiet) {
          context.io.stderr.write(
            `published ${result.reports} reports to ${flags.out}: ${result.written.length} files written, ${result.unchanged} unchanged\n`,
          );
        }
      } finally {
        feeds.close();
        store.close();
      }
    });
}

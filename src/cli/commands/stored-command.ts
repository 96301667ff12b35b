// `shirabe list | show <id> | delete <id>`: the reports kept in the store.
import type { Command } from "commander";
import { parseFormat, renderReport, ShirabeError } from "../../index.js";
import { type CommonFlags, resolveSettings } from "../config.js";
import { type CommandContext, openSettingsStore } from "../context.js";
import { jsonLine, terminalDocument, terminalText } from "../io.js";
import { FLAG_RANGES, parseNumberFlag } from "../number-flags.js";

interface ListFlags extends CommonFlags {
  query?: string;
  limit: string;
  json?: boolean;
}

export function registerStoreCommands(program: Command, context: CommandContext): void {
  program
    .command("list")
    .description("List stored reports, newest first")
    .option("--query <text>", "only reports whose title or article URL contains this")
    .option("--limit <n>", "at most this many", "50")
    .option("--json", "one JSON object per line")
    .option("--data-dir <dir>", "where reports are stored")
    .action((flags: ListFlags) => {
      const store = openSettingsStore(resolveSettings(flags, context.io.env));
      try {
        const reports = store.listReports({
          limit: parseNumberFlag("--limit", flags.limit, FLAG_RANGES.limit),
          ...(flags.query ? { query: flags.query } : {}),
        });
        for (const summary of reports) {
          context.io.stdout.write(
            flags.json
              ? jsonLine(summary)
              : terminalText(
                  `${summary.id}  ${summary.createdAt.slice(0, 16).replace("T", " ")}  ${summary.lang}  ${summary.title.replace(/\s+/g, " ")}\n`,
                ),
          );
        }
        if (reports.length === 0 && !flags.json) context.io.stderr.write("no stored reports\n");
      } finally {
        store.close();
      }
    });

  program
    .command("show")
    .description("Print a stored report")
    .argument("<id>", "report id (from `shirabe list`)")
    .option("--format <format>", "md, html or json", "md")
    .option("--data-dir <dir>", "where reports are stored")
    .action((id: string, flags: CommonFlags & { format: string }) => {
      const format = parseFormat(flags.format);
      const store = openSettingsStore(resolveSettings(flags, context.io.env));
      try {
        const report = store.getReport(id);
        if (!report) throw notFound(id);
        const rendered = renderReport(report, format);
        context.io.stdout.write(terminalDocument(rendered, format));
      } finally {
        store.close();
      }
    });

  program
    .command("delete")
    .description("Delete a stored report")
    .argument("<id>", "report id (from `shirabe list`)")
    .option("--data-dir <dir>", "where reports are stored")
    .action((id: string, flags: CommonFlags) => {
      const store = openSettingsStore(resolveSettings(flags, context.io.env));
      try {
        if (!store.deleteReport(id)) throw notFound(id);
        context.io.stderr.write(`deleted ${id}\n`);
      } finally {
        store.close();
      }
    });
}

function notFound(id: string): ShirabeError {
  return new ShirabeError(`${id}: no such report; see \`shirabe list\``, {
    code: "not-found",
    kind: "input",
    input: id,
  });
}

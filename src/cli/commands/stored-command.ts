// `shirabe list | show <id> | delete <id>`: the reports kept in the store.

import { writeFile } from "node:fs/promises";
import { extname } from "node:path";
import type { Command } from "commander";
import {
  formatForPath,
  parseFormat,
  type ReportFormat,
  renderDocx,
  renderReport,
  ShirabeError,
} from "../../index.js";
import { type CommonFlags, resolveSettings } from "../config.js";
import { type CommandContext, openSettingsStore } from "../context.js";
import { jsonLine, terminalDocument, terminalText } from "../io.js";
import { FLAG_RANGES, parseNumberFlag } from "../number-flags.js";

interface ShowFlags extends CommonFlags {
  format?: string;
  out?: string;
}

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
    .description("Print a stored report, or write it to a file")
    .argument("<id>", "report id (from `shirabe list`)")
    .option("--format <format>", "md, html, json or docx (default: from --out's extension, else md)")
    .option("--out <file>", "write the report here instead of stdout (docx needs it on a terminal)")
    .option("--data-dir <dir>", "where reports are stored")
    .action(async (id: string, flags: ShowFlags) => {
      const format = showFormat(flags);
      if (format === "docx" && !flags.out && context.io.stdout.isTTY) throw docxToTerminal();
      const store = openSettingsStore(resolveSettings(flags, context.io.env));
      try {
        const report = store.getReport(id);
        if (!report) throw notFound(id);
        const rendered = format === "docx" ? await renderDocx(report) : renderReport(report, format);
        if (flags.out) {
          await writeFile(flags.out, rendered);
          context.io.stderr.write(`report ${id} written to ${flags.out}\n`);
        } else {
          context.io.stdout.write(
            typeof rendered === "string" ? terminalDocument(rendered, format) : rendered,
          );
        }
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

/** The format to show in: --format, else --out's extension, else Markdown. DOCX is binary, so only here. */
function showFormat(flags: ShowFlags): ReportFormat | "docx" {
  if (flags.format) return flags.format.toLowerCase() === "docx" ? "docx" : parseFormat(flags.format);
  if (!flags.out) return "md";
  return extname(flags.out).toLowerCase() === ".docx" ? "docx" : formatForPath(flags.out);
}

function docxToTerminal(): ShirabeError {
  return new ShirabeError(
    "--format docx: a .docx is binary; give --out <file>, or redirect stdout to a file",
    {
      code: "bad-option",
      kind: "usage",
      input: "docx",
    },
  );
}

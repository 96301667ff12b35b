// `shirabe extract <inputs…>`: read articles and print their metadata and text, one result per input.
import type { Command } from "commander";
import { type Article, isShirabeError, type ReadResult, readArticle, ShirabeError } from "../../index.js";
import { type CommonFlags, resolveSettings } from "../config.js";
import { buildHttpClient, type CommandContext, openSettingsStore } from "../context.js";
import { exitCodeFor } from "../exit-codes.js";
import { jsonLine, terminalText } from "../io.js";

interface ExtractFlags extends CommonFlags {
  json?: boolean;
  encoding?: string;
}

export function registerExtract(program: Command, context: CommandContext): void {
  program
    .command("extract")
    .description("Read articles (URLs or local .html/.md/.txt files) and print their metadata and main text")
    .argument("<inputs...>", "URLs or file paths")
    .option("--json", "one JSON object per input, one per line")
    .option("--encoding <label>", "decode with this encoding, whatever the page declares")
    .option("--allow-private-network", "allow fetching from loopback and private addresses")
    .option("--timeout <seconds>", "give up on a fetch after this many seconds (default 30)")
    .option("--data-dir <dir>", "where the page cache lives")
    .option("--no-cache", "do not read or write the page cache")
    .option("--debug", "print stack traces")
    .action(async (inputs: string[], flags: ExtractFlags) => {
      const settings = resolveSettings(flags, context.io.env);
      const store = settings.useCache ? openSettingsStore(settings) : undefined;
      const http = buildHttpClient(settings);
      try {
        for (const input of inputs) {
          try {
            const result = await readArticle(input, { http, ...(store ? { cache: store } : {}) }, flags);
            context.io.stdout.write(
              flags.json ? jsonLine(toJson(input, result)) : terminalText(formatArticle(result)),
            );
          } catch (thrown) {
            // Each input gets its own result: a bug met on one page must not drop the pages after it.
            const error = asShirabeError(input, thrown);
            context.setExitCode(exitCodeFor(error.kind));
            if (flags.json) {
              const failure = {
                input,
                ok: false,
                error: { code: error.code, kind: error.kind, message: error.message },
              };
              context.io.stdout.write(jsonLine(failure));
            }
            context.io.stderr.write(`shirabe: ${terminalText(error.message)}\n`);
            if (settings.debug) {
              const stack =
                error.kind === "internal" && error.cause instanceof Error ? error.cause.stack : error.stack;
              context.io.stderr.write(`${stack ?? ""}\n`);
            }
          }
        }
      } finally {
        store?.close();
      }
    });
}

/** An unexpected error as an internal failure of this input, its cause kept for --debug. */
function asShirabeError(input: string, error: unknown): ShirabeError {
  if (isShirabeError(error)) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new ShirabeError(
    `${input}: unexpected error while reading it (${detail}); run again with --debug for details, and report it if it persists`,
    { code: "internal", kind: "internal", input, cause: error },
  );
}

function toJson(input: string, { page, article }: ReadResult) {
  return {
    input,
    ok: true,
    page: { url: page.url, status: page.status, contentType: page.contentType, fromCache: page.fromCache },
    article,
  };
}

function formatArticle({ article }: ReadResult): string {
  // A page without a title is named by its address, as its report would be, never by an empty "# ".
  const lines = [`# ${article.title || article.url}`, ""];
  const fields: Array<[string, string | null]> = [
    ["URL", article.url],
    ["Canonical", article.canonicalUrl],
    ["Site", article.siteName],
    ["Author", article.author],
    ["Published", article.publishedAt],
    ["Language", article.lang],
    ["Links", article.links.length > 0 ? String(article.links.length) : null],
  ];
  for (const [name, value] of fields) if (value) lines.push(`${name}: ${value}`);
  lines.push("", formatText(article), "");
  return `${lines.join("\n")}\n`;
}

function formatText(article: Article): string {
  return article.blocks
    .map((block) => {
      switch (block.type) {
        case "heading":
          return `${"#".repeat(Math.min(block.level + 1, 6))} ${block.text}`;
        case "list":
          return block.items
            .map((item, index) => (block.ordered ? `${index + 1}. ${item}` : `- ${item}`))
            .join("\n");
        case "quote":
          return `> ${block.text}`;
        case "table":
          return block.rows.map((row) => `| ${row.join(" | ")} |`).join("\n");
        default:
          return block.text;
      }
    })
    .join("\n\n");
}

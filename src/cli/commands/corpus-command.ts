// `shirabe corpus add | search | list | remove`: the user's own library of sources, searchable in any
// language and usable by reports through --corpus.
import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import type { Command } from "commander";
import { type Corpus, openCorpus } from "../../adapters/store/corpus-store.js";
import { expandSourceInputs, readCorpusDocument, ShirabeError } from "../../index.js";
import type { CorpusHit } from "../../ports/search.js";
import { type CommonFlags, resolveSettings, type Settings } from "../config.js";
import { buildHttpClient, type CommandContext } from "../context.js";
import { exitCodeFor } from "../exit-codes.js";
import { jsonLine, terminalText } from "../io.js";

/** Characters of a matching passage printed in the human-readable listing. */
const PASSAGE_PREVIEW_CHARS = 240;
/** Characters shown before the first match when the preview cannot start at the passage's start. */
const PREVIEW_LEAD_CHARS = 60;

interface AddFlags extends CommonFlags {
  encoding?: string;
  json?: boolean;
}

interface SearchFlags extends CommonFlags {
  limit: string;
  all?: boolean;
  json?: boolean;
}

export function registerCorpus(program: Command, context: CommandContext): void {
  const corpus = program
    .command("corpus")
    .description("Manage the local corpus reports can draw on (--corpus)");
  const { io } = context;

  corpus
    .command("add")
    .description("Add files, folders (recursively) or URLs to the corpus; adding one again replaces it")
    .argument("<inputs...>", "files, folders or URLs")
    .option("--encoding <label>", "decode every input with this encoding")
    .option("--allow-private-network", "allow fetching from loopback and private addresses")
    .option("--timeout <seconds>", "give up on a fetch after this many seconds (default 30)")
    .option("--data-dir <dir>", "where the corpus is stored")
    .option("--json", "one JSON object per added or failed input")
    .action(async (inputs: string[], flags: AddFlags) => {
      const settings = resolveSettings(flags, io.env);
      const expanded = await expandSourceInputs(inputs, { maxFolderFiles: Number.POSITIVE_INFINITY });
      const http = buildHttpClient(settings);
      await withCorpus(settings, async (store) => {
        for (const input of expanded) {
          try {
            const read = await readCorpusDocument(input, http, flags.encoding);
            const { replaced } = store.addDocument(read);
            const line = { input, location: read.location, passages: read.passages.length, replaced };
            if (flags.json) io.stdout.write(jsonLine({ ok: true, ...line }));
            else
              io.stderr.write(
                terminalText(`${replaced ? "replaced" : "added"} ${input} (${line.passages} passages)\n`),
              );
          } catch (error) {
            if (!(error instanceof ShirabeError) || error.kind === "store") throw error;
            // One unreadable input is reported and skipped; the rest of the batch is still added.
            context.setExitCode(exitCodeFor(error.kind));
            if (flags.json) io.stdout.write(jsonLine({ ok: false, input, message: error.message }));
            else io.stderr.write(terminalText(`shirabe: ${error.message}\n`));
          }
        }
      });
    });

  corpus
    .command("search")
    .description("Search the corpus; prints ranked passages with their source")
    .argument(
      "<query...>",
      'words to find, best matches first (a missing word costs rank, not the hit); "quoted phrases" must occur as written; one or two kanji work too',
    )
    .option("--all", "only passages with every word")
    .option("--limit <n>", "at most this many hits", "10")
    .option("--data-dir <dir>", "where the corpus is stored")
    .option("--json", "one JSON object per hit")
    .action(async (words: string[], flags: SearchFlags) => {
      const query = words.join(" ");
      const limit = Number(flags.limit);
      if (!Number.isInteger(limit) || limit < 1) {
        throw new ShirabeError(`--limit ${flags.limit}: expected a whole number ≥ 1`, {
          code: "bad-option",
          kind: "usage",
          input: flags.limit,
        });
      }
      await withCorpus(resolveSettings(flags, io.env), async (store) => {
        const hits = store.searchCorpus(query, { limit, match: flags.all ? "all" : "any" });
        const marks = marksFor(io.stdout.isTTY, io.env);
        hits.forEach((hit, index) => {
          io.stdout.write(flags.json ? jsonLine(hit) : formatHit(hit, index + 1, marks));
        });
        if (hits.length === 0 && !flags.json) io.stderr.write(terminalText(`no passages match ${query}\n`));
      });
    });

  corpus
    .command("list")
    .description("List the corpus documents, newest first")
    .option("--data-dir <dir>", "where the corpus is stored")
    .option("--json", "one JSON object per document")
    .action(async (flags: CommonFlags & { json?: boolean }) => {
      await withCorpus(resolveSettings(flags, io.env), async (store) => {
        const documents = store.listDocuments();
        for (const document of documents) {
          io.stdout.write(
            flags.json
              ? jsonLine(document)
              : terminalText(
                  `${document.id}  ${document.passages} passages  ${document.title}  ${document.location}\n`,
                ),
          );
        }
        if (documents.length === 0 && !flags.json) io.stderr.write("the corpus is empty\n");
      });
    });

  corpus
    .command("remove")
    .description("Remove documents from the corpus")
    .argument("<documents...>", "location (URL or file path) or id from `shirabe corpus list`")
    .option("--data-dir <dir>", "where the corpus is stored")
    .action(async (documents: string[], flags: CommonFlags) => {
      await withCorpus(resolveSettings(flags, io.env), async (store) => {
        for (const document of documents) {
          const removed = store.removeDocument(document) || store.removeDocument(resolve(document));
          if (removed) {
            io.stderr.write(terminalText(`removed ${document}\n`));
            continue;
          }
          context.setExitCode(exitCodeFor("input"));
          io.stderr.write(
            terminalText(`shirabe: ${document}: not in the corpus; see \`shirabe corpus list\`\n`),
          );
        }
      });
    });
}

async function withCorpus(settings: Settings, action: (store: Corpus) => Promise<void>): Promise<void> {
  try {
    mkdirSync(settings.dataDir, { recursive: true });
  } catch (error) {
    throw new ShirabeError(
      `${settings.dataDir}: cannot create the data directory; choose another with --data-dir`,
      { code: "data-dir", kind: "store", input: settings.dataDir, cause: error },
    );
  }
  const store = openCorpus({ path: settings.storePath });
  try {
    await action(store);
  } finally {
    store.close();
  }
}

function formatHit(hit: CorpusHit, rank: number, marks: Marks): string {
  const page = hit.page === null ? "" : ` (p. ${hit.page})`;
  const why = hit.matched.length > 0 ? `\n   matched: ${hit.matched.join(", ")}` : "";
  // The marks are the only control characters let through: the rest is the documents' text.
  return `${rank}. ${terminalText(hit.title)}\n   ${terminalText(hit.location)}${page}\n   ${preview(hit, marks)}${terminalText(why)}\n`;
}

/** How matched words are marked: bold on a terminal, «» where escape codes would show as text. */
interface Marks {
  open: string;
  close: string;
}

function marksFor(isTTY: boolean | undefined, env: Record<string, string | undefined>): Marks {
  return isTTY && !env.NO_COLOR ? { open: "\x1b[1m", close: "\x1b[22m" } : { open: "«", close: "»" };
}

/**
 * The passage with its matched words marked, whitespace collapsed, cut to PASSAGE_PREVIEW_CHARS around
 * the first match so the reason for the hit is always in view.
 */
function preview(hit: CorpusHit, marks: Marks): string {
  const text = hit.passage;
  const first = hit.highlights[0]?.start ?? 0;
  const from = first > PASSAGE_PREVIEW_CHARS / 2 ? first - PREVIEW_LEAD_CHARS : 0;
  const to = Math.min(text.length, from + PASSAGE_PREVIEW_CHARS);
  const squeeze = (piece: string) => terminalText(piece).replace(/\s+/g, " ");
  let out = from > 0 ? "…" : "";
  let cursor = from;
  for (const { start, end } of hit.highlights) {
    if (end <= cursor || start >= to) continue;
    out += squeeze(text.slice(cursor, Math.max(cursor, start)));
    out += `${marks.open}${squeeze(text.slice(Math.max(cursor, start), Math.min(end, to)))}${marks.close}`;
    cursor = Math.min(end, to);
  }
  out += squeeze(text.slice(cursor, to));
  return `${out.trim()}${to < text.length ? "…" : ""}`;
}

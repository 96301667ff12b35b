// `shirabe check <report.md>`: lists every seed-format rule the report breaks.
import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import { z } from "zod";
import { type CheckOptions, checkReport, ShirabeError } from "../../index.js";
import type { CommandContext } from "../context.js";
import { jsonLine, terminalText } from "../io.js";

interface CheckFlags {
  lang?: string;
  json?: boolean;
  provenance?: string;
}

export function registerCheck(program: Command, context: CommandContext): void {
  program
    .command("check")
    .description("Check a Markdown report against every rule of the seed format")
    .argument("<file>", "the report (Markdown)")
    .option("--lang <tag>", "the report's language (default: guessed from its section names)")
    .option(
      "--provenance <report.json>",
      "the report's JSON (--format json): also check each claim against its source",
    )
    .option("--json", "violations as JSON")
    .action(async (file: string, flags: CheckFlags) => {
      const markdown = await readText(file, "the report");
      const evidence = flags.provenance
        ? parseProvenance(flags.provenance, await readText(flags.provenance, "the JSON"))
        : {};
      const violations = checkReport(markdown, { ...(flags.lang ? { lang: flags.lang } : {}), ...evidence });
      if (flags.json) {
        context.io.stdout.write(jsonLine({ file, ok: violations.length === 0, violations }));
      } else if (violations.length === 0) {
        context.io.stdout.write(`${file}: ok, no violations\n`);
      } else {
        for (const violation of violations) {
          context.io.stdout.write(
            terminalText(`${file}:${violation.line}: ${violation.rule}: ${violation.message}\n`),
          );
        }
        context.io.stdout.write(`${violations.length} violation(s)\n`);
      }
      if (violations.length > 0) context.setExitCode(1);
    });
}

async function readText(file: string, what: string): Promise<string> {
  return readFile(file, "utf8").catch((error: unknown) => {
    throw new ShirabeError(`${file}: cannot read ${what}; check the path`, {
      code: "file-not-found",
      kind: "input",
      input: file,
      cause: error,
    });
  });
}

/** The fields of a report's JSON that the support check reads, so a file of another shape is refused. */
const provenanceSchema = z.object({
  sources: z.array(
    z.object({
      id: z.string(),
      article: z.object({
        url: z.string(),
        canonicalUrl: z.string().nullable().optional(),
        text: z.string(),
        lang: z.string(),
      }),
    }),
  ),
  passages: z.array(
    z.object({ id: z.string(), sourceId: z.string(), text: z.string(), start: z.number(), end: z.number() }),
  ),
  report: z.object({ glossary: z.array(z.string()).optional() }).optional(),
});

type Provenance = Required<Pick<CheckOptions, "sources" | "passages">> & Pick<CheckOptions, "glossary">;

/**
 * The sources and passages of a report's JSON rendering, which the claims are checked against, with the
 * writer's glossary of name spellings when the JSON has one.
 */
function parseProvenance(file: string, text: string): Provenance {
  try {
    const document = JSON.parse(text) as Provenance & { report?: { glossary?: string[] } };
    // Validated, then used whole: the schema names only what must be there, not all there is.
    if (provenanceSchema.safeParse(document).success) {
      const glossary = document.report?.glossary;
      return {
        sources: document.sources,
        passages: document.passages,
        ...(glossary ? { glossary } : {}),
      };
    }
  } catch {
    // reported below, with what to do
  }
  throw new ShirabeError(`${file}: not a report's JSON; write one with \`shirabe report … --format json\``, {
    code: "bad-provenance",
    kind: "input",
    input: file,
  });
}

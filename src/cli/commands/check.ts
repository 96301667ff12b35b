// `shirabe check <report.md>`: lists every seed-format rule the report breaks.
import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import { checkReport, ShirabeError } from "../../index.js";
import type { CommandContext } from "../context.js";

interface CheckFlags {
  lang?: string;
  json?: boolean;
}

export function registerCheck(program: Command, context: CommandContext): void {
  program
    .command("check")
    .description("Check a Markdown report against every rule of the seed format")
    .argument("<file>", "the report (Markdown)")
    .option("--lang <tag>", "the report's language (default: guessed from its section names)")
    .option("--json", "violations as JSON")
    .action(async (file: string, flags: CheckFlags) => {
      const markdown = await readFile(file, "utf8").catch((error: unknown) => {
        throw new ShirabeError(`${file}: cannot read the report; check the path`, {
          code: "file-not-found",
          kind: "input",
          input: file,
          cause: error,
        });
      });
      const violations = checkReport(markdown, flags.lang ? { lang: flags.lang } : {});
      if (flags.json) {
        context.io.stdout.write(`${JSON.stringify({ file, ok: violations.length === 0, violations })}\n`);
      } else if (violations.length === 0) {
        context.io.stdout.write(`${file}: ok, no violations\n`);
      } else {
        for (const violation of violations) {
          context.io.stdout.write(`${file}:${violation.line}: ${violation.rule}: ${violation.message}\n`);
        }
        context.io.stdout.write(`${violations.length} violation(s)\n`);
      }
      if (violations.length > 0) context.setExitCode(1);
    });
}

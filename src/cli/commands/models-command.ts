// `shirabe models`: the providers Shirabe knows, whether each has its key, and the model a report uses.
// Keys are never printed: only whether the variable that holds one is set.
import type { Command } from "commander";
import { DEFAULT_PRICES } from "../../adapters/llm/index.js";
import { type LlmFlags, resolveLlmSettings } from "../config.js";
import type { CommandContext } from "../context.js";

interface ModelsFlags extends Pick<LlmFlags, "config" | "model"> {
  json?: boolean;
}

export function registerModels(program: Command, context: CommandContext): void {
  program
    .command("models")
    .description("List the configured LLM providers and the model reports are written with")
    .option("--config <file>", "config file with providers, models and prices (JSON)")
    .option("--model <provider:model>", "show this model as the one in use")
    .option("--json", "as JSON")
    .action((flags: ModelsFlags) => {
      const settings = resolveLlmSettings(flags, context.io.env);
      const providers = settings.providers.map((p) => ({
        name: p.name,
        kind: p.kind,
        baseURL: p.baseURL,
        keyEnv: p.keyEnv,
        key: p.keyEnv ? (p.apiKey ? "set" : "missing") : "not needed",
        structuredOutput: p.structuredOutput,
        concurrency: p.concurrency,
      }));
      const model = settings.model
        ? {
            id: settings.model.id,
            structuredOutput: settings.model.structuredOutput,
            price: settings.model.price ?? null,
          }
        : null;
      if (flags.json) {
        const prices = { ...DEFAULT_PRICES };
        context.io.stdout.write(
          `${JSON.stringify({ config: settings.configPath, model, providers, prices })}\n`,
        );
        return;
      }
      const out = context.io.stdout;
      out.write(
        model
          ? `model: ${model.id} (${model.structuredOutput}${model.price ? `, $${model.price.input}/$${model.price.output} per M tokens in/out` : ", no price"})\n`
          : 'model: none; reports use the extractive engine (set --model, SHIRABE_MODEL or "model" in the config file)\n',
      );
      out.write(`config: ${settings.configPath ?? "none"}\n\n`);
      const rows = [
        ["provider", "kind", "key", "json", "limit", "base URL"],
        ...providers.map((p) => [
          p.name,
          p.kind,
          p.keyEnv ? `${p.keyEnv} ${p.key}` : p.key,
          p.structuredOutput,
          String(p.concurrency),
          p.baseURL,
        ]),
      ];
      const widths =
        rows[0]?.map((_, column) =>
          rows.reduce((widest, row) => Math.max(widest, (row[column] ?? "").length), 0),
        ) ?? [];
      for (const row of rows) {
        out.write(
          `${row
            .map((cell, column) => cell.padEnd(widths[column] ?? 0))
            .join("  ")
            .trimEnd()}\n`,
        );
      }
    });
}

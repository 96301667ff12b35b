// Getting a JSON value out of a model's text and telling the model what to fix. A near-miss (a trailing
// comma, a missing brace, single quotes) is mended locally with jsonrepair before a paid repair round.
import { jsonrepair } from "jsonrepair";
import type { z } from "zod";

/** Parses the first JSON object in `text`, tolerating code fences and prose around it. */
function parseJsonAnswer(text: string): unknown {
  const unfenced = text.replace(/^\s*```(?:json)?\s*/i, "").replace(/\s*```\s*$/, "");
  try {
    return JSON.parse(unfenced);
  } catch (error) {
    const start = unfenced.indexOf("{");
    const end = unfenced.lastIndexOf("}");
    if (start >= 0 && end > start) return JSON.parse(unfenced.slice(start, end + 1));
    throw error;
  }
}

export type Validation<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * Validates an answer against `schema`. Unless the answer was cut at the output limit (then mending would
 * hide the lost end), JSON that does not parse is mended with jsonrepair and validated again.
 */
export function validateAnswer<T>(
  text: string,
  schema: z.ZodType<T>,
  options: { cut?: boolean } = {},
): Validation<T> {
  let parsed: unknown;
  try {
    parsed = parseJsonAnswer(text);
  } catch (error) {
    const mended = options.cut ? undefined : mend(text);
    if (mended === undefined) return { ok: false, error: `not valid JSON (${(error as Error).message})` };
    const checked = schema.safeParse(mended);
    if (checked.success) return { ok: true, value: checked.data };
    return { ok: false, error: `not valid JSON (${(error as Error).message})` };
  }
  const result = schema.safeParse(parsed);
  if (result.success) return { ok: true, value: result.data };
  const issues = result.error.issues
    .slice(0, 8)
    .map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`)
    .join("; ");
  return { ok: false, error: issues };
}

function mend(text: string): unknown {
  const start = text.indexOf("{");
  if (start < 0) return undefined;
  const end = text.lastIndexOf("}");
  const candidate = (end > start ? text.slice(start, end + 1) : text.slice(start)).replace(/\s*```\s*$/, "");
  try {
    return JSON.parse(jsonrepair(candidate));
  } catch {
    return undefined;
  }
}

/** The instruction that carries the schema when the provider is not given it natively. */
export function schemaInstruction(jsonSchema: unknown): string {
  return `Answer with one JSON object only, no prose and no code fences, matching this JSON schema:\n${JSON.stringify(jsonSchema)}`;
}

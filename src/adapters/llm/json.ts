// Getting a JSON value out of a model's text and telling the model what to fix.
import type { z } from "zod";

/** Parses the first JSON object in `text`, tolerating code fences and prose around it. */
export function parseJsonAnswer(text: string): unknown {
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

export function validateAnswer<T>(text: string, schema: z.ZodType<T>): Validation<T> {
  let parsed: unknown;
  try {
    parsed = parseJsonAnswer(text);
  } catch (error) {
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

/** The instruction that carries the schema when the provider is not given it natively. */
export function schemaInstruction(jsonSchema: unknown): string {
  return `Answer with one JSON object only, no prose and no code fences, matching this JSON schema:\n${JSON.stringify(jsonSchema)}`;
}

// A shirabe.json naming a fake LLM server as provider `local` (model `local:fake-model`, key read from
// LOCAL_LLM_KEY, JSON mode), as a user would write one for an OpenAI-compatible endpoint.
import { writeFileSync } from "node:fs";
import { join } from "node:path";

export const FAKE_MODEL = "local:fake-model";

export function writeFakeModelConfig(
  dir: string,
  baseURL: string,
  extra: { provider?: Record<string, unknown>; config?: Record<string, unknown> } = {},
): string {
  const path = join(dir, "shirabe.json");
  const local = { baseURL, keyEnv: "LOCAL_LLM_KEY", structuredOutput: "json-mode", ...extra.provider };
  writeFileSync(path, JSON.stringify({ model: FAKE_MODEL, providers: { local }, ...extra.config }));
  return path;
}

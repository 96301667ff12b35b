// The AI SDK and its provider packages take ~90 ms of CPU to load, a sixth of a whole offline report;
// a run on the extractive engine needs none of them, so they load on the first call that does.
type AiSdk = typeof import("ai");

let aiSdk: Promise<AiSdk> | undefined;

export function loadAiSdk(): Promise<AiSdk> {
  aiSdk ??= import("ai");
  return aiSdk;
}

export const loadAnthropic = () => import("@ai-sdk/anthropic");
export const loadGoogle = () => import("@ai-sdk/google");
export const loadOpenAiCompatible = () => import("@ai-sdk/openai-compatible");

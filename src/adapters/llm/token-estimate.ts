// Token counts before (or without) the provider's own: the budget's worst case for a call about to be
// sent, and the usage of an answer whose stream was cut before the provider could report it.
import type { LanguageModelV3Prompt } from "@ai-sdk/provider";
import type { Spend } from "./budget.js";
import { costUsd, type ModelPrice } from "./prices.js";

/** A safe upper bound on tokens: CJK characters count one each, other text one per three characters. */
export function estimateTokens(text: string): number {
  const cjk = text.match(/[\u3000-\u9fff\uac00-\ud7af\uff00-\uffef]/g)?.length ?? 0;
  return cjk + Math.ceil((text.length - cjk) / 3);
}

export function estimatePromptTokens(prompt: LanguageModelV3Prompt): number {
  return estimateTokens(JSON.stringify(prompt));
}

/** The most a call could spend: its prompt plus its whole output allowance. */
export function worstCase(
  promptTokens: number,
  maxOutputTokens: number,
  price: ModelPrice | undefined,
): Spend {
  return {
    tokens: promptTokens + maxOutputTokens,
    costUsd: costUsd(price, promptTokens, maxOutputTokens),
  };
}

// The budget as AI SDK language-model middleware: before a request is sent its worst case is reserved
// (a call that could pass --max-cost or --max-tokens throws "budget-exceeded" and is never sent); when its
// stream ends — finished, cut or cancelled — what it really spent is recorded and reported to the call.
// A stream cut before the provider reported usage still cost its prompt and the text that arrived, so
// those are counted from estimates: nothing paid goes missing from the budget or the usage line.
import type { LanguageModelV3Middleware, LanguageModelV3Usage } from "@ai-sdk/provider";
import type { Budget } from "./budget.js";
import { costUsd, type ModelPrice } from "./prices.js";
import { watchStream } from "./stream-watch.js";
import { estimatePromptTokens, estimateTokens, worstCase } from "./token-estimate.js";

export interface AttemptSpend {
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  /** True when the provider reported no usage (a cut stream) and the counts are estimates. */
  estimated: boolean;
}

export interface BudgetMiddlewareOptions {
  budget: Budget | undefined;
  price: ModelPrice | undefined;
  /** The output allowance reserved when a call names none. */
  defaultMaxOutputTokens: number;
  /** Called once for every request that reached the provider and began to answer. */
  onSpend: (spend: AttemptSpend) => void;
}

export function budgetMiddleware(options: BudgetMiddlewareOptions): LanguageModelV3Middleware {
  return {
    specificationVersion: "v3",
    async wrapStream({ doStream, params }) {
      const promptTokens = estimatePromptTokens(params.prompt);
      const maxOutputTokens = params.maxOutputTokens ?? options.defaultMaxOutputTokens;
      const release = options.budget?.reserve(worstCase(promptTokens, maxOutputTokens, options.price));
      let result: Awaited<ReturnType<typeof doStream>>;
      try {
        result = await doStream();
      } catch (error) {
        // No answer began (refused, rate-limited, unreachable): nothing was spent.
        release?.();
        throw error;
      }
      let text = "";
      let usage: LanguageModelV3Usage | undefined;
      const stream = watchStream(result.stream, {
        onPart(part) {
          if (part.type === "text-delta") text += part.delta;
          else if (part.type === "finish") usage = part.usage;
        },
        onEnd() {
          const reportedIn = usage?.inputTokens.total;
          const reportedOut = usage?.outputTokens.total;
          const inputTokens = reportedIn ?? promptTokens;
          const outputTokens = reportedOut ?? estimateTokens(text);
          const spend = {
            inputTokens,
            outputTokens,
            costUsd: costUsd(options.price, inputTokens, outputTokens),
            estimated: reportedIn === undefined || reportedOut === undefined,
          };
          options.budget?.record({ tokens: inputTokens + outputTokens, costUsd: spend.costUsd });
          release?.();
          options.onSpend(spend);
        },
      });
      return { ...result, stream };
    },
  };
}

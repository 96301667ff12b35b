// Stops a run before a call could take it past --max-cost or --max-tokens. A call reserves its worst
// case (prompt plus the whole output allowance) before it is sent and settles to its real usage after,
// so calls running in parallel cannot together overshoot.
import { ShirabeError } from "../../errors.js";

export interface BudgetLimits {
  maxCostUsd?: number;
  maxTokens?: number;
}

export interface Spend {
  tokens: number;
  costUsd: number;
}

export interface Budget {
  readonly limits: BudgetLimits;
  /** Throws "budget-exceeded" when `worst` on top of what is spent and reserved could pass a limit. */
  reserve(worst: Spend): () => void;
  record(actual: Spend): void;
  spent(): Spend;
}

export function createBudget(limits: BudgetLimits): Budget {
  const spent: Spend = { tokens: 0, costUsd: 0 };
  const reserved: Spend = { tokens: 0, costUsd: 0 };
  return {
    limits,
    reserve(worst) {
      const tokens = spent.tokens + reserved.tokens + worst.tokens;
      const cost = spent.costUsd + reserved.costUsd + worst.costUsd;
      if (limits.maxTokens !== undefined && tokens > limits.maxTokens) {
        throw exceeded(
          `the next call could bring tokens to ${tokens}, over --max-tokens ${limits.maxTokens} (spent ${spent.tokens})`,
        );
      }
      if (limits.maxCostUsd !== undefined && cost > limits.maxCostUsd) {
        throw exceeded(
          `the next call could bring the cost to $${cost.toFixed(4)}, over --max-cost ${limits.maxCostUsd} (spent $${spent.costUsd.toFixed(4)})`,
        );
      }
      reserved.tokens += worst.tokens;
      reserved.costUsd += worst.costUsd;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        reserved.tokens -= worst.tokens;
        reserved.costUsd -= worst.costUsd;
      };
    },
    record(actual) {
      spent.tokens += actual.tokens;
      spent.costUsd += actual.costUsd;
    },
    spent: () => ({ ...spent }),
  };
}

function exceeded(detail: string): ShirabeError {
  return new ShirabeError(`budget: ${detail}; stopped before the call`, {
    code: "budget-exceeded",
    kind: "usage",
  });
}

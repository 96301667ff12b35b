// --max-cost-per-day for unattended work: one budget per UTC day, shared by every report job of this
// process and started from what the store says was already spent that day. A job's LLM calls reserve
// against its own --max-cost and the day's budget; when the day's is spent the job waits for tomorrow.
import { type Budget, createBudget } from "../adapters/llm/budget.js";
import { ShirabeError } from "../errors.js";

export interface DailyBudget {
  /** A job's budget that also counts against today's. */
  combine(perReport: Budget): Budget;
  /** Midnight UTC after now, when the next day's budget opens. */
  nextDay(): Date;
}

export function isDailyBudgetError(error: unknown): boolean {
  return error instanceof ShirabeError && error.code === "daily-budget-exceeded";
}

export function createDailyBudget(options: {
  maxCostUsd: number;
  /** Spend recorded since an ISO time (the store's LLM usage). */
  spentSince: (since: string) => number;
  now?: () => Date;
}): DailyBudget {
  const now = options.now ?? (() => new Date());
  let day = "";
  let today: Budget = createBudget({});
  const current = (): Budget => {
    const date = now().toISOString().slice(0, 10);
    if (date !== day) {
      day = date;
      const spent = options.spentSince(`${date}T00:00:00.000Z`);
      today = createBudget({ maxCostUsd: Math.max(0, options.maxCostUsd - spent) });
    }
    return today;
  };
  return {
    combine(perReport) {
      return {
        limits: perReport.limits,
        reserve(worst) {
          const release = perReport.reserve(worst);
          let releaseDay: () => void;
          try {
            releaseDay = current().reserve(worst);
          } catch (error) {
            release();
            throw new ShirabeError(
              `--max-cost-per-day ${options.maxCostUsd}: today's LLM budget is spent; the report waits for tomorrow (UTC)`,
              { code: "daily-budget-exceeded", kind: "usage", cause: error },
            );
          }
          return () => {
            release();
            releaseDay();
          };
        },
        record(actual) {
          perReport.record(actual);
          current().record(actual);
        },
        spent: () => perReport.spent(),
      };
    },
    nextDay() {
      const next = new Date(`${now().toISOString().slice(0, 10)}T00:00:00.000Z`);
      next.setUTCDate(next.getUTCDate() + 1);
      return next;
    },
  };
}

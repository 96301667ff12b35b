// Every numeric flag is read here, against a range: a value outside it is a usage error (exit 2) that
// names the flag and the range, never a silent default or a timer that overflows.
import { ShirabeError } from "../errors.js";

export interface NumberRange {
  min: number;
  max: number;
  /** Whole numbers only. */
  integer?: boolean;
  /** What the number counts, for the message: "seconds", "US dollars". */
  unit?: string;
}

/** Ranges of the flags; the upper bounds keep every value far from what a timer or counter can hold. */
export const FLAG_RANGES = {
  timeout: { min: 0.1, max: 3_600, unit: "seconds" },
  maxLinks: { min: 0, max: 1_000, integer: true },
  maxSources: { min: 0, max: 1_000, integer: true },
  maxCost: { min: 0.000_001, max: 1_000_000, unit: "US dollars" },
  maxTokens: { min: 1, max: 1_000_000_000_000, integer: true },
  limit: { min: 1, max: 100_000, integer: true },
  concurrency: { min: 1, max: 256, integer: true },
  maxCostPerDay: { min: 0.000_001, max: 1_000_000, unit: "US dollars" },
  maxPerPoll: { min: 1, max: 100_000, integer: true },
  failureLimit: { min: 1, max: 1_000, integer: true },
  hostInterval: { min: 0, max: 3_600, unit: "seconds" },
} satisfies Record<string, NumberRange>;

export function parseNumberFlag(flag: string, value: string, range: NumberRange): number {
  const number = value.trim() === "" ? Number.NaN : Number(value);
  const whole = range.integer ? Number.isInteger(number) : Number.isFinite(number);
  if (!whole || number < range.min || number > range.max) {
    const kind = range.integer ? "a whole number" : "a number";
    const unit = range.unit ? ` ${range.unit}` : "";
    throw new ShirabeError(
      `${flag} ${value}: expected ${kind} from ${range.min} to ${range.max.toLocaleString("en")}${unit}`,
      { code: "bad-option", kind: "usage", input: value },
    );
  }
  return number;
}

// `--since <date>` of publish and watch: an ISO date (2025-01-31, optionally with a time) read the same way
// by both, a usage error (exit 2) naming the value otherwise.
import { ShirabeError } from "../errors.js";

export function parseSinceFlag(value: string): string {
  const time = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(time)) {
    throw new ShirabeError(`--since ${value}: expected a date like 2025-01-31`, {
      code: "bad-option",
      kind: "usage",
      input: value,
    });
  }
  return new Date(time).toISOString();
}

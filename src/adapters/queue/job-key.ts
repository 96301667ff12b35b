// A job's idempotency key: the hash of its queue name and data with object keys sorted, so the same input
// with the same options is the same job whichever order the options were written in. Every backend uses
// it as the job id (BullMQ's jobId included), so enqueueing twice never runs the work twice.
import { createHash } from "node:crypto";

export function jobKey(queue: string, data: unknown): string {
  return createHash("sha256")
    .update(`${queue}\n${canonicalJson(data)}`)
    .digest("hex")
    .slice(0, 32);
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

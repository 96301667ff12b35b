// A JSON response put together from parts already encoded (the store keeps what readers are sent as
// UTF-8 JSON), so a report or a list of 1,000 is sent without being parsed and serialised again.
import type { Context, TypedResponse } from "hono";

/** A 200 JSON response whose parts, joined, encode a T (the route's schema says what T is). */
export function jsonResponse<T>(
  c: Context,
  parts: ReadonlyArray<string | Uint8Array>,
): Response & TypedResponse<T, 200, "json"> {
  const body = Buffer.concat(parts.map((part) => (typeof part === "string" ? Buffer.from(part) : part)));
  const response: Response = c.body(body, 200, { "content-type": "application/json" });
  return response as Response & TypedResponse<T, 200, "json">;
}

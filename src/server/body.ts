// Reads a request body with a hard cap: a body that announces or streams more than the cap is refused
// with 413 before it is buffered.
import type { IncomingMessage } from "node:http";
import { ApiError } from "./api-error.js";

export async function readBody(request: IncomingMessage, limitBytes: number): Promise<Buffer> {
  const tooLarge = () =>
    new ApiError(
      413,
      "too-large",
      `the request body is larger than ${limitBytes} bytes; send a smaller file`,
    );
  const declared = Number(request.headers["content-length"] ?? "0");
  if (declared > limitBytes) {
    request.resume();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limitBytes) {
      request.resume();
      throw tooLarge();
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Parses a JSON request body; anything but a JSON object is a 400. */
export async function readJsonObject(
  request: IncomingMessage,
  limitBytes: number,
): Promise<Record<string, unknown>> {
  const type = (request.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json") {
    throw new ApiError(
      415,
      "unsupported-media-type",
      "send the request body as JSON (content-type: application/json)",
    );
  }
  const body = await readBody(request, limitBytes);
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString("utf8"));
  } catch {
    throw new ApiError(400, "bad-json", "the request body is not valid JSON");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new ApiError(400, "bad-request", "the request body must be a JSON object");
  }
  return parsed as Record<string, unknown>;
}

/** Parses an application/x-www-form-urlencoded body (the login form). */
export async function readForm(request: IncomingMessage, limitBytes: number): Promise<URLSearchParams> {
  return new URLSearchParams((await readBody(request, limitBytes)).toString("utf8"));
}

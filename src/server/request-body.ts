// Turns what hono's validators and body limit refuse into the API's JSON errors: a zod issue names the
// field at fault, and each field has its own error code (FIELD_ERROR_CODES).
import type { Hook } from "@hono/zod-openapi";
import type { Env } from "hono";
import { ApiError } from "./api-error.js";
import { FIELD_ERROR_CODES } from "./api-schemas.js";

interface ZodFailure {
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>;
}

/** The first issue, as a 400 with the field's error code. */
export function validationError(error: ZodFailure): ApiError {
  const issue = error.issues[0];
  const field = String(issue?.path[0] ?? "");
  if (field === "id") return new ApiError(404, "not-found", "no report with that id");
  // An element of sources that is not a web URL is a bad URL, like the article's own.
  const code = field === "sources" && issue?.path.length === 2 ? "bad-url" : FIELD_ERROR_CODES[field];
  return new ApiError(400, code ?? "bad-request", issue?.message ?? "the request is not valid");
}

// biome-ignore lint/suspicious/noExplicitAny: the hook serves every route, whatever its schemas
export const validationHook: Hook<any, Env, any, any> = (result) => {
  if (!result.success) throw validationError(result.error);
};

export const tooLarge = (limitBytes: number) =>
  new ApiError(413, "too-large", `the request body is larger than ${limitBytes} bytes; send a smaller file`);

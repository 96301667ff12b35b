// Users see their file names, never the server's paths: the private upload folder is rewritten out of
// every event, error and stored report of a job.
import type { JobError, JobEventData } from "./job-types.js";

/** Rewrites the private upload folder out of a text: users see their file names, never server paths. */
export function hidePath(folder: string | undefined): (text: string) => string {
  if (!folder) return (text) => text;
  const prefixes = [`file://${folder}/`, `${folder}/`, `file://${folder}`, folder];
  return (text) => prefixes.reduce((result, prefix) => result.replaceAll(prefix, ""), text);
}

export function redactEvent(data: JobEventData, redact: (text: string) => string): JobEventData {
  if (data.type !== "source") return data;
  return { ...data, input: redact(data.input), ...(data.message ? { message: redact(data.message) } : {}) };
}

export function redactError(error: JobError, redact: (text: string) => string): JobError {
  return { code: error.code, message: redact(error.message) };
}

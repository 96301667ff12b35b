// Turns a validated POST /api/reports body into a job request. Only web URLs may be named as inputs:
// a remote user must never be able to make the server read its own files. Uploaded files are written
// to a private temp folder (upload-folder.ts) and removed when their job ends.
import { ApiError } from "./api-error.js";
import type { Submission } from "./api-schemas.js";
import type { Engine, JobRequest } from "./job-types.js";
import { saveUploads } from "./upload-folder.js";

export interface SubmissionLimits {
  maxUploadBytes: number;
  engines: Record<string, Engine>;
}

const bad = (code: string, message: string) => new ApiError(400, code, message);

/** The engine and model asked for, if this server offers them. */
function pickEngine(body: Submission, engines: Record<string, Engine>) {
  const engineName = body.engine;
  const engine = Object.hasOwn(engines, engineName) ? engines[engineName] : undefined;
  if (!engine) {
    throw bad(
      "engine-not-available",
      `engine "${engineName.slice(0, 40)}" is not available on this server; use one of ${Object.keys(engines).join(", ")}`,
    );
  }
  const model = body.model === "" ? undefined : body.model;
  const models = engine.models ?? [];
  if (model !== undefined && !models.includes(model)) {
    throw bad(
      "model-not-available",
      models.length > 0
        ? `model "${model.slice(0, 80)}" is not available for ${engineName}; use one of ${models.join(", ")}`
        : `the ${engineName} engine has no choice of model; leave model empty`,
    );
  }
  return { engineName, engine, ...(model === undefined ? {} : { model }) };
}

/** Checks everything but the files, so that a refused submission writes nothing. */
export function checkSubmission(
  body: Submission,
  limits: SubmissionLimits,
): Omit<JobRequest, "input" | "label"> {
  const files = body.files ?? [];
  if (body.url !== undefined && files.length > 0)
    throw bad("two-inputs", "send either url or files, not both");
  if (body.url === undefined && files.length === 0) {
    throw bad("missing-input", "send the article as url (an http(s) URL) or as uploaded files");
  }
  return {
    lang: body.lang,
    ...pickEngine(body, limits.engines),
    sources: body.sources,
    ...(body.maxLinks === undefined ? {} : { maxLinks: body.maxLinks }),
    ...(body.followLinks === undefined ? {} : { followLinks: body.followLinks }),
  };
}

export async function parseSubmission(body: Submission, limits: SubmissionLimits): Promise<JobRequest> {
  const common = checkSubmission(body, limits);
  if (body.url !== undefined) return { ...common, input: body.url, label: body.url };
  return { ...common, ...(await saveUploads(body.files ?? [], body.article, limits.maxUploadBytes)) };
}

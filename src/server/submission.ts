// Checks a POST /api/reports body and turns it into a job request. Only web URLs may be named as
// inputs: a remote user must never be able to make the server read its own files. An uploaded file
// is written to a private temp folder and removed when its job ends.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { extname, join } from "node:path";
import type { Writer } from "../index.js";
import { ApiError } from "./api-error.js";
import type { JobRequest } from "./jobs.js";

/** Report languages the web app offers. */
export const LANGS = ["ja", "en"] as const;
const FILE_TYPES = [".html", ".htm", ".md", ".markdown", ".txt"];
const MAX_SOURCES = 20;
const MAX_LINKS = 50;
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** What an engine is told when a job starts. */
export interface EngineStart {
  /** The model the user picked (one of the engine's `models`), if any. */
  model: string | undefined;
  input: string;
  lang: string;
  sources: string[];
  maxLinks: number;
  followLinks: boolean;
}

/** One job's use of an engine. */
export interface EngineSession {
  writer: Writer;
  /**
   * Called once when the job ends. For a failure it may return the error to show instead (e.g. with
   * how to resume the run).
   */
  end?(outcome: { reportId: string } | { error: unknown }): unknown;
}

/** A writing engine the server offers; the CLI configures them, the server never reads keys. */
export interface Engine {
  /** Models a user may pick; empty or absent when the engine has no choice of model. */
  models?: string[];
  start(options: EngineStart): EngineSession;
}

export interface SubmissionLimits {
  maxUploadBytes: number;
  engines: Record<string, Engine>;
}

const bad = (code: string, message: string) => new ApiError(400, code, message);

export async function parseSubmission(
  body: Record<string, unknown>,
  limits: SubmissionLimits,
): Promise<JobRequest> {
  const lang = body.lang ?? "ja";
  if (typeof lang !== "string" || !(LANGS as readonly string[]).includes(lang)) {
    throw bad("unknown-lang", `lang must be one of ${LANGS.join(", ")}`);
  }
  const engineName = body.engine ?? "extractive";
  if (typeof engineName !== "string") throw bad("bad-engine", 'engine must be a string such as "extractive"');
  const engine = Object.hasOwn(limits.engines, engineName) ? limits.engines[engineName] : undefined;
  if (!engine) {
    throw bad(
      "engine-not-available",
      `engine "${engineName.slice(0, 40)}" is not available on this server; use one of ${Object.keys(limits.engines).join(", ")}`,
    );
  }
  if (body.model !== undefined && typeof body.model !== "string") {
    throw bad("bad-model", "model must be a string");
  }
  const model = body.model === "" ? undefined : (body.model as string | undefined);
  const models = engine.models ?? [];
  if (model !== undefined && !models.includes(model)) {
    throw bad(
      "model-not-available",
      models.length > 0
        ? `model "${model.slice(0, 80)}" is not available for ${engineName}; use one of ${models.join(", ")}`
        : `the ${engineName} engine has no choice of model; leave model empty`,
    );
  }
  const sources = parseSources(body.sources);
  const maxLinks = body.maxLinks;
  if (
    maxLinks !== undefined &&
    !(Number.isInteger(maxLinks) && (maxLinks as number) >= 0 && (maxLinks as number) <= MAX_LINKS)
  ) {
    throw bad("bad-max-links", `maxLinks must be a whole number from 0 to ${MAX_LINKS}`);
  }
  if (body.followLinks !== undefined && typeof body.followLinks !== "boolean") {
    throw bad("bad-follow-links", "followLinks must be true or false");
  }
  const common = {
    lang,
    engineName,
    engine,
    ...(model === undefined ? {} : { model }),
    sources,
    ...(maxLinks === undefined ? {} : { maxLinks: maxLinks as number }),
    ...(body.followLinks === undefined ? {} : { followLinks: body.followLinks as boolean }),
  };

  if (body.url !== undefined && body.file !== undefined)
    throw bad("two-inputs", "send either url or file, not both");
  if (body.url !== undefined) {
    const url = parseWebUrl(body.url, "url");
    return { ...common, input: url, label: url };
  }
  if (body.file !== undefined) return { ...common, ...(await saveUpload(body.file, limits.maxUploadBytes)) };
  throw bad("missing-input", "send the article as url (an http(s) URL) or file ({name, content})");
}

function parseWebUrl(value: unknown, field: string): string {
  if (typeof value !== "string" || value.trim() === "")
    throw bad("bad-url", `${field} must be an http(s) URL`);
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw bad("bad-url", `${field} is not a URL; paste the full address starting with https://`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw bad("bad-url", `${field} must be an http(s) URL`);
  return url.href;
}

function parseSources(value: unknown): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw bad("bad-sources", "sources must be a list of http(s) URLs");
  if (value.length > MAX_SOURCES) throw bad("bad-sources", `at most ${MAX_SOURCES} sources`);
  return value.map((item, index) => parseWebUrl(item, `sources[${index}]`));
}

async function saveUpload(
  file: unknown,
  maxBytes: number,
): Promise<Pick<JobRequest, "input" | "label" | "cleanup">> {
  if (typeof file !== "object" || file === null) throw bad("bad-file", "file must be {name, content}");
  const { name, content, encoding } = file as { name?: unknown; content?: unknown; encoding?: unknown };
  if (typeof name !== "string" || typeof content !== "string") {
    throw bad("bad-file", "file must be {name, content} with content a string");
  }
  if (encoding !== undefined && encoding !== "text" && encoding !== "base64") {
    throw bad("bad-file", 'file.encoding must be "text" or "base64"');
  }
  // Only the last path segment is used, so a name like ../../x cannot place the file elsewhere.
  const base =
    name
      .split(/[\\/]/)
      .pop()
      ?.replace(/[^\p{L}\p{N}._-]+/gu, "_")
      .slice(0, 100) ?? "";
  const extension = extname(base).toLowerCase();
  if (!FILE_TYPES.includes(extension)) {
    throw bad("bad-file-type", `file must be HTML, Markdown or text (${FILE_TYPES.join(", ")})`);
  }
  // Raw bytes (base64) keep a Shift_JIS or EUC-JP file for the decode stage to read as such. Text is
  // already decoded, so it is written as UTF-8 with a BOM, which outranks any charset the page declares.
  const bytes =
    encoding === "base64" ? Buffer.from(content, "base64") : Buffer.concat([UTF8_BOM, Buffer.from(content)]);
  if (bytes.length > maxBytes + (encoding === "base64" ? 0 : UTF8_BOM.length)) {
    throw new ApiError(413, "too-large", `the file is larger than ${maxBytes} bytes; upload a smaller file`);
  }
  const folder = await mkdtemp(join(tmpdir(), "shirabe-upload-"));
  const path = join(folder, base);
  await writeFile(path, bytes);
  return { input: path, label: base, cleanup: () => rm(folder, { recursive: true, force: true }) };
}

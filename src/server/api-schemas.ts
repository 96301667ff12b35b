// What the API accepts and answers, in zod: the routes validate with these schemas and
// docs/openapi.json is generated from them (scripts/write-openapi.ts), so the two cannot drift.
import { z } from "@hono/zod-openapi";

/** Report languages the web app offers. */
export const LANGS = ["ja", "en"] as const;
export const MAX_SOURCES = 20;
export const MAX_LINKS = 50;
export const EXPORT_FORMATS = ["md", "html", "json", "docx", "pdf"] as const;

/** The error code answered for a bad value of each field; anything else is "bad-request". */
export const FIELD_ERROR_CODES: Record<string, string> = {
  lang: "unknown-lang",
  engine: "bad-engine",
  model: "bad-model",
  url: "bad-url",
  sources: "bad-sources",
  maxLinks: "bad-max-links",
  followLinks: "bad-follow-links",
  article: "bad-file",
  files: "bad-file",
  limit: "bad-limit",
  format: "bad-format",
  q: "bad-query",
  group: "bad-group",
};

function parseWebUrl(value: string, field: string, context: z.RefinementCtx): string {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    context.addIssue({
      code: "custom",
      message: `${field} is not a URL; paste the full address starting with https://`,
    });
    return z.NEVER;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    context.addIssue({ code: "custom", message: `${field} must be an http(s) URL` });
    return z.NEVER;
  }
  return url.href;
}

const webUrl = (field: string) =>
  z
    .string({ error: `${field} must be an http(s) URL` })
    .transform((value, context) => parseWebUrl(value, field, context))
    .openapi({ type: "string", format: "uri", example: "https://news.example/2025/article" });

const lang = z
  .enum(LANGS, { error: `lang must be one of ${LANGS.join(", ")}` })
  .default("ja")
  .openapi({ description: "Report language" });
const engine = z
  .string({ error: 'engine must be a string such as "extractive"' })
  .default("extractive")
  .openapi({ description: "A writing engine this server offers (GET / lists them)" });
const model = z
  .string({ error: "model must be a string" })
  .optional()
  .openapi({ description: "One of the engine's models; leave out for the extractive engine" });
const maxLinks = z
  .number({ error: `maxLinks must be a whole number from 0 to ${MAX_LINKS}` })
  .int({ error: `maxLinks must be a whole number from 0 to ${MAX_LINKS}` })
  .min(0, { error: `maxLinks must be a whole number from 0 to ${MAX_LINKS}` })
  .max(MAX_LINKS, { error: `maxLinks must be a whole number from 0 to ${MAX_LINKS}` });

/** POST /api/reports as JSON: an article named by URL. */
export const UrlSubmission = z
  .object(
    {
      url: webUrl("url").optional(),
      lang,
      engine,
      model,
      sources: z
        .array(webUrl("sources[]"), { error: "sources must be a list of http(s) URLs" })
        .max(MAX_SOURCES, { error: `at most ${MAX_SOURCES} sources` })
        .default([]),
      maxLinks: maxLinks.optional(),
      followLinks: z.boolean({ error: "followLinks must be true or false" }).optional(),
    },
    { error: "the request body must be a JSON object" },
  )
  .openapi("UrlSubmission");

const uploadedFile = z
  .custom<File>((value) => value instanceof File, { error: "files must be uploaded files" })
  .openapi({ type: "string", format: "binary" });

const formBoolean = z
  .enum(["true", "false", "on", "1", "0"], { error: "followLinks must be true or false" })
  .transform((value) => value === "true" || value === "on" || value === "1");

/** POST /api/reports as multipart/form-data: uploaded files (several, a folder, or a zip), or a URL. */
export const FormSubmission = z
  .object({
    files: z
      .union([uploadedFile, z.array(uploadedFile)])
      .optional()
      .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]))
      .openapi({
        description:
          "The article and the pages it links to: HTML, Markdown or text files, a folder's files (their relative paths as file names) or one .zip",
      }),
    article: z.string().optional().openapi({
      description:
        "Which uploaded file is the article (default: the only one, else article.*/index.*, else the first)",
    }),
    url: webUrl("url").optional(),
    lang,
    engine,
    model,
    sources: z
      .string()
      .optional()
      .openapi({ description: "More source URLs, one per line" })
      .transform((value, context) =>
        (value ?? "")
          .split(/\s+/)
          .filter(Boolean)
          .map((item, index) => parseWebUrl(item, `sources[${index}]`, context)),
      ),
    maxLinks: z
      .string()
      .optional()
      .transform((value, context) => {
        if (value === undefined || value === "") return undefined;
        const parsed = maxLinks.safeParse(Number(value));
        if (parsed.success) return parsed.data;
        context.addIssue({
          code: "custom",
          message: `maxLinks must be a whole number from 0 to ${MAX_LINKS}`,
        });
        return z.NEVER;
      })
      .openapi({ type: "integer" }),
    followLinks: formBoolean.optional(),
  })
  .openapi("FormSubmission");

export type Submission = Omit<z.output<typeof UrlSubmission>, "url"> & {
  url?: string | undefined;
  files?: File[];
  article?: string | undefined;
};

export const ReportId = z.object({
  id: z
    .string()
    .regex(/^[0-9a-f-]{8,64}$/i)
    .openapi({ param: { name: "id", in: "path" }, example: "0b6f3c1e-6f0a-4d1c-9a55-2f0f0c3f8e21" }),
});

export const ListQuery = z.object({
  q: z.string().max(500).optional().openapi({ description: "Words to find in titles, URLs and report text" }),
  limit: z
    .string()
    .optional()
    .transform((value, context) => {
      const limit = Number(value ?? 50);
      if (Number.isInteger(limit) && limit >= 1 && limit <= 1000) return limit;
      context.addIssue({ code: "custom", message: "limit must be a whole number from 1 to 1000" });
      return z.NEVER;
    })
    .openapi({ type: "integer", minimum: 1, maximum: 1000, default: 50 }),
});

export const ExportQuery = z.object({
  format: z
    .string()
    .default("md")
    .transform((value, context) => {
      const format = value.toLowerCase() === "markdown" ? "md" : value.toLowerCase();
      if ((EXPORT_FORMATS as readonly string[]).includes(format))
        return format as (typeof EXPORT_FORMATS)[number];
      context.addIssue({ code: "custom", message: `format must be ${EXPORT_FORMATS.join(", ")}` });
      return z.NEVER;
    })
    .openapi({ type: "string", enum: [...EXPORT_FORMATS] }),
  download: z.enum(["0", "1"]).optional().openapi({ description: "0 shows the export in the browser" }),
});

export const EventsQuery = z.object({
  lastEventId: z.string().optional().openapi({ description: "Same as the Last-Event-ID header" }),
});

export const ApiErrorBody = z
  .object({ error: z.object({ code: z.string(), message: z.string() }) })
  .openapi("Error");

export const JobErrorBody = z.object({ code: z.string(), message: z.string() });

export const JobView = z
  .object({
    id: z.string(),
    status: z.enum(["queued", "running", "done", "failed"]),
    input: z.string().openapi({ description: "The URL, or the uploaded file's name" }),
    lang: z.string(),
    engine: z.string(),
    createdAt: z.string(),
    startedAt: z.string().optional(),
    finishedAt: z.string().optional(),
    title: z.string().optional(),
    error: JobErrorBody.optional(),
  })
  .openapi("Job");

export const Created = z.object({ id: z.string(), status: z.string() }).openapi("Created");

export const ReportSummary = z
  .object({
    id: z.string(),
    title: z.string(),
    lang: z.string(),
    engine: z.string(),
    createdAt: z.string(),
    originalUrl: z.string(),
    snippet: z.string().optional().openapi({ description: "Where the search words occur in the report" }),
  })
  .openapi("ReportSummary");

export const ReportList = z
  .object({ reports: z.array(ReportSummary), jobs: z.array(JobView) })
  .openapi("ReportList");

export const ReportState = JobView.extend({
  report: z
    .looseObject({
      id: z.string(),
      title: z.string(),
      lang: z.string(),
      sources: z.array(z.looseObject({ id: z.string(), title: z.string(), url: z.string() })),
    })
    .optional()
    .openapi({ description: "The finished report (sources without their full text); see src/types.ts" }),
}).openapi("ReportState");

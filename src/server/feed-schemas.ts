// What the feeds API accepts and answers, in zod, like api-schemas.ts: the routes validate with these
// and docs/openapi.json is generated from them.
import { z } from "@hono/zod-openapi";

const autoReport = z
  .boolean({ error: "autoReport must be true or false" })
  .openapi({ description: "Whether the feed's new items become reports" });

export const FeedSubmission = z
  .object(
    {
      url: z
        .string({ error: "url must be the feed's http(s) URL" })
        .transform((value, context) => {
          let url: URL | null = null;
          try {
            url = new URL(value.trim());
          } catch {}
          if (url?.protocol === "http:" || url?.protocol === "https:") return url.href;
          context.addIssue({
            code: "custom",
            message:
              "url is not a feed address; paste the full RSS, Atom or JSON Feed URL starting with https://",
          });
          return z.NEVER;
        })
        .openapi({ type: "string", format: "uri", example: "https://news.example/feed.xml" }),
      autoReport: autoReport.default(true),
    },
    { error: "the request body must be a JSON object" },
  )
  .openapi("FeedSubmission");

export const FeedChange = z
  .object({ autoReport }, { error: "the request body must be a JSON object" })
  .openapi("FeedChange");

export const FeedParam = z.object({
  feedId: z.string().openapi({ param: { name: "feedId", in: "path" }, example: "3f2a9c01b7e4" }),
});

export const ItemsQuery = z.object({
  limit: z.coerce
    .number({ error: "limit must be a whole number from 1 to 500" })
    .int({ error: "limit must be a whole number from 1 to 500" })
    .min(1, { error: "limit must be a whole number from 1 to 500" })
    .max(500, { error: "limit must be a whole number from 1 to 500" })
    .default(100),
});

export const FeedView = z
  .object({
    id: z.string(),
    url: z.string(),
    title: z.string().nullable(),
    addedAt: z.string(),
    autoReport: z.boolean(),
    lastPollAt: z.string().nullable(),
    lastError: z.string().nullable().openapi({ description: "The last poll's error; null when it worked" }),
    failures: z.number().openapi({ description: "Failed polls in a row" }),
    backedOffUntil: z.string().nullable().openapi({ description: "No automatic poll before this time" }),
  })
  .openapi("Feed");

export const FeedList = z.object({ feeds: z.array(FeedView) }).openapi("FeedList");

export const PollResult = z
  .object({
    feed: FeedView,
    error: z.string().nullable(),
    items: z.number().openapi({ description: "Items in the feed document" }),
    fresh: z.number().openapi({ description: "Items not seen before" }),
    queued: z.number().openapi({ description: "Report jobs started" }),
  })
  .openapi("PollResult");

export const REPORT_STATUSES = ["skipped", "waiting", "queued", "running", "done", "failed"] as const;

export const ItemView = z
  .object({
    key: z.string(),
    url: z.string(),
    title: z.string(),
    publishedAt: z.string().nullable(),
    seenAt: z.string(),
    note: z.string().nullable().openapi({ description: "Why it is not reported, or a note on its data" }),
    reportId: z.string().nullable().openapi({ description: "The report (job) id; see /api/reports/{id}" }),
    reportStatus: z.enum(REPORT_STATUSES).openapi({
      description: "skipped: not to be reported; waiting: no job yet; then the report job's status",
    }),
  })
  .openapi("FeedItem");

export const ItemList = z.object({ items: z.array(ItemView) }).openapi("FeedItemList");

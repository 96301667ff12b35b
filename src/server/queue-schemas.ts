// What the queue API answers (serve --queue), in zod like api-schemas.ts: docs/openapi.json is generated
// from these. The shapes are those of src/queue-status.ts, the same as `shirabe queue status --json`.
import { z } from "@hono/zod-openapi";

const StateCounts = z
  .object({ waiting: z.number(), active: z.number(), done: z.number(), failed: z.number() })
  .openapi("QueueCounts");

export const QueueStatusView = z
  .object({
    total: StateCounts,
    groups: z
      .array(z.object({ group: z.string(), counts: StateCounts }))
      .openapi({ description: "Per feed (its id) or batch" }),
    failed: z.array(
      z.object({
        id: z.string(),
        group: z.string().nullable(),
        input: z.string(),
        code: z.string(),
        reason: z.string(),
        at: z.string().openapi({ description: "When it failed (ISO 8601)" }),
      }),
    ),
  })
  .openapi("QueueStatus");

export const RetryRequest = z
  .object(
    {
      group: z
        .string({ error: "group must be the name of a feed or batch (a string)" })
        .optional()
        .openapi({ description: "Only this feed's or batch's failed jobs; all when left out" }),
    },
    { error: "the request body must be a JSON object" },
  )
  .openapi("QueueRetry");

export const Retried = z
  .object({ retried: z.number().openapi({ description: "Failed jobs sent back to waiting" }) })
  .openapi("QueueRetried");

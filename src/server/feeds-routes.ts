// The JSON API under /api/feeds: follow and unfollow feeds, poll them now, turn their automatic reports
// on or off, and list their items with the status of each item's report. Also the Atom feed of the
// server's reports (/api/reports.atom), built like the published site's atom.xml.
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { FeedItemRecord, FeedRecord, FeedStore } from "../ports/feeds.js";
import type { JobStore, ReportStore } from "../ports/store.js";
import { reportsAtom } from "../publish-site.js";
import { ApiError } from "./api-error.js";
import { ApiErrorBody } from "./api-schemas.js";
import type { FeedPoller, PollSummary } from "./feed-poller.js";
import {
  FeedChange,
  FeedList,
  FeedParam,
  FeedSubmission,
  FeedView,
  ItemList,
  ItemsQuery,
  PollResult,
} from "./feed-schemas.js";
import type { JobRunner } from "./jobs.js";
import { errors, json } from "./reports-routes.js";
import { validationHook } from "./request-body.js";

export interface FeedsDeps {
  feeds: FeedStore;
  poller: FeedPoller;
  runner: Pick<JobRunner, "get">;
  store: ReportStore & JobStore;
}

const feedView = (feed: FeedRecord) => ({
  id: feed.id,
  url: feed.url,
  title: feed.title,
  addedAt: feed.addedAt,
  autoReport: feed.autoReport,
  lastPollAt: feed.lastPollAt,
  lastError: feed.lastError,
  failures: feed.failures,
  backedOffUntil: feed.nextPollAt > Date.now() ? new Date(feed.nextPollAt).toISOString() : null,
});

const pollView = (poll: PollSummary) => ({ ...poll, feed: feedView(poll.feed) });

const noFeed = () => new ApiError(404, "not-found", "no feed with that id");

export function feedsRoutes(deps: FeedsDeps): OpenAPIHono {
  const app = new OpenAPIHono({ defaultHook: validationHook });
  const { feeds, poller, runner, store } = deps;
  const feedOf = (id: string) => {
    const feed = feeds.getFeed(id);
    if (!feed) throw noFeed();
    return feed;
  };

  /** An item's report: the runner knows jobs under way; the store, reports and failed runs of before. */
  const reportStatus = (item: FeedItemRecord) => {
    if (!item.wanted) return "skipped" as const;
    if (!item.jobId) return "waiting" as const;
    const job = runner.get(item.jobId);
    if (job) return job.status;
    if (store.getReport(item.jobId)) return "done" as const;
    return store.getRun(item.jobId)?.status === "failed" ? ("failed" as const) : ("queued" as const);
  };

  const list = createRoute({
    method: "get",
    path: "/feeds",
    summary: "The feeds followed, with their last poll and error",
    responses: { 200: json(FeedList, "Feeds, oldest first") },
  });
  app.openapi(list, (c) => {
    c.header("cache-control", "no-store");
    return c.json({ feeds: feeds.listFeeds().map(feedView) }, 200);
  });

  const add = createRoute({
    method: "post",
    path: "/feeds",
    summary: "Follow a feed (RSS, Atom or JSON Feed); it is polled at once",
    description:
      "A feed that cannot be read (not a feed, a private address, an error) is refused and not kept; one already followed is polled again.",
    request: { body: { required: true, content: { "application/json": { schema: FeedSubmission } } } },
    responses: { 201: json(PollResult, "Followed and polled"), ...errors(400, 415) },
  });
  app.openapi(add, async (c) => {
    const { url, autoReport } = c.req.valid("json");
    const known = feeds.getFeed(url);
    const feed = known ?? feeds.addFeed(url, { autoReport });
    const [poll] = await poller.pollNow([feed]);
    if (!known && poll?.error) {
      feeds.removeFeed(feed.id);
      throw new ApiError(400, "bad-feed", poll.error);
    }
    c.header("location", `/api/feeds/${feed.id}`);
    return c.json(pollView(poll ?? { feed, error: null, items: 0, fresh: 0, queued: 0 }), 201);
  });

  const change = createRoute({
    method: "patch",
    path: "/feeds/{feedId}",
    summary: "Turn the feed's automatic reports on or off",
    request: {
      params: FeedParam,
      body: { required: true, content: { "application/json": { schema: FeedChange } } },
    },
    responses: { 200: json(FeedView, "The feed as it is now"), ...errors(400, 404, 415) },
  });
  app.openapi(change, (c) => {
    const feed = feedOf(c.req.valid("param").feedId);
    feeds.setAutoReport(feed.id, c.req.valid("json").autoReport);
    return c.json(feedView(feedOf(feed.id)), 200);
  });

  const remove = createRoute({
    method: "delete",
    path: "/feeds/{feedId}",
    summary: "Stop following a feed (its reports stay)",
    request: { params: FeedParam },
    responses: { 204: { description: "Removed" }, ...errors(404) },
  });
  app.openapi(remove, (c) => {
    if (!feeds.removeFeed(c.req.valid("param").feedId)) throw noFeed();
    return c.body(null, 204);
  });

  const poll = createRoute({
    method: "post",
    path: "/feeds/{feedId}/poll",
    summary: "Poll the feed now (even when backed off); new items become reports if it reports automatically",
    request: { params: FeedParam },
    responses: { 200: json(PollResult, "How the poll went"), ...errors(404) },
  });
  app.openapi(poll, async (c) => {
    const feed = feedOf(c.req.valid("param").feedId);
    const [result] = await poller.pollNow([feed]);
    return c.json(pollView(result ?? { feed, error: null, items: 0, fresh: 0, queued: 0 }), 200);
  });

  const items = createRoute({
    method: "get",
    path: "/feeds/{feedId}/items",
    summary: "The feed's items, newest first, each with its report's status",
    request: { params: FeedParam, query: ItemsQuery },
    responses: { 200: json(ItemList, "Items seen in the feed"), ...errors(400, 404) },
  });
  app.openapi(items, (c) => {
    const feed = feedOf(c.req.valid("param").feedId);
    const { limit } = c.req.valid("query");
    c.header("cache-control", "no-store");
    const list = feeds.listItems(feed.id, { limit }).map((item) => ({
      key: item.key,
      url: item.url,
      title: item.title,
      publishedAt: item.publishedAt,
      seenAt: item.seenAt,
      note: item.note,
      reportId: item.jobId,
      reportStatus: reportStatus(item),
    }));
    return c.json({ items: list }, 200);
  });

  const atom = createRoute({
    method: "get",
    path: "/reports.atom",
    summary: "The Atom feed of the newest reports (as the published site's atom.xml)",
    responses: {
      200: { description: "Atom feed", content: { "application/atom+xml": { schema: z.string() } } },
      500: { description: "The store failed", content: { "application/json": { schema: ApiErrorBody } } },
    },
  });
  app.openapi(atom, (c) => {
    const origin = new URL(c.req.url).origin;
    const xml = reportsAtom(store, feeds, {
      title: "Shirabe reports",
      baseUrl: `${origin}/`,
      reportPath: (id) => `#/reports/${encodeURIComponent(id)}`,
      atomPath: "api/reports.atom",
      homePath: "#/reports",
    });
    return c.body(xml, 200, {
      "content-type": "application/atom+xml; charset=utf-8",
      "cache-control": "no-store",
    });
  });

  return app;
}

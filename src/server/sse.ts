// Server-sent events for one job, with hono's SSE helper: replays the log after Last-Event-ID, then
// streams new events and ends after the job's last event (done or failed). A job that ended in an
// earlier life of the server (a restart) is told again past the id the browser last saw, never
// renumbered from 1 under it, so a reconnecting tab always hears how its job ended.
import type { Context } from "hono";
import { type SSEStreamingApi, streamSSE } from "hono/streaming";
import type { JobError, JobEvent, JobEventData } from "./job-types.js";
import type { JobRunner } from "./jobs.js";

const HEARTBEAT_MS = 15_000;
/** Tells EventSource how long to wait before reconnecting after a dropped connection. */
const RETRY_MS = 2000;

export function lastEventId(c: Context): number {
  const raw = c.req.header("last-event-id") ?? c.req.query("lastEventId") ?? "0";
  const id = Number(raw);
  return Number.isInteger(id) && id > 0 ? id : 0;
}

const isLast = (event: JobEvent) => event.data.type === "done" || event.data.type === "failed";
const send = (stream: SSEStreamingApi, event: JobEvent) =>
  stream.writeSSE({ id: String(event.id), data: JSON.stringify(event.data) });

/** Ended events told again, numbered after what the client saw. */
async function sendEnding(stream: SSEStreamingApi, after: number, ending: JobEventData[]) {
  await stream.write(`retry: ${RETRY_MS}\n\n`);
  for (const [index, data] of ending.entries()) await send(stream, { id: after + index + 1, data });
}

export function streamJobEvents(c: Context, runner: JobRunner, jobId: string, after: number): Response {
  return streamSSE(c, async (stream) => {
    const job = runner.get(jobId);
    if (!job) return;
    const lastId = job.events.length;
    const ended = job.status === "done" || job.status === "failed";
    if (ended && after >= lastId) {
      // The browser saw as much as this server has, or more (it followed the job before a restart).
      return sendEnding(
        stream,
        after,
        job.events.slice(-2).map((event) => event.data),
      );
    }
    // A job this server took over after a restart (one still running on a queue's worker) numbers its
    // events anew: the browser, which saw more, hears the later ones numbered on from what it saw.
    const shift = after > lastId ? after - lastId : 0;
    await stream.write(`retry: ${RETRY_MS}\n\n`);
    await new Promise<void>((finish) => {
      const queue: JobEvent[] = [];
      let writing = Promise.resolve();
      const push = (original: JobEvent) => {
        const event = { ...original, id: original.id + shift };
        if (event.id <= after) return;
        queue.push(event);
        writing = writing.then(async () => {
          const next = queue.shift();
          if (!next || stream.closed || stream.aborted) return;
          await send(stream, next);
          if (isLast(next)) stop();
        });
      };
      const heartbeat = setInterval(
        () => void stream.write(": keep-alive\n\n").catch(() => {}),
        HEARTBEAT_MS,
      );
      const unsubscribe = runner.subscribe(jobId, push);
      let stopped = false;
      const stop = () => {
        if (stopped) return;
        stopped = true;
        clearInterval(heartbeat);
        unsubscribe();
        void writing.then(finish, finish);
      };
      stream.onAbort(stop);
      for (const event of [...job.events]) push(event);
    });
  });
}

/** A stored report with no job in memory (made by the CLI or before a restart): one "done" event. */
export function streamStoredDone(c: Context, after: number, id: string, title: string): Response {
  return streamSSE(c, (stream) =>
    sendEnding(stream, after, [
      { type: "status", status: "done" },
      { type: "done", id, title },
    ]),
  );
}

/** A job that failed before this server started (or was interrupted by its restart): its end, replayed. */
export function streamStoredFailed(c: Context, after: number, error: JobError): Response {
  return streamSSE(c, (stream) =>
    sendEnding(stream, after, [
      { type: "status", status: "failed" },
      { type: "failed", error },
    ]),
  );
}

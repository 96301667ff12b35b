// Server-sent events for one job: replays the log after Last-Event-ID, then streams new events and
// ends the response after the job's last event (done or failed).
import type { IncomingMessage, ServerResponse } from "node:http";
import type { JobEvent, JobRunner } from "./jobs.js";

const HEARTBEAT_MS = 15_000;

export function lastEventId(request: IncomingMessage, query: URLSearchParams): number {
  const raw = request.headers["last-event-id"] ?? query.get("lastEventId") ?? "0";
  const id = Number(Array.isArray(raw) ? raw[0] : raw);
  return Number.isInteger(id) && id > 0 ? id : 0;
}

function format(event: JobEvent): string {
  return `id: ${event.id}\ndata: ${JSON.stringify(event.data)}\n\n`;
}

const isLast = (event: JobEvent) => event.data.type === "done" || event.data.type === "failed";

export function streamJobEvents(
  request: IncomingMessage,
  response: ServerResponse,
  runner: JobRunner,
  jobId: string,
  after: number,
): void {
  const job = runner.get(jobId);
  if (!job) return;
  response.writeHead(200, {
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-store",
    "x-accel-buffering": "no",
  });
  // Tells EventSource to wait 2 s before reconnecting after a dropped connection.
  response.write("retry: 2000\n\n");
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    unsubscribe();
    clearInterval(heartbeat);
    response.end();
  };
  const send = (event: JobEvent) => {
    if (ended || event.id <= after) return;
    response.write(format(event));
    if (isLast(event)) end();
  };
  const unsubscribe = runner.subscribe(jobId, send);
  const heartbeat = setInterval(() => response.write(": keep-alive\n\n"), HEARTBEAT_MS);
  request.on("close", end);
  for (const event of [...job.events]) send(event);
}

/** A stored report with no job in memory (made by the CLI or before a restart): one "done" event. */
export function streamStoredDone(response: ServerResponse, id: string, title: string): void {
  response.writeHead(200, {
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-store",
  });
  response.write(format({ id: 1, data: { type: "status", status: "done" } }));
  response.end(format({ id: 2, data: { type: "done", id, title } }));
}

/** A job that failed before this server started (or was interrupted by its restart): its end, replayed. */
export function streamStoredFailed(response: ServerResponse, error: { code: string; message: string }): void {
  response.writeHead(200, {
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-store",
  });
  response.write(format({ id: 1, data: { type: "status", status: "failed" } }));
  response.end(format({ id: 2, data: { type: "failed", error } }));
}

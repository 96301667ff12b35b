// The queue's event stream (a Redis stream beside BullMQ's keys) read from another process: progress and
// results of jobs that workers on other machines run, delivered to this process's listeners.
import type { QueueEvent } from "../../ports/queue.js";
import { openRedis } from "../redis/redis-connection.js";

/** Follows the event stream from now on, delivering other processes' events (this one's are local). */
export function readEvents<Result>(
  url: string,
  stream: string,
  instance: string,
  deliver: (event: QueueEvent<Result>) => void,
): { stop(): Promise<void> } {
  const client = openRedis(url, { blocking: true });
  let stopped = false;
  // A read queued while Redis was away is never answered nor failed by disconnect() (ioredis keeps it
  // in its offline queue): the loop waits for the read or for stop(), whichever comes first.
  let halt: () => void = () => {};
  const halted = new Promise<null>((resolve) => {
    halt = () => resolve(null);
  });
  const loop = (async () => {
    let last = "$";
    try {
      const newest = await Promise.race([client.xrevrange(stream, "+", "-", "COUNT", 1), halted]);
      last = newest?.[0]?.[0] ?? "0-0";
    } catch {
      // Redis down now: start from the entries added after it is back.
    }
    while (!stopped) {
      try {
        const batch = await Promise.race([
          client.xread("COUNT", 200, "BLOCK", 500, "STREAMS", stream, last),
          halted,
        ]);
        for (const [, entries] of batch ?? []) {
          for (const [id, fields] of entries) {
            last = id;
            const origin = fields[fields.indexOf("origin") + 1];
            const event = fields[fields.indexOf("event") + 1];
            if (origin !== instance && event) deliver(JSON.parse(event) as QueueEvent<Result>);
          }
        }
      } catch {
        if (!stopped) await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  })();
  return {
    stop: async () => {
      stopped = true;
      halt();
      client.disconnect();
      await loop;
    },
  };
}

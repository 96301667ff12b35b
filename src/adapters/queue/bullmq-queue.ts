// The distributed queue backend: BullMQ on Redis, behind the same Queue port as the embedded one. BullMQ
// keeps the jobs (waiting, active with a lock its worker renews, delayed for backoff, completed, failed);
// this adapter adds what the port asks beyond that, in keys of its own beside BullMQ's: groups (a feed,
// a batch) for per-group counts, the owner who collects each result, deferred jobs, and an event stream
// so a process that enqueued a job sees the progress of a worker on another machine.
import { randomUUID } from "node:crypto";
import type { Job } from "bullmq";
import type {
  Enqueued,
  EnqueueOptions,
  Queue,
  QueuedJob,
  QueueEvent,
  StateCounts,
  Worker,
} from "../../ports/queue.js";
import { bullConnection, openRedis, retryWhileDown } from "../redis/redis-connection.js";
import { type BullJobData, bullKeys, stateOf, toQueuedJob } from "./bull-job-records.js";
import { bullmq } from "./bullmq-module.js";
import { startBullWorker } from "./bullmq-worker.js";
import { jobKey } from "./job-key.js";
import { readEvents } from "./queue-event-reader.js";

export interface BullmqQueueOptions {
  /** redis://host:port */
  url: string;
  /** Default "report". */
  name?: string;
  /** Prefix of every Redis key; default "shirabe". */
  prefix?: string;
  /**
   * The enqueuer that stores this queue's results (e.g. one store file on one host). Jobs it adds are
   * listed by `uncollected()` until it marks them `collected`. Workers need none.
   */
  owner?: string;
  /** First retry delay, doubled on each further attempt. Default 2 s. */
  backoffMs?: number;
  /** Default 3. */
  maxAttempts?: number;
  /** A running job's lock; a worker that stops renewing it (killed, frozen) loses the job. Default 30 s. */
  lockMs?: number;
  /** How often workers look for jobs whose lock lapsed. Default 30 s. */
  stalledIntervalMs?: number;
  /** Times a job may be picked up again after its worker died before it fails. Default 2. */
  maxStalledCount?: number;
  /** How often `idle()` looks at the counts. Default 500 ms. */
  pollMs?: number;
  /** How long `close()` lets running jobs finish before it hands them back. Default 0. */
  closeGraceMs?: number;
  /** Told each time Redis is found unreachable while enqueueing (then it tries again). */
  onUnavailable?: (message: string) => void;
  /** How long enqueue keeps trying while Redis is down. Default 10 minutes. */
  unavailableTimeoutMs?: number;
}

export function openBullmqQueue<Data, Result>(options: BullmqQueueOptions): Queue<Data, Result> {
  const name = options.name ?? "report";
  const prefix = options.prefix ?? "shirabe";
  const keys = bullKeys(prefix, name);
  const redis = openRedis(options.url);
  const bull = new (bullmq().Queue)<BullJobData<Data>, Result>(name, {
    prefix,
    connection: bullConnection(options.url, { blocking: false }),
  });
  bull.on("error", () => {});
  const instance = randomUUID();
  const listeners = new Set<(event: QueueEvent<Result>) => void>();
  const workers = new Set<Worker>();
  let reader: { stop(): Promise<void> } | null = null;
  const down = {
    url: options.url,
    ...(options.onUnavailable ? { onUnavailable: options.onUnavailable } : {}),
  };
  const whileDown = <T>(task: () => Promise<T>) =>
    retryWhileDown(task, {
      ...down,
      ...(options.unavailableTimeoutMs !== undefined ? { timeoutMs: options.unavailableTimeoutMs } : {}),
    });

  const deliver = (event: QueueEvent<Result>) => {
    for (const listener of listeners) listener(event);
  };
  /** To this process's listeners now, and to other processes' through the event stream. */
  const publish = (event: QueueEvent<Result>) => {
    deliver(event);
    redis
      .xadd(keys.events, "MAXLEN", "~", "10000", "*", "origin", instance, "event", JSON.stringify(event))
      .catch(() => {});
  };

  const getJob = async (id: string) => {
    // The state first: a job read as done then has its result in the hash read after it (both are set
    // at once when it finishes). Read the other way round, a job finishing in between reads as done
    // with no result, and an enqueuer took that for "nothing to collect".
    const state = await bull.getJobState(id);
    const job = (await bull.getJob(id)) as Job<BullJobData<Data>, Result> | undefined;
    if (!job) return null;
    return toQueuedJob(job, state);
  };

  const statesOf = async (ids: string[]): Promise<string[]> => {
    const states: string[] = [];
    for (let start = 0; start < ids.length; start += 500) {
      const chunk = ids.slice(start, start + 500);
      states.push(...(await Promise.all(chunk.map((id) => bull.getJobState(id)))));
    }
    return states;
  };

  return {
    enqueue: async (data: Data, enqueueOptions: EnqueueOptions = {}): Promise<Enqueued> => {
      const id = jobKey(name, data);
      const group = enqueueOptions.group ?? null;
      return whileDown(async () => {
        const before = await bull.getJobState(id);
        if (before === "unknown")
          await bull.add(
            "job",
            { data, group },
            {
              jobId: id,
              attempts: enqueueOptions.maxAttempts ?? options.maxAttempts ?? 3,
              backoff: { type: "exponential", delay: options.backoffMs ?? 2_000 },
              // Kept: a finished job is what makes the same key "done" (`queue clean` removes old ones).
              removeOnComplete: false,
              removeOnFail: false,
            },
          );
        // Marked after the job exists: a sweep that ran in between would take the mark of a job it
        // cannot find for one removed (and drop it).
        const marks = redis.multi();
        if (group !== null) marks.sadd(keys.groups, group).sadd(keys.group(group), id);
        if (options.owner) marks.sadd(keys.owner(options.owner), id).sadd(keys.owners(id), options.owner);
        await marks.exec();
        if (before !== "unknown") return { id, created: false, state: stateOf(before) };
        return { id, created: true, state: "waiting" as const };
      });
    },
    process: (handler, { concurrency }) => {
      // A worker hears cancel requests from other processes through the event stream.
      reader ??= readEvents(options.url, keys.events, instance, deliver);
      const worker = startBullWorker<Data, Result>({
        url: options.url,
        name,
        prefix,
        keys,
        redis,
        bull,
        handler,
        concurrency,
        publish,
        onEvent: (listener) => {
          listeners.add(listener);
          return () => listeners.delete(listener);
        },
        options,
        onClosed: () => workers.delete(worker),
      });
      workers.add(worker);
      return worker;
    },
    get: getJob,
    counts: async (group) => {
      const counts: StateCounts = { waiting: 0, active: 0, done: 0, failed: 0 };
      if (group === undefined) {
        const bullCounts = await bull.getJobCounts();
        for (const [state, count] of Object.entries(bullCounts)) counts[stateOf(state)] += count;
      } else {
        for (const state of await statesOf(await redis.smembers(keys.group(group)))) {
          if (state !== "unknown") counts[stateOf(state)] += 1;
        }
      }
      return counts;
    },
    failed: async (group) => {
      const jobs = (await bull.getFailed(0, -1)) as Array<Job<BullJobData<Data>, Result>>;
      return jobs
        .filter((job) => group === undefined || job.data.group === group)
        .sort((a, b) => (b.finishedOn ?? 0) - (a.finishedOn ?? 0))
        .map((job) => toQueuedJob(job, "failed"));
    },
    retry: async (id) => {
      const job = await bull.getJob(id);
      if (!job || (await bull.getJobState(id)) !== "failed") return false;
      await job.retry("failed", { resetAttemptsMade: true, resetAttemptsStarted: true });
      return true;
    },
    clean: async (state, olderThanMs) => {
      const removed = await bull.clean(olderThanMs, 0, state === "done" ? "completed" : "failed");
      const groups = await redis.smembers(keys.groups);
      if (removed.length > 0) {
        const forget = redis.pipeline();
        for (const group of groups) forget.srem(keys.group(group), ...removed);
        await forget.exec();
      }
      return removed.length;
    },
    groups: async () => (await redis.smembers(keys.groups)).sort(),
    uncollected: async () => {
      if (!options.owner) return [];
      const mine = keys.owner(options.owner);
      const ids = await redis.smembers(mine);
      const finished: Array<QueuedJob<Data, Result>> = [];
      // One round trip per 500 jobs tells which are finished or gone; only finished ones are read whole,
      // so a sweep of a long batch that is mostly still waiting stays cheap.
      for (let start = 0; start < ids.length; start += 500) {
        const chunk = ids.slice(start, start + 500);
        const look = redis.pipeline();
        for (const id of chunk) {
          look.exists(`${prefix}:${name}:${id}`);
          look.zscore(`${prefix}:${name}:completed`, id);
          look.zscore(`${prefix}:${name}:failed`, id);
        }
        const answers = (await look.exec()) ?? [];
        for (const [index, id] of chunk.entries()) {
          const [exists, completed, failed] = answers.slice(index * 3, index * 3 + 3).map((answer) => {
            if (answer?.[0]) throw answer[0];
            return answer?.[1];
          });
          if (Number(exists) === 0) await redis.srem(mine, id);
          else if (completed !== null || failed !== null) {
            const job = await getJob(id);
            if (job && (job.state === "done" || job.state === "failed")) finished.push(job);
          }
        }
      }
      return finished;
    },
    collected: async (id, summary) => {
      if (!options.owner) return;
      const [, , left] =
        (await redis
          .multi()
          .srem(keys.owner(options.owner), id)
          .srem(keys.owners(id), options.owner)
          .scard(keys.owners(id))
          .exec()) ?? [];
      if (summary === undefined || Number(left?.[1] ?? 1) > 0) return;
      // Every owner has the result: its report-sized value gives way to the summary, so Redis keeps
      // about a kilobyte per finished job and the job still reads as done when enqueued again.
      if ((await bull.getJobState(id)) !== "completed") return;
      await redis.hset(`${prefix}:${name}:${id}`, "returnvalue", JSON.stringify(summary));
    },
    cancel: async (id) => {
      const state = await bull.getJobState(id);
      if (state === "active") {
        publish({ type: "cancel", id });
        return "stopping";
      }
      if (state === "unknown" || state === "completed" || state === "failed") return false;
      const job = await bull.getJob(id);
      if (!job) return false;
      try {
        await job.remove();
      } catch {
        // Taken by a worker in the meantime: ask it to stop instead.
        publish({ type: "cancel", id });
        return "stopping";
      }
      await redis.srem(keys.deferred, id);
      return "removed";
    },
    onEvent: (listener) => {
      listeners.add(listener);
      reader ??= readEvents(options.url, keys.events, instance, deliver);
      return () => listeners.delete(listener);
    },
    close: async () => {
      await Promise.all([...workers].map((worker) => worker.close()));
      // A client that lost Redis may never finish its QUIT, even once Redis is back: it gets a moment,
      // then its connection is cut (nothing is left to send).
      await reader?.stop();
      if (!(await settlesWithin(bull.close(), CLOSE_STEP_MS))) await bull.disconnect().catch(() => {});
      redis.disconnect();
    },
  };
}

/** How long each step of an orderly close may take before its connection is cut. */
const CLOSE_STEP_MS = 2_000;

/** True when `task` settled (either way) within `ms`. */
async function settlesWithin(task: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  const settled = task.then(
    () => true,
    () => true,
  );
  try {
    return await Promise.race([settled, late]);
  } finally {
    clearTimeout(timer);
  }
}

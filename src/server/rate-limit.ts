// A fixed-window counter per client address, for report creation: each report costs fetches and CPU,
// so one client must not be able to queue hundreds.
export interface RateLimitOptions {
  /** Requests allowed per window. */
  limit: number;
  windowMs: number;
}

export interface RateLimiter {
  /** Counts one request; returns 0 when allowed, else the seconds until the client may retry. */
  take(key: string): number;
  /** Like `take` without counting: 0 while the client still has requests left in its window. */
  wait(key: string): number;
}

export function createRateLimiter(options: RateLimitOptions, now: () => number = Date.now): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  const remaining = (key: string, time: number) => {
    const current = windows.get(key);
    if (!current || time - current.start >= options.windowMs) return 0;
    if (current.count < options.limit) return 0;
    return Math.max(1, Math.ceil((current.start + options.windowMs - time) / 1000));
  };
  return {
    wait: (key) => remaining(key, now()),
    take(key) {
      const time = now();
      // Forget finished windows so the map stays as small as the set of active clients.
      if (windows.size > 10_000) {
        for (const [k, w] of windows) if (time - w.start >= options.windowMs) windows.delete(k);
      }
      const current = windows.get(key);
      if (!current || time - current.start >= options.windowMs) {
        windows.set(key, { start: time, count: 1 });
        return 0;
      }
      const wait = remaining(key, time);
      if (wait === 0) current.count += 1;
      return wait;
    },
  };
}

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
}

export function createRateLimiter(options: RateLimitOptions, now: () => number = Date.now): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  return {
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
      if (current.count < options.limit) {
        current.count += 1;
        return 0;
      }
      return Math.max(1, Math.ceil((current.start + options.windowMs - time) / 1000));
    },
  };
}

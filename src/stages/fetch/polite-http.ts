// Fetching many sources without hammering anyone: an HttpClient wrapper that honours robots.txt, keeps
// at most a few requests in flight per host, and spaces requests to one host by a delay (or the site's
// Crawl-delay, when it asks for more).
import pLimit, { type LimitFunction } from "p-limit";
import { ShirabeError } from "../../errors.js";
import type { HttpClient, HttpGetOptions, HttpResponse } from "../../ports/http.js";
import { ALLOW_ALL, parseRobots, type RobotsRules } from "./robots-txt.js";

/** Our product token in robots.txt groups. */
export const ROBOTS_AGENT = "shirabe";
/** A site's Crawl-delay is honoured up to this; a larger value would stall a report. */
const MAX_CRAWL_DELAY_MS = 10_000;

export interface PoliteOptions {
  /** Requests in flight per host. */
  perHost: number;
  /** Minimum time between the starts of two requests to one host. */
  delayMs: number;
  /** Honour robots.txt. */
  robots: boolean;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

interface HostState {
  /** At most `perHost` requests to the host in flight. */
  limit: LimitFunction;
  nextStart: number;
  robots: Promise<RobotsRules | ShirabeError> | null;
}

export function politeHttp(http: HttpClient, options: PoliteOptions): HttpClient {
  const perHost = Math.max(1, options.perHost);
  const delayMs = Math.max(0, options.delayMs);
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((done) => setTimeout(done, ms)));
  const hosts = new Map<string, HostState>();

  const stateOf = (origin: string): HostState => {
    let state = hosts.get(origin);
    if (!state) {
      state = { limit: pLimit(perHost), nextStart: 0, robots: null };
      hosts.set(origin, state);
    }
    return state;
  };

  /** Runs `action` when the host has a free slot and its delay has passed. */
  function scheduled<T>(state: HostState, spacing: number, action: () => Promise<T>): Promise<T> {
    return state.limit(async () => {
      const wait = state.nextStart - now();
      state.nextStart = Math.max(now(), state.nextStart) + spacing;
      if (wait > 0) await sleep(wait);
      return action();
    });
  }

  /** The host's rules, or the error every request to it gets when its robots.txt cannot be read. */
  function robotsFor(url: URL, state: HostState, signal?: AbortSignal): Promise<RobotsRules | ShirabeError> {
    state.robots ??= (async () => {
      const robotsUrl = new URL("/robots.txt", url).href;
      try {
        const response = await scheduled(state, delayMs, () => http.get(robotsUrl, signal ? { signal } : {}));
        if (response.status >= 200 && response.status <= 299) {
          return parseRobots(new TextDecoder().decode(response.body), ROBOTS_AGENT);
        }
        if (response.status < 500) return ALLOW_ALL; // RFC 9309: no robots.txt (4xx) allows everything.
        // RFC 9309: an erroring robots.txt (5xx) means the site may not be crawled for now.
        return new ShirabeError(
          `${url.href}: ${robotsUrl} answered HTTP ${response.status}, so crawling is not allowed for now; try again later or pass --ignore-robots`,
          { code: "robots-unavailable", kind: "network", input: url.href, retryable: true },
        );
      } catch {
        // Unreachable host or refused address: the page request fails the same way and says why.
        return ALLOW_ALL;
      }
    })();
    return state.robots;
  }

  /**
   * The transport follows redirects itself, so a redirect target is checked against its own site's
   * robots.txt once the response is in: a disallowed target was requested once, but is not used.
   */
  async function assertRedirectsAllowed(url: string, response: HttpResponse, signal?: AbortSignal) {
    for (const target of [...response.redirects, response.url]) {
      if (target === url) continue;
      const parsed = new URL(target);
      const rules = await robotsFor(parsed, stateOf(parsed.origin), signal);
      if (rules instanceof ShirabeError) throw rules;
      if (!rules.allows(`${parsed.pathname}${parsed.search}`)) {
        throw new ShirabeError(
          `${url}: redirects to ${target}, which the site's robots.txt asks crawlers not to fetch; pass --ignore-robots to use it anyway`,
          { code: "robots-disallowed", kind: "input", input: url },
        );
      }
    }
  }

  return {
    async get(url: string, getOptions: HttpGetOptions = {}): Promise<HttpResponse> {
      const parsed = new URL(url);
      const state = stateOf(parsed.origin);
      let spacing = delayMs;
      if (options.robots) {
        const rules = await robotsFor(parsed, state, getOptions.signal);
        if (rules instanceof ShirabeError) throw rules;
        if (!rules.allows(`${parsed.pathname}${parsed.search}`)) {
          throw new ShirabeError(
            `${url}: the site's robots.txt asks crawlers not to fetch this page; pass --ignore-robots to fetch it anyway`,
            { code: "robots-disallowed", kind: "input", input: url },
          );
        }
        if (rules.crawlDelaySeconds !== null) {
          spacing = Math.max(delayMs, Math.min(MAX_CRAWL_DELAY_MS, rules.crawlDelaySeconds * 1000));
        }
      }
      const response = await scheduled(state, spacing, () => http.get(url, getOptions));
      if (options.robots) await assertRedirectsAllowed(url, response, getOptions.signal);
      return response;
    },
  };
}

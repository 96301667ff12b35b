// robots.txt (RFC 9309): which paths a site asks crawlers to leave alone, and the crawl delay it asks for.
// Groups are picked by our product token, else "*"; the longest matching rule wins and Allow wins ties.

export interface RobotsRules {
  /** True when `path` (path plus query) may be fetched. */
  allows(path: string): boolean;
  /** Seconds to wait between requests, when the site asks for it. */
  crawlDelaySeconds: number | null;
}

interface Rule {
  allow: boolean;
  pattern: { test(path: string): boolean };
  length: number;
}

interface Group {
  agents: string[];
  rules: Rule[];
  crawlDelay: number | null;
}

export const ALLOW_ALL: RobotsRules = { allows: () => true, crawlDelaySeconds: null };

/** Parses robots.txt for the crawler whose product token is `agent` (e.g. "shirabe"). */
export function parseRobots(text: string, agent: string): RobotsRules {
  const groups: Group[] = [];
  let current: Group | null = null;
  let lastWasAgent = false;
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const line = raw.replace(/#.*$/, "").trim();
    const colon = line.indexOf(":");
    if (colon < 0) continue;
    const field = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (field === "user-agent") {
      // Consecutive user-agent lines share one group; a user-agent after rules starts a new one.
      if (!current || !lastWasAgent) {
        current = { agents: [], rules: [], crawlDelay: null };
        groups.push(current);
      }
      current.agents.push(value.toLowerCase());
      lastWasAgent = true;
      continue;
    }
    lastWasAgent = false;
    if (!current) continue;
    if ((field === "allow" || field === "disallow") && value !== "") {
      current.rules.push({ allow: field === "allow", pattern: patternOf(value), length: value.length });
    } else if (field === "crawl-delay") {
      const seconds = Number(value);
      if (Number.isFinite(seconds) && seconds >= 0) current.crawlDelay = seconds;
    }
  }
  const token = agent.toLowerCase();
  const own = groups.filter((group) => group.agents.some((name) => name !== "*" && token.startsWith(name)));
  const chosen = own.length > 0 ? own : groups.filter((group) => group.agents.includes("*"));
  if (chosen.length === 0) return ALLOW_ALL;
  const rules = chosen.flatMap((group) => group.rules);
  const delays = chosen.map((group) => group.crawlDelay).filter((delay) => delay !== null);
  return {
    allows(path: string): boolean {
      let best: Rule | null = null;
      for (const rule of rules) {
        if (!rule.pattern.test(path)) continue;
        if (!best || rule.length > best.length || (rule.length === best.length && rule.allow)) best = rule;
      }
      return best?.allow ?? true;
    },
    crawlDelaySeconds: delays.length > 0 ? delays.reduce((a, b) => Math.max(a, b)) : null,
  };
}

/**
 * A rule path as a prefix match: "*" matches any run of characters and a final "$" anchors the end.
 * Matched by placing each literal part leftmost, not by a regular expression: a rule with many "*"
 * would make a backtracking regex take exponential time, and the site writes the rules.
 */
function patternOf(path: string): { test(path: string): boolean } {
  const anchored = path.endsWith("$");
  const [first = "", ...rest] = (anchored ? path.slice(0, -1) : path).split("*").map(normalizePath);
  const middle = rest.slice(0, -1);
  const last = rest.at(-1);
  return {
    test(candidate: string): boolean {
      if (!candidate.startsWith(first)) return false;
      let at = first.length;
      if (last === undefined) return !anchored || at === candidate.length;
      for (const part of middle) {
        const found = candidate.indexOf(part, at);
        if (found < 0) return false;
        at = found + part.length;
      }
      if (anchored) return candidate.length - last.length >= at && candidate.endsWith(last);
      return candidate.indexOf(last, at) >= 0;
    },
  };
}

/** Percent-encodes what a URL would encode, so "/日本" in robots.txt matches "/%E6%97%A5%E6%9C%AC". */
function normalizePath(path: string): string {
  return path.replace(/[^\x21-\x7e]/gu, (char) => encodeURIComponent(char));
}

// robots.txt rules as sites write them, and the polite client that applies them with per-host limits,
// against a real server on 127.0.0.1.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createHttpClient } from "../../src/adapters/http/index.js";
import { politeHttp } from "../../src/stages/research/polite.js";
import { parseRobots } from "../../src/stages/research/robots.js";
import { runWithDeadline } from "../support/deadline.js";

describe("parseRobots", () => {
  const robots = `
# comments are ignored
User-agent: *
Disallow: /private/
Allow: /private/press-releases/
Disallow: /*.pdf$
Crawl-delay: 2

User-agent: BadBot
User-agent: shirabe
Disallow: /drafts
`;

  it("applies the group naming our token instead of the * group", () => {
    const rules = parseRobots(robots, "shirabe");
    expect(rules.allows("/drafts/1")).toBe(false);
    expect(rules.allows("/private/x")).toBe(true);
    expect(rules.crawlDelaySeconds).toBeNull();
  });

  it("picks the longest matching rule, Allow winning ties, with * and $ patterns", () => {
    const rules = parseRobots(robots, "otherbot");
    expect(rules.allows("/private/secret.html")).toBe(false);
    expect(rules.allows("/private/press-releases/2025")).toBe(true);
    expect(rules.allows("/reports/annual.pdf")).toBe(false);
    expect(rules.allows("/reports/annual.pdf?download=1")).toBe(true);
    expect(rules.allows("/news/today")).toBe(true);
    expect(rules.crawlDelaySeconds).toBe(2);
    expect(parseRobots("User-agent: *\nDisallow: /a\nAllow: /a", "x").allows("/a")).toBe(true);
  });

  it("allows everything when there are no rules for us and an empty Disallow", () => {
    expect(parseRobots("", "shirabe").allows("/anything")).toBe(true);
    expect(parseRobots("User-agent: *\nDisallow:", "shirabe").allows("/anything")).toBe(true);
    expect(parseRobots("User-agent: googlebot\nDisallow: /", "shirabe").allows("/anything")).toBe(true);
  });

  it("matches non-ASCII paths against their percent-encoded form", () => {
    const rules = parseRobots("User-agent: *\nDisallow: /記事/", "shirabe");
    expect(rules.allows(new URL("https://x.test/記事/1").pathname)).toBe(false);
  });

  it("matches rules with many * and a $ the way a prefix with wildcards reads", () => {
    const rules = parseRobots("User-agent: *\nDisallow: /*a*b*c\nDisallow: /*.js$\nAllow: /*a*b*c*d$", "x");
    expect(rules.allows("/xaybzc")).toBe(false);
    expect(rules.allows("/xaybzc/more")).toBe(false);
    expect(rules.allows("/cba")).toBe(true);
    expect(rules.allows("/app.js")).toBe(false);
    expect(rules.allows("/app.js.map")).toBe(true);
    expect(rules.allows("/a-b-c-d")).toBe(true);
  });

  // The site writes the rules: a pattern of many "*" must not hang the run (it did with a backtracking
  // regex, for hours, inside one synchronous call no time limit could stop). Run in a child process so a
  // hang fails the test at the deadline instead of freezing the test runner.
  it("answers for a rule of many wildcards against a long path instead of hanging", async () => {
    const module = new URL("../../src/stages/research/robots.ts", import.meta.url).href;
    const code = `const { parseRobots } = await import(${JSON.stringify(module)});
      const rules = parseRobots("User-agent: *\\nDisallow: /*a*a*a*a*a*a*a*a*a*a*a*a*b", "x");
      console.log(rules.allows("/" + "a".repeat(200)), rules.allows("/" + "a".repeat(200) + "b"));`;
    const { exitCode, output } = await runWithDeadline(code);
    expect(exitCode).toBe(0);
    expect(output).toBe("true false");
  }, 30_000);
});

describe("politeHttp", () => {
  let base = "";
  let robotsBody: string | null = null;
  let robotsStatus = 200;
  let active = 0;
  let maxActive = 0;
  const paths: string[] = [];
  const server = createServer((request, response) => {
    const path = request.url ?? "/";
    paths.push(path);
    if (path === "/robots.txt") {
      if (robotsBody === null) response.writeHead(robotsStatus === 200 ? 404 : robotsStatus).end();
      else response.writeHead(200, { "content-type": "text/plain" }).end(robotsBody);
      return;
    }
    active++;
    maxActive = Math.max(maxActive, active);
    // Held briefly so that requests the client lets through at once really overlap.
    setTimeout(() => {
      active--;
      response.writeHead(200, { "content-type": "text/html" }).end("<p>ok</p>");
    }, 30);
  });
  const http = createHttpClient({ allowPrivateNetwork: true });

  beforeAll(async () => {
    await new Promise<void>((ready) => server.listen(0, "127.0.0.1", ready));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));
  beforeEach(() => {
    robotsBody = null;
    robotsStatus = 200;
    maxActive = 0;
    paths.length = 0;
  });

  it("keeps at most perHost requests to one host in flight", async () => {
    const client = politeHttp(http, { perHost: 2, delayMs: 0 });
    const responses = await Promise.all(Array.from({ length: 6 }, (_, i) => client.get(`${base}/page/${i}`)));
    expect(responses.every((response) => response.status === 200)).toBe(true);
    expect(maxActive).toBe(2);
  });

  it("refuses pages robots.txt disallows, reads robots.txt once per host, and can be told to ignore it", async () => {
    robotsBody = "User-agent: *\nDisallow: /private/";
    const client = politeHttp(http, { delayMs: 0 });
    await expect(client.get(`${base}/private/report`)).rejects.toMatchObject({
      code: "robots-disallowed",
      kind: "input",
      message: expect.stringContaining("pass --ignore-robots"),
    });
    expect((await client.get(`${base}/public/report`)).status).toBe(200);
    expect(paths.filter((path) => path === "/robots.txt")).toHaveLength(1);
    const ignoring = politeHttp(http, { delayMs: 0, robots: false });
    expect((await ignoring.get(`${base}/private/report`)).status).toBe(200);
  });

  it("treats a missing robots.txt as allow-all and a failing one as not now", async () => {
    expect((await politeHttp(http, { delayMs: 0 }).get(`${base}/page/a`)).status).toBe(200);
    robotsStatus = 503;
    await expect(politeHttp(http, { delayMs: 0 }).get(`${base}/page/a`)).rejects.toMatchObject({
      code: "robots-unavailable",
      retryable: true,
    });
  });

  it("spaces requests to one host by the delay, or by the site's larger Crawl-delay", async () => {
    let clock = 0;
    const sleeps: number[] = [];
    const fakeTime = {
      now: () => clock,
      sleep: async (ms: number) => {
        sleeps.push(ms);
        clock += ms;
      },
    };
    const client = politeHttp(http, { delayMs: 1000, robots: false, ...fakeTime });
    for (const page of ["a", "b", "c"]) await client.get(`${base}/page/${page}`);
    expect(sleeps).toEqual([1000, 1000]);

    robotsBody = "User-agent: *\nCrawl-delay: 3";
    sleeps.length = 0;
    const slow = politeHttp(http, { delayMs: 1000, ...fakeTime });
    for (const page of ["a", "b", "c"]) await slow.get(`${base}/page/${page}`);
    // robots.txt first, 1 s before the first page; then the site's 3 s between pages.
    expect(sleeps).toEqual([1000, 3000, 3000]);
  });
});

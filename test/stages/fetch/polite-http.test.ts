// The polite client that applies robots.txt with per-host limits, against a real server on 127.0.0.1.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createHttpClient } from "../../../src/adapters/http/index.js";
import { politeHttp } from "../../../src/stages/fetch/polite-http.js";

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
    const client = politeHttp(http, { perHost: 2, delayMs: 0, robots: true });
    const responses = await Promise.all(Array.from({ length: 6 }, (_, i) => client.get(`${base}/page/${i}`)));
    expect(responses.every((response) => response.status === 200)).toBe(true);
    expect(maxActive).toBe(2);
  });

  it("refuses pages robots.txt disallows, reads robots.txt once per host, and can be told to ignore it", async () => {
    robotsBody = "User-agent: *\nDisallow: /private/";
    const client = politeHttp(http, { perHost: 2, delayMs: 0, robots: true });
    await expect(client.get(`${base}/private/report`)).rejects.toMatchObject({
      code: "robots-disallowed",
      kind: "input",
      message: expect.stringContaining("pass --ignore-robots"),
    });
    expect((await client.get(`${base}/public/report`)).status).toBe(200);
    expect(paths.filter((path) => path === "/robots.txt")).toHaveLength(1);
    const ignoring = politeHttp(http, { perHost: 2, delayMs: 0, robots: false });
    expect((await ignoring.get(`${base}/private/report`)).status).toBe(200);
  });

  it("treats a missing robots.txt as allow-all and a failing one as not now", async () => {
    expect(
      (await politeHttp(http, { perHost: 2, delayMs: 0, robots: true }).get(`${base}/page/a`)).status,
    ).toBe(200);
    robotsStatus = 503;
    await expect(
      politeHttp(http, { perHost: 2, delayMs: 0, robots: true }).get(`${base}/page/a`),
    ).rejects.toMatchObject({
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
    const client = politeHttp(http, { perHost: 2, delayMs: 1000, robots: false, ...fakeTime });
    for (const page of ["a", "b", "c"]) await client.get(`${base}/page/${page}`);
    expect(sleeps).toEqual([1000, 1000]);

    robotsBody = "User-agent: *\nCrawl-delay: 3";
    sleeps.length = 0;
    const slow = politeHttp(http, { perHost: 2, delayMs: 1000, robots: true, ...fakeTime });
    for (const page of ["a", "b", "c"]) await slow.get(`${base}/page/${page}`);
    // robots.txt first, 1 s before the first page; then the site's 3 s between pages.
    expect(sleeps).toEqual([1000, 3000, 3000]);
  });
});

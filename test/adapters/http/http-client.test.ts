import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ClosableHttpClient,
  createHttpClient,
  type HttpClientOptions,
} from "../../../src/adapters/http/index.js";
import { ShirabeError } from "../../../src/errors.js";
import { type FixtureSite, startFixtureSite } from "../../support/fixture-site.js";
import { PLAIN_EN, type TempPages, writeTempPages } from "../../support/temp-pages.js";

let site: FixtureSite;
let pages: TempPages;
let port: string;
const clients: ClosableHttpClient[] = [];

/** A client that may reach only the fixture server's 127.0.0.1. */
function client(options: HttpClientOptions = {}): ClosableHttpClient {
  const created = createHttpClient({ allowedAddresses: ["127.0.0.1"], ...options });
  clients.push(created);
  return created;
}

async function failure(promise: Promise<unknown>): Promise<ShirabeError> {
  const error = await promise.then(
    () => new Error("expected the request to fail"),
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ShirabeError);
  return error as ShirabeError;
}

/** Maps one public-looking name to an address, the way a hostile DNS record would. */
function resolveTo(name: string, address: string): HttpClientOptions["lookup"] {
  return async (hostname) => {
    if (hostname !== name) throw Object.assign(new Error(`unknown ${hostname}`), { code: "ENOTFOUND" });
    return [{ address, family: address.includes(":") ? 6 : 4 }];
  };
}

beforeAll(async () => {
  pages = writeTempPages({ "plain-en": { html: PLAIN_EN } });
  site = await startFixtureSite({ pagesDir: pages.dir });
  port = new URL(site.url).port;
});

afterAll(async () => {
  await Promise.all(clients.map((each) => each.close()));
  await site.close();
  pages.remove();
});

describe("createHttpClient: fetching", () => {
  it("gets a page with a polite User-Agent and compression offered", async () => {
    const response = await client().get(`${site.url}/pages/plain-en`);
    expect(response.status).toBe(200);
    expect(Buffer.from(response.body).toString("utf8")).toBe(PLAIN_EN);
    expect(response.headers["content-type"]).toBe("text/html; charset=utf-8");
    const request = site.requests.at(-1);
    expect(request?.headers["user-agent"]).toBe(
      "Shirabe/0.1 (+https://github.com/shirabe; research report generator)",
    );
    expect(request?.headers["accept-encoding"]).toMatch(/gzip.*deflate.*br/);
  });

  it("resolves for error statuses so the caller can judge them", async () => {
    expect((await client().get(`${site.url}/status/404`)).status).toBe(404);
    expect((await client().get(`${site.url}/status/500`)).status).toBe(500);
  });

  it.each(["gzip", "br", "deflate"])("decompresses %s bodies", async (coding) => {
    const response = await client().get(`${site.url}/${coding}/plain-en`);
    expect(response.headers["content-encoding"]).toBe(coding);
    expect(Buffer.from(response.body).toString("utf8")).toBe(PLAIN_EN);
  });

  it.each([301, 302, 303, 307, 308])("follows a %i redirect and records the hop", async (status) => {
    const start = `${site.url}/redirect?to=${encodeURIComponent("/pages/plain-en")}&status=${status}`;
    const response = await client().get(start);
    expect(response.url).toBe(`${site.url}/pages/plain-en`);
    expect(response.redirects).toEqual([start]);
  });

  it("follows up to the redirect limit and refuses one more", async () => {
    const allowed = await client({ maxRedirects: 3 }).get(`${site.url}/redirect-chain/3`);
    expect(allowed.redirects).toHaveLength(3);
    expect(allowed.url).toBe(`${site.url}/pages/plain-en`);
    const error = await failure(client({ maxRedirects: 3 }).get(`${site.url}/redirect-chain/4`));
    expect(error.code).toBe("too-many-redirects");
    expect(error.kind).toBe("input");
  });

  it("reaches a name that resolves to an allowed address, with the name as Host", async () => {
    const response = await client({ lookup: resolveTo("news.example.com", "127.0.0.1") }).get(
      `http://news.example.com:${port}/pages/plain-en`,
    );
    expect(response.status).toBe(200);
    expect(site.requests.at(-1)?.headers.host).toBe(`news.example.com:${port}`);
  });

  it("reaches loopback when the private network is allowed", async () => {
    const open = createHttpClient({ allowPrivateNetwork: true });
    clients.push(open);
    expect((await open.get(`${site.url}/pages/plain-en`)).status).toBe(200);
  });
});

describe("createHttpClient: SSRF guard", () => {
  it.each([
    ["http://10.0.0.1/", "private"],
    ["http://192.168.1.1:8080/admin", "private"],
    ["http://169.254.169.254/latest/meta-data/", "link-local"],
    ["http://100.64.0.1/", "shared"],
    ["http://0.0.0.0/", "unspecified"],
    ["http://[::1]/", "loopback"],
    ["http://[fd00::1]/", "unique-local"],
    ["http://[::ffff:10.0.0.1]/", "private"],
    ["http://[::ffff:169.254.169.254]/", "link-local"],
    ["http://0x7f.0.0.2/", "loopback"],
    ["http://2130706434/", "loopback"],
  ])("refuses the IP literal in %s", async (url, addressClass) => {
    const error = await failure(client().get(url));
    expect(error.code).toBe("private-address");
    expect(error.kind).toBe("input");
    expect(error.message).toContain(`${addressClass} address`);
    expect(error.message).toContain("pass --allow-private-network to allow it");
  });

  it("refuses loopback unless it is explicitly allowed", async () => {
    const before = site.requests.length;
    const guarded = createHttpClient();
    clients.push(guarded);
    const error = await failure(guarded.get(`${site.url}/pages/plain-en`));
    expect(error.code).toBe("private-address");
    expect(error.message).toContain(`${site.url}/pages/plain-en`);
    expect(site.requests.length).toBe(before);
  });

  it("refuses the IPv4-mapped IPv6 spelling of an allowed IPv4 address", async () => {
    const before = site.requests.length;
    const error = await failure(client().get(`http://[::ffff:127.0.0.1]:${port}/pages/plain-en`));
    expect(error.code).toBe("private-address");
    expect(site.requests.length).toBe(before);
  });

  it("checks the resolved address of a public-looking name before connecting", async () => {
    const before = site.requests.length;
    const guarded = createHttpClient({ lookup: resolveTo("news.example.com", "127.0.0.1") });
    clients.push(guarded);
    const error = await failure(guarded.get(`http://news.example.com:${port}/pages/plain-en`));
    expect(error.code).toBe("private-address");
    expect(error.message).toContain("http://news.example.com");
    expect(error.message).toContain("127.0.0.1");
    expect(site.requests.length).toBe(before);
  });

  it("refuses a name that resolves to the cloud metadata address", async () => {
    const error = await failure(
      client({ lookup: resolveTo("metadata.example.com", "169.254.169.254") }).get(
        "http://metadata.example.com/",
      ),
    );
    expect(error.code).toBe("private-address");
    expect(error.message).toContain("169.254.169.254");
  });

  it.each(["http://10.0.0.1/", "http://169.254.169.254/latest/meta-data/", "http://[::ffff:a00:1]/"])(
    "refuses a redirect from the allowed server into %s",
    async (target) => {
      const start = `${site.url}/redirect?to=${encodeURIComponent(target)}`;
      const before = site.requests.length;
      const error = await failure(client().get(start));
      expect(error.code).toBe("private-address");
      expect(error.input).toBe(new URL(target).href);
      expect(site.requests.slice(before).map((request) => request.path)).toEqual([
        `/redirect?to=${encodeURIComponent(target)}`,
      ]);
    },
  );

  it("re-checks a redirect hop whose name resolves inside the network", async () => {
    const lookup: HttpClientOptions["lookup"] = async () => [{ address: "10.1.2.3", family: 4 }];
    const error = await failure(
      client({ lookup }).get(`${site.url}/redirect?to=${encodeURIComponent("http://intranet.example.com/")}`),
    );
    expect(error.code).toBe("private-address");
    expect(error.message).toContain("10.1.2.3");
  });

  it.each(["file:///etc/passwd", "ftp://example.com/a", "javascript:alert(1)", "data:text/html,hi"])(
    "refuses the scheme of %s",
    async (url) => {
      const error = await failure(client().get(url));
      expect(error.code).toBe("unsupported-scheme");
      expect(error.kind).toBe("input");
    },
  );

  it("refuses a redirect to a non-http scheme", async () => {
    const error = await failure(
      client().get(`${site.url}/redirect?to=${encodeURIComponent("file:///etc/passwd")}`),
    );
    expect(error.code).toBe("unsupported-scheme");
  });
});

describe("createHttpClient: limits and failures", () => {
  it("times out waiting for headers", async () => {
    const error = await failure(client({ totalTimeoutMs: 300 }).get(`${site.url}/slow?ms=5000`));
    expect(error.code).toBe("timeout");
    expect(error.kind).toBe("network");
    expect(error.retryable).toBe(true);
  });

  it("times out on a server that never answers", async () => {
    const error = await failure(client({ totalTimeoutMs: 300 }).get(`${site.url}/hang`));
    expect(error.code).toBe("timeout");
  });

  it("times out on a body that stalls after the headers", async () => {
    const error = await failure(client({ totalTimeoutMs: 300 }).get(`${site.url}/slow-body`));
    expect(error.code).toBe("timeout");
  });

  it("times out connecting when the connection cannot be set up in time", async () => {
    const slowLookup: HttpClientOptions["lookup"] = () =>
      new Promise((done) => setTimeout(() => done([{ address: "127.0.0.1", family: 4 }]), 2_000));
    const error = await failure(
      client({ connectTimeoutMs: 200, lookup: slowLookup }).get(`http://slow-dns.example.com:${port}/tiny`),
    );
    expect(error.code).toBe("timeout");
    expect(error.message).toContain("connecting");
  });

  it("stops reading a body larger than the limit", async () => {
    const error = await failure(client({ maxBodyBytes: 1024 * 1024 }).get(`${site.url}/huge?mb=4`));
    expect(error.code).toBe("too-large");
    expect(error.kind).toBe("input");
  });

  it("caps the decompressed size too", async () => {
    const error = await failure(client({ maxBodyBytes: 1024 * 1024 }).get(`${site.url}/gzip-bomb?mb=8`));
    expect(error.code).toBe("too-large");
  });

  it("reports a name that does not resolve as a DNS failure", async () => {
    // A resolver that answers as getaddrinfo does for an unknown name, so no query leaves this machine.
    const notFound = async (hostname: string) => {
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND", hostname });
    };
    const error = await failure(client({ lookup: notFound }).get("http://no-such-host.invalid/article"));
    expect(error.code).toBe("dns");
    expect(error.kind).toBe("network");
    expect(error.message).toContain("no-such-host.invalid");
  });

  it("reports a refused connection as unreachable", async () => {
    const closed = createServer();
    await new Promise<void>((ready) => closed.listen(0, "127.0.0.1", ready));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((done) => closed.close(done));
    const error = await failure(client().get(`http://127.0.0.1:${closedPort}/`));
    expect(error.code).toBe("unreachable");
    expect(error.kind).toBe("network");
  });

  it("rethrows the caller's abort", async () => {
    const controller = new AbortController();
    const request = client().get(`${site.url}/hang`, { signal: controller.signal });
    controller.abort(new Error("user cancelled"));
    await expect(request).rejects.toThrow("user cancelled");
  });
});

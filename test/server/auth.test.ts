// Who may use the server: loopback is trusted, anything else needs the token (bearer or login cookie).
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpClient, openStore } from "../../src/index.js";
import { isLoopbackHost, startServer } from "../../src/server/index.js";
import { tempDir } from "../support/temp.js";
import { postJson, startTestServer, type TestServer } from "../support/test-server.js";

const TOKEN = "correct-horse-battery-staple";

describe("isLoopbackHost decides whether a token is required", () => {
  it.each([
    ["127.0.0.1", true],
    ["127.8.9.10", true],
    ["::1", true],
    ["[::1]", true],
    ["localhost", true],
    ["LOCALHOST", true],
    ["app.localhost", true],
    ["::ffff:127.0.0.1", true],
    ["0.0.0.0", false],
    ["::", false],
    ["192.168.1.20", false],
    ["10.0.0.5", false],
    ["example.com", false],
    ["localhost.example.com", false],
    ["", false],
  ])("%s → %s", (host, expected) => {
    expect(isLoopbackHost(host)).toBe(expected);
  });

  it("refuses to serve on a non-loopback address without a token, before binding", async () => {
    const store = openStore({ path: `${tempDir()}/s.sqlite` });
    try {
      await expect(
        startServer({ host: "0.0.0.0", port: 0, http: createHttpClient({}), store }),
      ).rejects.toMatchObject({ code: "token-required", kind: "usage" });
    } finally {
      store.close();
    }
  });
});

describe("a server that requires a token (configured as non-loopback, bound to 127.0.0.1)", () => {
  let app: TestServer;

  beforeAll(async () => {
    app = await startTestServer({ requireToken: true, token: TOKEN });
  });
  afterAll(async () => {
    await app.close();
  });

  it("answers 401 without the token or with a wrong one, and never echoes a token", async () => {
    const none = await fetch(`${app.url}/api/reports`);
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toContain("Bearer");
    expect((await none.json()).error.code).toBe("unauthorized");
    const wrong = await fetch(`${app.url}/api/reports`, { headers: { authorization: "Bearer guess-1234" } });
    expect(wrong.status).toBe(401);
    const text = await wrong.text();
    expect(text).not.toContain("guess-1234");
    expect(text).not.toContain(TOKEN);
    const post = await postJson(app, { url: "https://example.test/" });
    expect(post.status).toBe(401);
  });

  it("accepts the token as a bearer header", async () => {
    const response = await fetch(`${app.url}/api/reports`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ reports: [], jobs: [] });
  });

  it("sends the pages to the login form, which sets an HttpOnly cookie only for the right token", async () => {
    const page = await fetch(`${app.url}/`, { redirect: "manual" });
    expect(page.status).toBe(303);
    expect(page.headers.get("location")).toBe("/login");
    const form = await fetch(`${app.url}/login`);
    expect(form.status).toBe(200);
    expect(await form.text()).toContain('name="token"');

    const login = (token: string) =>
      fetch(`${app.url}/login`, {
        method: "POST",
        redirect: "manual",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ token }).toString(),
      });
    const failed = await login("wrong");
    expect(failed.headers.get("location")).toBe("/login?failed=1");
    expect(failed.headers.get("set-cookie")).toBeNull();

    const ok = await login(TOKEN);
    expect(ok.status).toBe(303);
    const cookie = ok.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const pair = cookie.split(";")[0] as string;
    const withCookie = await fetch(`${app.url}/api/reports`, { headers: { cookie: pair } });
    expect(withCookie.status).toBe(200);
    const home = await fetch(`${app.url}/`, { headers: { cookie: pair } });
    expect(home.status).toBe(200);
    expect(await home.text()).toContain("/assets/app.js");
  });

  it("answers any Host header once the token is given (the token, not the name, is the guard)", async () => {
    const status = await new Promise<number>((done, fail) => {
      const outgoing = request(
        `${app.url}/api/reports`,
        { headers: { host: "shirabe.example.org", authorization: `Bearer ${TOKEN}` } },
        (response) => {
          response.resume();
          done(response.statusCode ?? 0);
        },
      );
      outgoing.on("error", fail);
      outgoing.end();
    });
    expect(status).toBe(200);
  });
});

describe("token guessing", () => {
  const login = (url: string, token: string) =>
    fetch(`${url}/login`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ token }).toString(),
    });

  it("locks the guessing after 20 wrong tokens from an address, not the user logged in from it", async () => {
    const app = await startTestServer({ requireToken: true, token: TOKEN });
    try {
      // The user logs in first; someone on the same address then guesses.
      const session = ((await login(app.url, TOKEN)).headers.get("set-cookie") ?? "").split(";")[0] as string;
      expect(session).toMatch(/^shirabe_token=/);
      expect(session).not.toContain(TOKEN);
      for (let guess = 0; guess < 20; guess++) {
        const response = await fetch(`${app.url}/api/reports`, {
          headers: { authorization: `Bearer guess-${guess}` },
        });
        expect(response.status).toBe(401);
      }
      // Further guesses are refused without being compared, so the lock tells nothing about the token,
      // whether they come as a bearer header or through the login form.
      const locked = await fetch(`${app.url}/api/reports`, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(locked.status).toBe(429);
      expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
      expect((await login(app.url, TOKEN)).status).toBe(429);
      // The browser that logged in before keeps working from the same address.
      const user = await fetch(`${app.url}/api/reports`, { headers: { cookie: session } });
      expect(user.status).toBe(200);
      expect((await fetch(`${app.url}/`, { headers: { cookie: session } })).status).toBe(200);
      // A forged session cookie is no way around the lock.
      const forged = await fetch(`${app.url}/api/reports`, { headers: { cookie: "shirabe_token=abc.def" } });
      expect(forged.status).toBe(401);
    } finally {
      await app.close();
    }
  });
});

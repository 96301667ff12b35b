// Who may use the server. On loopback the machine's own user is trusted; anywhere else every request
// must carry the token as `Authorization: Bearer`, or the session cookie the login form sets. Wrong
// guesses from one address are locked out for a while; a browser that logged in before keeps working,
// so a guesser on the same network locks out the guessing, not the user.
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { isIP } from "node:net";
import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { ApiError } from "./api-error.js";
import { createRateLimiter } from "./rate-limit.js";

export const TOKEN_COOKIE = "shirabe_token";
const SESSION_DAYS = 30;
/** Wrong tokens per client address before the address must wait. */
const GUESSES = { limit: 20, windowMs: 60_000 };

/** True when `host` (a bind address or a Host header's name) only reaches this machine. */
export function isLoopbackHost(host: string): boolean {
  const name = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, "$1");
  if (name === "localhost" || name.endsWith(".localhost")) return true;
  if (isIP(name) === 4) return name.startsWith("127.");
  if (isIP(name) === 6) return name === "::1" || /^::ffff:127\./.test(name);
  return false;
}

/** The host name of a Host header, without port and brackets. */
export function hostHeaderName(header: string | undefined): string {
  if (!header) return "";
  const bracketed = /^\[([^\]]+)\]/.exec(header);
  if (bracketed) return bracketed[1] as string;
  return header.replace(/:\d+$/, "");
}

const digest = (value: string) => createHash("sha256").update(value).digest();

/** Compares in constant time (of the digests), so response timing tells nothing about the token. */
export function tokenMatches(given: string | undefined, token: string): boolean {
  if (given === undefined) return false;
  return timingSafeEqual(digest(given), digest(token));
}

/** The client's address: the socket's when served over HTTP, "local" for in-process requests. */
export function clientAddress(c: Context): string {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  return incoming?.socket.remoteAddress ?? "local";
}

export interface Guard {
  /** Refuses requests without the token (401, or a redirect to /login for pages) or from a locked address. */
  middleware: MiddlewareHandler;
  /** Checks a token typed into the login form; on success sets the session cookie. */
  login(c: Context, given: string): boolean;
  logout(c: Context): void;
}

export function createGuard(options: { requireToken: boolean; token: string | undefined }): Guard {
  const token = options.token ?? "";
  const guesses = createRateLimiter(GUESSES);
  // A session cookie proves the token without carrying it: a nonce and its HMAC under the token.
  const sign = (nonce: string) => createHmac("sha256", token).update(nonce).digest("base64url");
  const validSession = (value: string | undefined) => {
    const [nonce, mac] = (value ?? "").split(".");
    return nonce !== undefined && mac !== undefined && nonce !== "" && tokenMatches(mac, sign(nonce));
  };

  /** A wrong guess counts; while the address is locked, guesses are refused without being compared. */
  const checkGuess = (c: Context, given: string): boolean => {
    const client = clientAddress(c);
    const wait = guesses.wait(client);
    if (wait > 0) {
      throw new ApiError(429, "rate-limited", `too many wrong tokens; try again in ${wait} s`, {
        "retry-after": String(wait),
      });
    }
    if (tokenMatches(given, token)) return true;
    guesses.take(client);
    return false;
  };

  const middleware: MiddlewareHandler = async (c, next) => {
    if (!options.requireToken || validSession(getCookie(c, TOKEN_COOKIE))) return next();
    const bearer = /^Bearer\s+(.+)$/i.exec(c.req.header("authorization") ?? "")?.[1]?.trim();
    if (bearer !== undefined && checkGuess(c, bearer)) return next();
    if (c.req.path.startsWith("/api/")) {
      throw new ApiError(
        401,
        "unauthorized",
        "send the server's token as Authorization: Bearer <token>, or log in at /login",
        {
          "www-authenticate": 'Bearer realm="shirabe"',
        },
      );
    }
    return c.redirect("/login", 303);
  };

  return {
    middleware,
    login(c, given) {
      if (!options.requireToken) return true;
      if (!checkGuess(c, given)) return false;
      const nonce = randomBytes(18).toString("base64url");
      setCookie(c, TOKEN_COOKIE, `${nonce}.${sign(nonce)}`, {
        path: "/",
        httpOnly: true,
        sameSite: "Strict",
        maxAge: SESSION_DAYS * 86_400,
        secure: new URL(c.req.url).protocol === "https:",
      });
      return true;
    },
    logout(c) {
      deleteCookie(c, TOKEN_COOKIE, { path: "/" });
    },
  };
}

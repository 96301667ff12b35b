// Who may use the server. On loopback the machine's own user is trusted; anywhere else every request
// must carry the token, as `Authorization: Bearer` or the cookie the login form sets.
import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { isIP } from "node:net";

export const TOKEN_COOKIE = "shirabe_token";

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

function digest(value: string): Buffer {
  return createHash("sha256").update(value).digest();
}

/** Compares in constant time (of the digests), so response timing tells nothing about the token. */
export function tokenMatches(given: string | undefined, token: string): boolean {
  if (given === undefined) return false;
  return timingSafeEqual(digest(given), digest(token));
}

export function cookieValue(request: IncomingMessage, name: string): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const separator = part.indexOf("=");
    if (separator < 0) continue;
    if (part.slice(0, separator).trim() === name) {
      try {
        return decodeURIComponent(part.slice(separator + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

export function requestToken(request: IncomingMessage): string | undefined {
  const authorization = request.headers.authorization;
  const bearer = authorization ? /^Bearer\s+(.+)$/i.exec(authorization) : null;
  if (bearer) return (bearer[1] as string).trim();
  return cookieValue(request, TOKEN_COOKIE);
}

export function tokenCookie(token: string, secure: boolean): string {
  return `${TOKEN_COOKIE}=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Strict; Max-Age=2592000${secure ? "; Secure" : ""}`;
}

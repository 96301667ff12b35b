// The transport the fetch stage uses. The real adapter (adapters/http/) enforces the SSRF guard and
// the size, time and redirect limits; tests may inject their own.

export interface HttpGetOptions {
  /** Extra request headers (e.g. If-None-Match for revalidation). */
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export interface HttpResponse {
  /** Final URL after redirects. */
  url: string;
  status: number;
  /** Header names lower-cased. */
  headers: Record<string, string>;
  /** Decompressed body. Empty for 304. */
  body: Uint8Array;
  /** URLs visited before `url`, in order. */
  redirects: string[];
}

export interface HttpClient {
  /** Resolves for any HTTP status; rejects with a ShirabeError (kind "network" or "input") otherwise. */
  get(url: string, options?: HttpGetOptions): Promise<HttpResponse>;
}

// Which address a source is cited and judged by. A page's canonical link is its own claim, so it is
// trusted only on the page's own site, or for a copy the user keeps (a local file, or a page served from
// this machine or a private network): a web page must not get its text cited, or ranked, under another
// site's name.

/** The canonical address when the page may claim it, else the address the page was read from. */
export function citedAddress(article: { url: string; canonicalUrl: string | null }): string {
  const canonical = article.canonicalUrl;
  if (!canonical || !/^https?:/i.test(canonical)) return article.url;
  const own = hostOf(article.url);
  const claimed = hostOf(canonical);
  if (own === null || claimed === null) return article.url;
  if (/^file:/i.test(article.url) || isOwnNetwork(own)) return canonical;
  const site = (host: string) => host.replace(/^www\./, "");
  const [a, b] = [site(own), site(claimed)];
  return a === b || a.endsWith(`.${b}`) || b.endsWith(`.${a}`) ? canonical : article.url;
}

function hostOf(address: string): string | null {
  try {
    return new URL(address).hostname.toLowerCase();
  } catch {
    return null;
  }
}

/** Loopback and private IPv4 literals, ::1 and localhost names. */
function isOwnNetwork(host: string): boolean {
  if (host === "localhost" || host.endsWith(".localhost") || host === "[::1]") return true;
  const octets = /^(\d+)\.(\d+)\.\d+\.\d+$/.exec(host);
  if (!octets) return false;
  const [first, second] = [Number(octets[1]), Number(octets[2])];
  return (
    first === 127 ||
    first === 10 ||
    (first === 172 && second >= 16 && second <= 31) ||
    (first === 192 && second === 168)
  );
}

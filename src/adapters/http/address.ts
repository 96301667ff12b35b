// Classifies IP addresses for the SSRF guard: which ones a fetch of "any article" must never reach.
import { isIPv4, isIPv6 } from "node:net";

/** Why an address is refused; null from `classifyAddress` means it is a public unicast address. */
export type AddressClass =
  | "unspecified"
  | "loopback"
  | "private"
  | "link-local"
  | "shared"
  | "multicast"
  | "broadcast"
  | "reserved"
  | "documentation"
  | "unique-local"
  | "invalid";

interface V4Range {
  base: number;
  bits: number;
  label: AddressClass;
}

function v4(text: string, bits: number, label: AddressClass): V4Range {
  return { base: parseV4(text) ?? 0, bits, label };
}

// Order matters: the first matching range names the address (broadcast before the 240/4 block).
const V4_RANGES: V4Range[] = [
  v4("0.0.0.0", 8, "unspecified"),
  v4("10.0.0.0", 8, "private"),
  v4("100.64.0.0", 10, "shared"),
  v4("127.0.0.0", 8, "loopback"),
  v4("169.254.0.0", 16, "link-local"),
  v4("172.16.0.0", 12, "private"),
  v4("192.0.0.0", 24, "reserved"),
  v4("192.0.2.0", 24, "documentation"),
  v4("192.88.99.0", 24, "reserved"),
  v4("192.168.0.0", 16, "private"),
  v4("198.18.0.0", 15, "reserved"),
  v4("198.51.100.0", 24, "documentation"),
  v4("203.0.113.0", 24, "documentation"),
  v4("224.0.0.0", 4, "multicast"),
  v4("255.255.255.255", 32, "broadcast"),
  v4("240.0.0.0", 4, "reserved"),
];

function parseV4(text: string): number | null {
  if (!isIPv4(text)) return null;
  return text.split(".").reduce((value, part) => value * 256 + Number(part), 0);
}

function inV4Range(value: number, range: V4Range): boolean {
  const size = 2 ** (32 - range.bits);
  return Math.floor(value / size) === Math.floor(range.base / size);
}

function classifyV4(value: number): AddressClass | null {
  return V4_RANGES.find((range) => inV4Range(value, range))?.label ?? null;
}

/** The eight 16-bit groups of an IPv6 address, or null when it is not one. */
function parseV6(text: string): number[] | null {
  const address = text.replace(/%.*$/, "");
  if (!isIPv6(address)) return null;
  let head = address;
  const tail: number[] = [];
  const dotted = /:(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (dotted?.[1]) {
    const value = parseV4(dotted[1]);
    if (value === null) return null;
    tail.push(Math.floor(value / 65536), value % 65536);
    head = `${address.slice(0, dotted.index)}:`;
  }
  const toGroups = (part: string) =>
    part === "" ? [] : part.split(":").map((group) => Number.parseInt(group, 16));
  const [left = "", right] = head.split("::");
  const leftGroups = toGroups(left.replace(/:$/, ""));
  const rightGroups = right === undefined ? [] : toGroups(right.replace(/:$/, ""));
  const missing = 8 - leftGroups.length - rightGroups.length - tail.length;
  if (missing < 0 || (right === undefined && missing !== 0)) return null;
  const groups = [...leftGroups, ...new Array<number>(missing).fill(0), ...rightGroups, ...tail];
  return groups.length === 8 && groups.every((group) => Number.isInteger(group)) ? groups : null;
}

function embeddedV4(high: number, low: number): number {
  return high * 65536 + low;
}

function classifyV6(groups: number[]): AddressClass | null {
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = groups;
  const upperZero = g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0;
  if (upperZero && g5 === 0 && g6 === 0 && g7 === 0) return "unspecified";
  if (upperZero && g5 === 0 && g6 === 0 && g7 === 1) return "loopback";
  // ::ffff:a.b.c.d (IPv4-mapped) and the deprecated ::a.b.c.d (IPv4-compatible) reach the embedded v4.
  if (upperZero && (g5 === 0xffff || g5 === 0))
    return classifyV4(embeddedV4(g6, g7)) ?? (g5 === 0 ? "reserved" : null);
  // 64:ff9b::/96 is NAT64: the gateway connects to the embedded v4.
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) {
    return classifyV4(embeddedV4(g6, g7));
  }
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 1) return "reserved";
  // 2002::/16 is 6to4: the relay forwards to the v4 held in groups 1 and 2.
  if (g0 === 0x2002) return classifyV4(embeddedV4(g1, g2));
  if (g0 === 0x2001 && g1 === 0xdb8) return "documentation";
  // 2001::/32 is Teredo, whose client address is obfuscated; 2001::/23 holds other special-purpose blocks.
  if (g0 === 0x2001 && g1 < 0x200) return "reserved";
  if (g0 === 0x100 && g1 === 0 && g2 === 0 && g3 === 0) return "reserved";
  if ((g0 & 0xfe00) === 0xfc00) return "unique-local";
  if ((g0 & 0xffc0) === 0xfe80) return "link-local";
  if ((g0 & 0xffc0) === 0xfec0) return "reserved";
  if ((g0 & 0xff00) === 0xff00) return "multicast";
  // Only 2000::/3 is allocated as global unicast.
  if ((g0 & 0xe000) !== 0x2000) return "reserved";
  return null;
}

/** Null for a public address; otherwise the class that makes it off-limits. Accepts "[v6]" too. */
export function classifyAddress(address: string): AddressClass | null {
  const bare = address.replace(/^\[(.*)\]$/, "$1");
  const value4 = parseV4(bare);
  if (value4 !== null) return classifyV4(value4);
  const groups = parseV6(bare);
  if (groups !== null) return classifyV6(groups);
  return "invalid";
}

/** A canonical spelling so "::1", "0:0::1" and "[::1]" compare equal; null when not an IP address. */
export function canonicalAddress(address: string): string | null {
  const bare = address.replace(/^\[(.*)\]$/, "$1");
  if (isIPv4(bare)) return bare;
  const groups = parseV6(bare);
  return groups ? groups.map((group) => group.toString(16)).join(":") : null;
}

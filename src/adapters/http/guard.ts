// The SSRF guard: decides which addresses may be connected to, and wraps DNS resolution so the check
// runs on the address the socket will actually use (defeating DNS names that point inside the network).
import { promises as dns, type LookupAddress } from "node:dns";
import type { LookupFunction } from "node:net";
import { type AddressClass, canonicalAddress, classifyAddress } from "./address.js";

export interface GuardPolicy {
  allowPrivateNetwork: boolean;
  /** Exact addresses allowed despite their class, e.g. a test's own 127.0.0.1 server. */
  allowedAddresses: string[];
}

export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

/** Thrown from inside the connect-time lookup; the client turns it into a ShirabeError naming the URL. */
export class BlockedAddressError extends Error {
  constructor(
    readonly address: string,
    readonly addressClass: AddressClass,
  ) {
    super(`refused ${addressClass} address ${address}`);
    this.name = "BlockedAddressError";
  }
}

/** The class that makes `address` off-limits under `policy`, or null when it may be reached. */
export function refusal(address: string, policy: GuardPolicy): AddressClass | null {
  if (policy.allowPrivateNetwork) return null;
  const canonical = canonicalAddress(address);
  if (
    canonical !== null &&
    policy.allowedAddresses.some((allowed) => canonicalAddress(allowed) === canonical)
  ) {
    return null;
  }
  return classifyAddress(address);
}

export const systemResolver: Resolver = (hostname) => dns.lookup(hostname, { all: true });

/**
 * A `lookup` for net/tls.connect that resolves with `resolve` and fails when any resolved address is
 * refused: refusing the whole name (not just filtering) keeps a mixed public/private answer from
 * sneaking through on a retry.
 */
export function guardedLookup(resolve: Resolver, policy: GuardPolicy): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname).then(
      (addresses) => {
        const wanted = addresses.filter((entry) => !options.family || entry.family === options.family);
        if (wanted.length === 0) {
          const error = Object.assign(new Error(`no address found for ${hostname}`), { code: "ENOTFOUND" });
          callback(error, "", 0);
          return;
        }
        for (const entry of wanted) {
          const addressClass = refusal(entry.address, policy);
          if (addressClass) {
            callback(new BlockedAddressError(entry.address, addressClass), "", 0);
            return;
          }
        }
        if (options.all) {
          (callback as unknown as (error: null, addresses: LookupAddress[]) => void)(null, wanted);
        } else {
          const [first] = wanted;
          callback(null, first?.address ?? "", first?.family ?? 4);
        }
      },
      (error: unknown) => callback(error as NodeJS.ErrnoException, "", 0),
    );
  };
}

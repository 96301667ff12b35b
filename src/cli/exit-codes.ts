// The CLI's exit codes, one per error kind, so scripts can tell a typo from a network outage.
import type { ErrorKind } from "../errors.js";

export const EXIT_OK = 0;

const EXIT_BY_KIND: Record<ErrorKind, number> = {
  input: 1,
  usage: 2,
  network: 3,
  store: 4,
  internal: 70,
};

export function exitCodeFor(kind: ErrorKind): number {
  return EXIT_BY_KIND[kind];
}

import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A new empty folder under the system temp dir. */
export function tempDir(prefix = "shirabe-test-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

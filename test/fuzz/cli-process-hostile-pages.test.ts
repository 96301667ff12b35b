// Fuzz through the real process (node, the CLI entry, real exit codes): hostile pages of every kind in one
// `extract` call, and a `report` of a hostile page printed to a pipe.
import { describe, expect, it } from "vitest";
import { hasControlCharacters } from "../../src/text/control-characters.js";
import { hostilePages } from "../support/hostile-pages.js";
import { expectResultOrClearError, runProcess, writePages } from "../support/hostile-run.js";
import { fuzzSeed, seededRandom } from "../support/seeded-random.js";
import { tempDir } from "../support/temp.js";

const seed = fuzzSeed();
/** Small pages of every category that no open bug fails; the huge ones run in-process. */
const pages = hostilePages(seededRandom(seed), 1).filter(
  (page) => page.category !== "huge" && page.bytes.length < 256 * 1024,
);
const files = writePages(tempDir("shirabe-fuzz-"), pages);
const PROCESS_DEADLINE_MS = 25_000;

describe(`the CLI process on hostile pages from seed ${seed}`, () => {
  it("extract gives every page its own JSON line and exits with the worst failure, never 70", async () => {
    const inputs = [...files.values()];
    const result = await runProcess(["extract", ...inputs, "--json", "--no-cache"], PROCESS_DEADLINE_MS);
    expect(result.killed).toBe(false);
    expect(hasControlCharacters(result.stdout)).toBe(false);
    const lines = result.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { input: string; ok: boolean; error?: { kind: string } });
    expect(lines.map((line) => line.input)).toEqual(inputs);
    const failures = lines.filter((line) => !line.ok);
    expect(failures.length).toBeGreaterThan(0);
    expect(failures.every((line) => line.error?.kind === "input")).toBe(true);
    expect(result.stderr.trim().split("\n")).toHaveLength(failures.length);
    expect(result.code).toBe(1);
  });

  it("report prints a control-character page to a pipe as a clean report, exit 0", async () => {
    const page = pages.find((candidate) =>
      candidate.name.startsWith("controls/html"),
    ) as (typeof pages)[number];
    const file = files.get(page) as string;
    const result = await runProcess(
      ["report", file, "--lang", "en", "--no-follow-links", "--quiet", "--no-cache"],
      PROCESS_DEADLINE_MS,
      { SHIRABE_DATA_DIR: tempDir() },
    );
    expectResultOrClearError(result, file, `report ${page.name}`);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^# Research report: \S/);
  });
});

// `npm run bench`: runs every benchmark (bench/<name>/run.ts) one after another, each in its own process
// so one benchmark's memory does not show in another's figures.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";

const only = process.argv.slice(2);
const benches = readdirSync(import.meta.dirname, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== "results")
  .map((entry) => entry.name)
  .filter((name) => only.length === 0 || only.includes(name))
  .sort();

let failed = 0;
for (const name of benches) {
  console.log(`\n== bench/${name}`);
  const result = spawnSync(process.execPath, ["--import", "tsx", join(import.meta.dirname, name, "run.ts")], {
    stdio: "inherit",
  });
  if (result.status !== 0) failed += 1;
}
process.exitCode = failed > 0 ? 1 : 0;

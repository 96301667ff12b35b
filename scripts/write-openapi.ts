// Writes docs/openapi.json from the server's route schemas (src/server/api-schemas.ts), formatted by
// biome like every other file. A test fails when the committed document differs from what the code
// generates, so run this after changing a route.
// Run: npx tsx scripts/write-openapi.ts
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { openApiDocument } from "../src/server/app.js";

const target = fileURLToPath(new URL("../docs/openapi.json", import.meta.url));
writeFileSync(target, `${JSON.stringify(openApiDocument(), null, 2)}\n`);
execFileSync("npx", ["biome", "format", "--write", target], { stdio: "ignore" });
console.log(`wrote ${target}`);

// The CLI run from source, for tests that need a real process.
import { main } from "../../src/cli/main.js";

process.exitCode = await main(process.argv.slice(2));

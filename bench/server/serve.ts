// The benchmark's server process: `shirabe serve` exactly as a user starts it, from source.
import { main } from "../../src/cli/main.js";

process.exitCode = await main(["serve", "--port", "0", "--data-dir", process.argv[2] as string]);

// The CLI entry: parses arguments, runs one command, and is the only place that turns errors into
// one-line messages and exit codes.
import { Command, CommanderError } from "commander";
import { isShirabeError } from "../errors.js";
import { registerBatch } from "./commands/batch-command.js";
import { registerCheck } from "./commands/check-command.js";
import { registerCorpus } from "./commands/corpus-command.js";
import { registerExtract } from "./commands/extract-command.js";
import { registerModels } from "./commands/models-command.js";
import { registerPublish } from "./commands/publish-command.js";
import { registerQueue } from "./commands/queue-command.js";
import { registerReport } from "./commands/report-command.js";
import { registerServe } from "./commands/serve-command.js";
import { registerStoreCommands } from "./commands/stored-command.js";
import { registerWatch } from "./commands/watch-command.js";
import { registerWorker } from "./commands/worker-command.js";
import { EXIT_OK, exitCodeFor } from "./exit-codes.js";
import { type CliIo, processIo, terminalText } from "./io.js";

export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const program = new Command("shirabe")
    .description("Turn a news article into a sourced, cited research report.")
    .version("0.1.0")
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    });
  const state = { exitCode: EXIT_OK };
  const context = { io, setExitCode: (code: number) => (state.exitCode = Math.max(state.exitCode, code)) };
  registerExtract(program, context);
  registerReport(program, context);
  registerCheck(program, context);
  registerStoreCommands(program, context);
  registerServe(program, context);
  registerCorpus(program, context);
  registerModels(program, context);
  registerBatch(program, context);
  registerWatch(program, context);
  registerPublish(program, context);
  registerWorker(program, context);
  registerQueue(program, context);

  try {
    await program.parseAsync(argv, { from: "user" });
    return state.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version end with code 0; every other parse failure is a usage error.
      return error.exitCode === 0 ? EXIT_OK : exitCodeFor("usage");
    }
    const debug = argv.includes("--debug") || io.env.SHIRABE_DEBUG === "1";
    if (isShirabeError(error)) {
      io.stderr.write(`shirabe: ${terminalText(error.message)}\n`);
      if (debug) io.stderr.write(`${error.stack ?? ""}\n`);
      return exitCodeFor(error.kind);
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`shirabe: unexpected error: ${terminalText(message)}\n`);
    if (debug && error instanceof Error) io.stderr.write(`${error.stack ?? ""}\n`);
    else io.stderr.write("shirabe: run again with --debug for details, and report it if it persists\n");
    return exitCodeFor("internal");
  }
}

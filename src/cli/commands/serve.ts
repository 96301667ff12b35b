// `shirabe serve`: the web app on the same library and the same store as the other commands. This is
// where the token comes from the environment; the server module itself never reads it.
import type { Command } from "commander";
import { ShirabeError } from "../../index.js";
import { startServer } from "../../server/index.js";
import { type CommonFlags, resolveSettings } from "../config.js";
import { buildHttpClient, type CommandContext, openSettingsStore } from "../context.js";

interface ServeFlags extends CommonFlags {
  port: string;
  host: string;
}

export function registerServe(program: Command, context: CommandContext): void {
  program
    .command("serve")
    .description("Start the web app: submit articles, watch them researched, read and export reports")
    .option("--port <n>", "port to listen on (0 picks a free one)", "8787")
    .option(
      "--host <address>",
      "address to bind; anything but loopback requires SHIRABE_TOKEN (required whenever it is set)",
      "127.0.0.1",
    )
    .option("--data-dir <dir>", "where the page cache and reports are stored")
    .option("--allow-private-network", "allow fetching from loopback and private addresses")
    .option("--timeout <seconds>", "give up on a fetch after this many seconds (default 30)")
    .option("--no-cache", "do not read or write the page cache")
    .option("--debug", "print stack traces")
    .action(async (flags: ServeFlags) => {
      const settings = resolveSettings(flags, context.io.env);
      const port = Number(flags.port);
      if (!Number.isInteger(port) || port < 0 || port > 65_535) {
        throw new ShirabeError(`--port ${flags.port}: expected a port number from 0 to 65535`, {
          code: "bad-option",
          kind: "usage",
          input: flags.port,
        });
      }
      const token = context.io.env.SHIRABE_TOKEN?.trim() || undefined;
      const store = openSettingsStore(settings);
      let server: Awaited<ReturnType<typeof startServer>>;
      try {
        server = await startServer({
          host: flags.host,
          port,
          http: buildHttpClient(settings),
          store,
          ...(settings.useCache ? { cache: store } : {}),
          ...(token ? { token } : {}),
        });
      } catch (error) {
        store.close();
        throw error;
      }
      context.io.stderr.write(
        `shirabe: serving on ${server.url}/ (reports in ${settings.dataDir}); Ctrl-C stops\n`,
      );
      await new Promise<void>((stop) => {
        process.once("SIGINT", stop);
        process.once("SIGTERM", stop);
      });
      await server.close();
      store.close();
    });
}

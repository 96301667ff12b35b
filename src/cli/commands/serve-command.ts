// `shirabe serve`: the web app on the same library and the same store as the other commands. This is
// where the token comes from the environment; the server module itself never reads it.
import { randomUUID } from "node:crypto";
import type { Command } from "commander";
import { openBullmqQueue } from "../../adapters/queue/bullmq-queue.js";
import { jobKey } from "../../adapters/queue/job-key.js";
import { redisLabel } from "../../adapters/redis/redis-connection.js";
import { openFeedStore } from "../../adapters/store/feed-store.js";
import type { SqliteStore } from "../../adapters/store/sqlite.js";
import { DEFAULTS, ShirabeError } from "../../index.js";
import type { Queue } from "../../ports/queue.js";
// The server (hono, its schemas, worker threads) is loaded when `serve` runs, not at every command's start-up.
import type { Engine } from "../../server/index.js";
import {
  type CommonFlags,
  type LlmFlags,
  type LlmSettings,
  resolveLlmSettings,
  resolveSettings,
  type Settings,
} from "../config.js";
import { buildHttpClient, type CommandContext, openSettingsStore } from "../context.js";
import { openLlmEngine } from "../llm-options.js";
import { collectResults, resultOwner } from "../remote-results.js";
import type { ReportJobResult } from "../report-jobs.js";
import type { ReportJob } from "../report-run.js";

interface ServeFlags extends CommonFlags, LlmFlags {
  /** redis://host:port: reports are made by `shirabe worker` processes. */
  queue?: string;
  port: string;
  host: string;
  chromium: string;
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
    .option(
      "--model <provider:model>",
      'offer this LLM as the "llm" engine (default: SHIRABE_MODEL or the config file)',
    )
    .option("--config <file>", "config file with providers, models and prices (JSON)")
    .option(
      "--max-cost <usd>",
      "per report: stop before the LLM calls could cost more than this (US dollars)",
    )
    .option("--max-tokens <n>", "per report: stop before the LLM calls could use more tokens than this")
    .option(
      "--queue <redis-url>",
      "send reports to `shirabe worker` processes through this Redis instead of making them here",
    )
    .option("--chromium <path>", "the Chromium that prints PDF exports", "/usr/bin/chromium")
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
      const { createRemoteJobRunner, EXTRACTIVE_ENGINE, startServer } = await import("../../server/index.js");
      const engines = serverEngines(settings, resolveLlmSettings(flags, context.io.env), EXTRACTIVE_ENGINE);
      const store = openSettingsStore(settings);
      const feeds = openFeedStore({ path: settings.storePath });
      let server: Awaited<ReturnType<typeof startServer>>;
      try {
        const remote = flags.queue
          ? remoteJobs(flags.queue, flags, settings, store, context, createRemoteJobRunner)
          : undefined;
        server = await startServer({
          ...(remote ? { remote } : {}),
          host: flags.host,
          port,
          http: buildHttpClient(settings),
          store,
          feeds,
          ...(settings.useCache ? { cache: store } : {}),
          engines,
          chromiumPath: flags.chromium,
          ...(token ? { token } : {}),
        });
      } catch (error) {
        feeds.close();
        store.close();
        throw error;
      }
      const where = flags.queue ? `; made by workers on ${redisLabel(flags.queue)}` : "";
      context.io.stderr.write(
        `shirabe: serving on ${server.url}/ (reports in ${settings.dataDir}${where}; engines: ${Object.keys(engines).join(", ")}); Ctrl-C stops\n`,
      );
      await new Promise<void>((stop) => {
        process.once("SIGINT", stop);
        process.once("SIGTERM", stop);
      });
      await server.close();
      feeds.close();
      store.close();
    });
}

/** Extractive always; "llm" too when a model is configured, with its run recorded like `report`'s. */
function serverEngines(settings: Settings, llm: LlmSettings, extractive: Engine): Record<string, Engine> {
  const model = llm.model;
  if (!model) return { extractive };
  const engine: Engine = {
    models: [model.id],
    start: (job) => {
      const run = openLlmEngine({
        storePath: settings.storePath,
        settings: { ...llm, model },
        runId: randomUUID(),
        input: job.input,
        runOptions: {
          lang: job.lang,
          sources: job.sources,
          maxLinks: job.maxLinks,
          followLinks: job.followLinks,
          model: model.id,
        },
      });
      return {
        writer: run.writer,
        end: (outcome) => {
          try {
            if ("reportId" in outcome) run.done(outcome.reportId);
            else return run.failed(outcome.error);
          } finally {
            run.close();
          }
          return undefined;
        },
      };
    },
  };
  return { extractive, llm: engine };
}

/**
 * The server's jobs on the Redis queue: a submission becomes the same job `batch --queue` would enqueue
 * (the worker's model and budget flags as given here), and results are collected into this store.
 */
function remoteJobs(
  url: string,
  flags: ServeFlags,
  settings: Settings,
  store: SqliteStore,
  context: CommandContext,
  createRemoteJobRunner: typeof import("../../server/index.js").createRemoteJobRunner,
) {
  const queue = openBullmqQueue<ReportJob, ReportJobResult>({
    url,
    owner: resultOwner(settings.storePath),
    onUnavailable: (message) => context.io.stderr.write(`${message}\n`),
  });
  const llm = Object.fromEntries(
    (["config", "maxCost", "maxTokens"] as const)
      .filter((key) => flags[key] !== undefined)
      .map((key) => [key, flags[key]]),
  );
  const runner = createRemoteJobRunner<ReportJob, ReportJobResult>({
    queue,
    store,
    jobData: (request) => ({
      input: request.input,
      options: {
        run: {
          lang: request.lang,
          sources: request.sources,
          maxLinks: request.maxLinks ?? DEFAULTS.maxLinks,
          followLinks: request.followLinks ?? true,
          ...(request.engineName === "llm" && request.model ? { model: request.model } : {}),
          ...(request.engineName === "extractive" ? { engine: "extractive" as const } : {}),
        },
        llm,
        research: {},
      },
    }),
    jobId: (data) => jobKey("report", data),
    collect: ({ queue: mine, onStored }) => collectResults({ queue: mine, store, onStored }),
  });
  return { runner, queue: queue as Queue<unknown, unknown> };
}

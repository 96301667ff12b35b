// The web app's public surface, for the CLI's `serve` command and for programs that embed the server.
export { createApp, openApiDocument } from "./app.js";
export { isLoopbackHost } from "./auth.js";
export type { Engine, EngineSession, EngineStart, JobStatus } from "./job-types.js";
export type { RateLimitOptions } from "./rate-limit.js";
export { createRemoteJobRunner, type RemoteJobsDeps } from "./remote-jobs.js";
export {
  createServerApp,
  EXTRACTIVE_ENGINE,
  type RunningServer,
  type ServerApp,
  type ServerOptions,
  startServer,
} from "./server.js";

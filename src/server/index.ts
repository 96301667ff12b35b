// The web app's public surface, for the CLI's `serve` command and for programs that embed the server.
export { isLoopbackHost } from "./auth.js";
export type { JobStatus } from "./jobs.js";
export type { RateLimitOptions } from "./rate-limit.js";
export { EXTRACTIVE_ENGINE, type RunningServer, type ServerOptions, startServer } from "./server.js";
export type { Engine, EngineSession, EngineStart } from "./submission.js";

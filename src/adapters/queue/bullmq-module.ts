// BullMQ (with ioredis) costs about 0.2 s of CPU to load; every CLI command would pay it at start-up
// through the library API, though only --queue and `worker` use it. Loaded on first use instead.
import { createRequire } from "node:module";

type Bullmq = typeof import("bullmq");

const require = createRequire(import.meta.url);
let loaded: Bullmq | undefined;

export function bullmq(): Bullmq {
  loaded ??= require("bullmq") as Bullmq;
  return loaded;
}

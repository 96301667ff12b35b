// Progress on stderr: a live line on a terminal, plain lines in logs and pipes, nothing with --quiet.
import type { ProgressEvent, StageName } from "../ports/progress.js";
import { terminalText } from "./io.js";

export type ProgressMode = "live" | "plain" | "quiet";

const STAGE_LABELS: Record<StageName, string> = {
  article: "article",
  sources: "sources",
  passages: "passages",
  write: "write",
  cite: "citations",
  store: "store",
};

export function progressMode(options: { quiet?: boolean; isTTY: boolean }): ProgressMode {
  if (options.quiet) return "quiet";
  return options.isTTY ? "live" : "plain";
}

function formatCounts(counts: Record<string, number>): string {
  return Object.entries(counts)
    .map(([name, value]) => `${value} ${name}`)
    .join(", ");
}

/** Returns the onProgress callback for createReport, writing to `out` (normally process.stderr). */
export function createProgressPrinter(
  mode: ProgressMode,
  out: { write(text: string): unknown },
): (event: ProgressEvent) => void {
  if (mode === "quiet") return () => {};
  let total = 0;
  let done = 0;
  const clearLine = mode === "live" ? "\r\x1b[2K" : "";
  return (event) => {
    switch (event.type) {
      case "stage-start":
        total = event.total ?? 0;
        done = 0;
        if (mode === "live") out.write(`${clearLine}${STAGE_LABELS[event.stage]}…`);
        return;
      case "source":
        done += 1;
        if (!event.ok)
          out.write(`${clearLine}  source failed: ${terminalText(event.message ?? event.input)}\n`);
        if (mode === "live") out.write(`${clearLine}sources ${done}/${total} ${terminalText(event.input)}`);
        return;
      case "section":
        if (mode === "live")
          out.write(`${clearLine}write ${event.done}/${event.total} ${terminalText(event.heading)}`);
        return;
      case "citations":
        if (event.final) {
          out.write(
            `${clearLine}  claims checked: ${event.supported} supported, ${event.repaired} repaired, ${event.dropped} dropped\n`,
          );
        } else if (mode === "live") {
          out.write(`${clearLine}write: ${event.claims} claims checked, ${event.dropped} dropped`);
        }
        return;
      case "research":
        // Offline runs make no queries; say nothing rather than "0 queries".
        if (event.queries > 0)
          out.write(`${clearLine}research: ${event.queries} queries, ${event.found} found\n`);
        return;
      case "stage-done":
        out.write(`${clearLine}${STAGE_LABELS[event.stage]}: ${formatCounts(event.counts)}\n`);
        return;
    }
  };
}

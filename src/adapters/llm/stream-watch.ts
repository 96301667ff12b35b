// Watching a model's stream pass by without changing it: each part, then exactly one end — finished,
// failed or cancelled by the reader — so middleware can settle what it holds however the stream stops.
import type { LanguageModelV3StreamPart } from "@ai-sdk/provider";

export type StreamEnd = "finished" | "failed" | "cancelled";

export function watchStream(
  stream: ReadableStream<LanguageModelV3StreamPart>,
  watcher: { onPart?: (part: LanguageModelV3StreamPart) => void; onEnd: (end: StreamEnd) => void },
): ReadableStream<LanguageModelV3StreamPart> {
  const reader = stream.getReader();
  let ended = false;
  const end = (how: StreamEnd) => {
    if (ended) return;
    ended = true;
    watcher.onEnd(how);
  };
  return new ReadableStream<LanguageModelV3StreamPart>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) {
          end("finished");
          controller.close();
          return;
        }
        watcher.onPart?.(value);
        controller.enqueue(value);
      } catch (error) {
        end("failed");
        controller.error(error);
      }
    },
    async cancel(reason) {
      end("cancelled");
      await reader.cancel(reason);
    },
  });
}

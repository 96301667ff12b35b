// Text embeddings as the ranking code sees them: one call that turns texts into vectors of one model.
// Providers, batching and the per-run cache live behind it in src/adapters/llm.

export interface Embedder {
  /** "provider:model", e.g. "openai:text-embedding-3-small". */
  readonly model: string;
  /** One vector per text, in order; vectors of one embedder are comparable by cosine similarity. */
  embed(texts: string[], signal?: AbortSignal): Promise<number[][]>;
}

// The Zyte article-extraction benchmark's metric: 4-token shingle overlap, averaged per page.

type Shingles = Map<string, number>;

const WORD = /[\p{L}\p{N}_]+/gu;
const SHINGLE_SIZE = 4;

export function tokenize(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** Counts of 4-token windows; a text of 1–3 tokens yields one shorter shingle, an empty one none. */
export function shingles(text: string): Shingles {
  const tokens = tokenize(text);
  const counts: Shingles = new Map();
  if (tokens.length === 0) return counts;
  const windows = Math.max(1, tokens.length - SHINGLE_SIZE + 1);
  for (let i = 0; i < windows; i++) {
    const key = tokens.slice(i, i + SHINGLE_SIZE).join("\u0001");
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export interface PageScore {
  tp: number;
  fp: number;
  fn: number;
}

/** tp/fp/fn of one page, normalised to sum to 1 so every page weighs the same. */
export function scorePage(truth: string, predicted: string): PageScore {
  const want = shingles(truth);
  const got = shingles(predicted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, count] of got) {
    const expected = want.get(key) ?? 0;
    tp += Math.min(count, expected);
    fp += Math.max(0, count - expected);
  }
  for (const [key, count] of want) fn += Math.max(0, count - (got.get(key) ?? 0));
  const total = tp + fp + fn;
  return total === 0 ? { tp: 0, fp: 0, fn: 0 } : { tp: tp / total, fp: fp / total, fn: fn / total };
}

function ratio(tp: number, wrong: number, other: number): number {
  if (wrong === 0 && other === 0) return 1;
  if (tp === 0 && wrong === 0) return 0;
  return tp / (tp + wrong);
}

export interface Quality {
  precision: number;
  recall: number;
  f1: number;
}

export function aggregate(scores: PageScore[]): Quality {
  const precisions = scores.filter((s) => s.tp + s.fp > 0).map((s) => ratio(s.tp, s.fp, s.fn));
  const recalls = scores.filter((s) => s.tp + s.fn > 0).map((s) => ratio(s.tp, s.fn, s.fp));
  const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0);
  const precision = mean(precisions);
  const recall = mean(recalls);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** Scores extractor output against ground truth; pages missing from `predicted` count as empty output. */
export function evaluate(truth: Record<string, string>, predicted: Record<string, string>): Quality {
  return aggregate(Object.keys(truth).map((id) => scorePage(truth[id] ?? "", predicted[id] ?? "")));
}

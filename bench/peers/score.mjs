// Scoring one engine's answers: how a result set compares with the truth,
// and the order statistics of its times. Pure functions; the runner
// gathers the inputs and the reporter prints the outputs.

/**
 * Compares the stories an engine returned with the true ones, both as
 * labels. Labels are counted, not just collected, so that two stories that
 * share a label (two papers' front-page articles of one date with the same
 * id) must both be returned. `complete`: every true story was returned;
 * `exact`: complete and nothing else; `precision`: the share of returned
 * stories that are true (null when nothing was returned).
 */
export function judge(truth, returned) {
  const wanted = new Map();
  for (const label of truth) wanted.set(label, (wanted.get(label) ?? 0) + 1);
  let right = 0;
  for (const label of returned) {
    const left = wanted.get(label) ?? 0;
    if (left > 0) {
      wanted.set(label, left - 1);
      right++;
    }
  }
  const complete = right === truth.length;
  return {
    complete,
    exact: complete && returned.length === truth.length,
    precision: returned.length ? right / returned.length : null,
  };
}

/** The `p`-th percentile (0–100) by nearest rank; null for no values. */
export function percentile(values, p) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export const median = (values) => percentile(values, 50);

/** Summary of many judgements: counts of complete and exact, mean precision. */
export function summarize(judgements) {
  const precisions = judgements.map((j) => j.precision).filter((p) => p !== null);
  return {
    queries: judgements.length,
    complete: judgements.filter((j) => j.complete).length,
    exact: judgements.filter((j) => j.exact).length,
    precision: precisions.length ? precisions.reduce((a, b) => a + b, 0) / precisions.length : null,
  };
}

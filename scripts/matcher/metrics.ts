/** Ranking-quality metrics over one ranked list and graded relevance (0 = not relevant). */

export function dcgAt(
  ranked: readonly string[],
  relevant: Readonly<Record<string, number>>,
  cutoff: number,
): number {
  let total = 0;
  ranked.slice(0, cutoff).forEach((id, position) => {
    const grade = relevant[id] ?? 0;
    if (grade > 0) total += (2 ** grade - 1) / Math.log2(position + 2);
  });
  return total;
}

/** nDCG with exponential gain 2^grade − 1, against the ideal order of the labelled profiles. */
export function ndcgAt(
  ranked: readonly string[],
  relevant: Readonly<Record<string, number>>,
  cutoff: number,
): number {
  const ideal = Object.keys(relevant).sort((left, right) => relevant[right]! - relevant[left]!);
  const best = dcgAt(ideal, relevant, cutoff);
  return best > 0 ? dcgAt(ranked, relevant, cutoff) / best : 0;
}

/** Reciprocal rank of the first profile of any positive grade. */
export function reciprocalRank(
  ranked: readonly string[],
  relevant: Readonly<Record<string, number>>,
): number {
  const position = ranked.findIndex((id) => (relevant[id] ?? 0) > 0);
  return position < 0 ? 0 : 1 / (position + 1);
}

export function recallAt(
  ranked: readonly string[],
  relevant: Readonly<Record<string, number>>,
  cutoff: number,
): number {
  const wanted = Object.keys(relevant).filter((id) => relevant[id]! > 0);
  if (wanted.length === 0) return 0;
  const top = new Set(ranked.slice(0, cutoff));
  return wanted.filter((id) => top.has(id)).length / wanted.length;
}

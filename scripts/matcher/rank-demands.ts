import type { MatchDocument, MatchIndex, MethodName, RankedMatch } from '../../matcher/index.js';

/** What to rank: the demands, how many profiles each, and by which method. */
export interface RankingTask {
  demands: MatchDocument[];
  top: number;
  method: MethodName;
}

/** The output lines of a run of demands, and how many there are. */
export interface RankedRun {
  text: string;
  lines: number;
}

/** One output line of `npm run match`: a profile, a demand, the score and the reasons. */
export function outputLine(demand: string, match: RankedMatch): string {
  const terms = match.terms.map((term) => [term.term, term.share]);
  return `${JSON.stringify({ profile: match.id, demand, score: Number(match.score.toPrecision(6)), terms })}\n`;
}

/**
 * Ranks runs of a batch's demands against one index, in any order and on any thread, with the
 * output one thread ranking every demand in order would give: before a run, the demands this
 * ranker skipped that come before it are read for their words (MatchIndex.readQueryWords),
 * since a stem is shown as the shortest word read for it so far.
 */
export class DemandRanker {
  private readonly read: Uint8Array;

  constructor(
    private readonly index: MatchIndex,
    private readonly task: RankingTask,
  ) {
    this.read = new Uint8Array(task.demands.length);
  }

  /** The output lines of demands [from, to), and how many there are. */
  rank(from: number, to: number): RankedRun {
    const { demands, top, method } = this.task;
    for (let position = 0; position < from; position++) {
      if (this.read[position] === 1) continue;
      this.index.readQueryWords(demands[position]!, method);
      this.read[position] = 1;
    }
    let text = '';
    let lines = 0;
    for (let position = from; position < to; position++) {
      const demand = demands[position]!;
      for (const match of this.index.topK(demand, { kind: 'faculty', k: top, method })) {
        text += outputLine(demand.id, match);
        lines++;
      }
      this.read[position] = 1;
    }
    return { text, lines };
  }
}

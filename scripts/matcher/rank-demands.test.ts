import { describe, expect, it } from 'vitest';
import { BatchEncoder, DocumentAnalyzer, type MatchDocument, MatchIndex } from '../../matcher/index.js';
import { DemandRanker } from './rank-demands.js';

/** An index loaded as `npm run match` loads it: analysed elsewhere, so it keeps no words of its own. */
function bulkIndex(documents: MatchDocument[]): MatchIndex {
  const index = new MatchIndex();
  const encoder = new BatchEncoder(0, false);
  const analysis = new DocumentAnalyzer();
  for (const document of documents) encoder.add(document, analysis);
  index.loader().load(encoder.take());
  index.prepare('bm25');
  return index;
}

const PROFILES: MatchDocument[] = [
  { id: 'net', kind: 'faculty', text: 'Connected wireless devices and sensor networks' },
  { id: 'ship', kind: 'faculty', text: 'Ship welding distortion of welded joints' },
];
const DEMANDS: MatchDocument[] = [
  { id: 'd0', kind: 'demand', text: 'connected wireless sensors' },
  { id: 'd1', kind: 'demand', text: 'wireless connection for welding robots' },
  { id: 'd2', kind: 'demand', text: 'welded ship joints' },
];

describe('DemandRanker', () => {
  it('ranks a later run alone, on a copy of the index, as one ranker going in order does', () => {
    const index = bulkIndex(PROFILES);
    const task = { demands: DEMANDS, top: 2, method: 'bm25' as const };
    const inOrder = new DemandRanker(index, task);
    inOrder.rank(0, 1);
    const rest = inOrder.rank(1, 3);

    const copy = MatchIndex.fromSnapshot(structuredClone(index.snapshot()));
    const alone = new DemandRanker(copy, task).rank(1, 3);
    expect(alone).toEqual(rest);
    // In order, the profile's stem shows as the shortest word read for it, d0's "connected"
    // rather than d1's own "connection": the copy read d0 before ranking d1.
    expect(alone.text).toContain('"connected"');
    expect(alone.text).not.toContain('"connection"');
  });
});

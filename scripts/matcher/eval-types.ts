import type { MatchDocument, ProfileKind } from '../../matcher/index.js';

/** A demand with the profiles that answer it: grade 2 = written for it, 1 = partly relevant. */
export interface LabelledQuery {
  query: MatchDocument;
  relevant: Record<string, number>;
}

/** A labelled set: profiles of one kind, and demands with their relevant profiles. */
export interface LabelledSet {
  name: string;
  description: string;
  kind: ProfileKind;
  profiles: MatchDocument[];
  queries: LabelledQuery[];
}

/**
 * What the demo data generator (seeds/) offers the eval: teams, faculty and demands, and for
 * each demand the keys of the teams it was written for. Any function of this shape can be
 * plugged in with toLabelledSet().
 */
export interface PlantedGroundTruth {
  teams: { key: string; name: string; description?: string; directions?: string[]; chain?: string }[];
  faculty?: { key: string; name: string; teamKey?: string; directions?: string[]; bio?: string }[];
  demands: { key: string; title: string; description: string; chain?: string; teamKeys: string[] }[];
}

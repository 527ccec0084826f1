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

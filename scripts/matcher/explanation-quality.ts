import { MatchIndex } from '../../matcher/index.js';
import type { LabelledSet } from './eval-types.js';

/** Placeholder until explanations carry their words: prints nothing yet. */
export function printExplanationQuality(_set: LabelledSet): void {
  void MatchIndex;
}

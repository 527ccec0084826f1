import { EN_SET, longShortSet, MIXED_SET } from './eval-set-en.js';
import { EN_HOLDOUT, ZH_HOLDOUT } from './eval-set-holdout.js';
import { ZH_SET } from './eval-set-zh.js';
import type { LabelledSet } from './eval-types.js';

/** Sets seen while choosing constants and writing the thesaurus. */
export const TUNING_SETS: LabelledSet[] = [
  ZH_SET,
  EN_SET,
  MIXED_SET,
  longShortSet(ZH_SET),
  longShortSet(EN_SET),
];

/** Sets written afterwards and never tuned on: the honest estimate. */
export const HELD_OUT_SETS: LabelledSet[] = [
  ZH_HOLDOUT,
  EN_HOLDOUT,
  longShortSet(ZH_HOLDOUT),
  longShortSet(EN_HOLDOUT),
];

import type { ImportKind } from '../imports.types.js';
import { demandsKind } from './demands.kind.js';
import { enterprisesKind } from './enterprises.kind.js';
import { facultyKind } from './faculty.kind.js';
import type { KindDefinition } from './kind.types.js';
import { resultsKind } from './results.kind.js';
import { teamsKind } from './teams.kind.js';

export const KINDS: Readonly<Record<ImportKind, KindDefinition>> = {
  faculty: facultyKind,
  teams: teamsKind,
  enterprises: enterprisesKind,
  demands: demandsKind,
  results: resultsKind,
};

export { sortChainCodes } from './enterprises.kind.js';
export type { Bilingual, ColumnDefinition, KindDefinition, RowContext } from './kind.types.js';

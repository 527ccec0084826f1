import type { ZodType } from 'zod';
import type { ChangedEntity } from '../../db/index.js';
import type { FieldParser } from '../field-parsers.js';
import type { ImportKind } from '../imports.types.js';
import type { ProblemCode } from '../messages.js';
import type { ReferenceData } from '../reference-data.js';

export interface Bilingual {
  zh: string;
  en: string;
}

export interface ColumnDefinition {
  field: string;
  /** The template's header; English with locale 'en'. */
  label: Bilingual;
  /** Other headers people write for the same column; matched after normalizeHeader. */
  aliases: string[];
  required?: boolean;
  parser: FieldParser;
  /** What a blank cell means, when not "no value" (a blank 是否博导 means no). */
  blankValue?: unknown;
  /** Written by our exports for people to read (the best matches); recognised and skipped on import. */
  exportOnly?: boolean;
  /** For the template's instructions sheet. */
  note?: Bilingual;
}

/** One data row while it is checked: parsed values by field, and a way to report against a column. */
export interface RowContext {
  rowNumber: number;
  /** True when the file has a column for the field. */
  has(field: string): boolean;
  /** undefined: no such column; null: blank cell (or a cell whose problem was already reported). */
  value<T>(field: string): T | null | undefined;
  problem(field: string | null, code: ProblemCode, params?: Record<string, string | number>): void;
  warning(field: string | null, code: ProblemCode, params?: Record<string, string | number>): void;
}

/** A row turned into a record: its natural key, a label for people, and the database fields it sets. */
export interface ResolvedRow {
  key: string;
  label: string;
  values: Record<string, unknown>;
}

export interface KindDefinition {
  kind: ImportKind;
  /** The list's name in messages: "教师名单" / "faculty roster". */
  list: Bilingual;
  /** Sheet names that say "this is the list", normalised; the template's sheet is the first. */
  sheetNames: string[];
  /** The audit log's entity type. */
  entity: 'faculty' | 'team' | 'enterprise' | 'demand' | 'result';
  /** Records the matcher indexes are announced when the import commits. */
  changeEntity: ChangedEntity | null;
  columns: ColumnDefinition[];
  /** The natural key's fields: matched loosely (normalised), so never rewritten by an update. */
  identityFields: string[];
  /** Fields a new record gets when the file has no column for them. */
  createDefaults?: Record<string, unknown>;
  /**
   * The entity's field rules (services/validation), the ones its portal form and API apply, checked
   * on the values a row sets: an email or a phone number is refused here as it is there.
   */
  rules: Readonly<Record<string, ZodType>>;
  resolve(row: RowContext, references: ReferenceData): ResolvedRow | null;
  /** The natural key of a record already in the database, built as resolve builds it for a row. */
  keyOf(record: Record<string, unknown>): string;
}

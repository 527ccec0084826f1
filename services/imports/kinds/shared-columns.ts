import { inBothLanguages } from '../../i18n/index.js';
import { CHAIN_CODES } from '../../shared/enums.js';
import { choiceListParser, choiceParser, listParser, textParser } from '../field-parsers.js';
import type { ReferenceData, UniversityRef } from '../reference-data.js';
import type { ColumnDefinition, RowContext } from './kind.types.js';

/** The names people give the chains besides their official labels. */
export const CHAIN_SHORT_FORMS: Record<string, string[]> = {
  medical: ['医药', '医疗器械', '医药医疗', '生物医药', 'medical', 'pharma'],
  carbon_fiber: ['碳纤维', '碳纤维及复合材料', 'carbon fibre', 'carbon fiber'],
  marine_equipment: ['船舶', '海工装备', '船舶海工', '船舶与海洋工程装备', 'ships'],
  special_vehicle: ['专用车', '专用汽车', 'special vehicles'],
  info_tech: ['信创', '新一代信息技术', '信息技术', 'it'],
  new_energy: ['新能源', 'new energy'],
  marine_bio: ['海洋生物医药', 'marine bio'],
  fishing_tackle: ['渔具', '钓具', 'fishing'],
};

export const chainParser = choiceParser('chain', CHAIN_CODES, CHAIN_SHORT_FORMS);
export const chainListParser = choiceListParser('chain', CHAIN_CODES, CHAIN_SHORT_FORMS);

export const CHAIN_ALIASES = [
  '创新链',
  '产业链',
  '所属产业链',
  '所属创新链',
  '链条',
  'chain',
  'innovation chain',
  'industry chain',
];

export function universityColumn(): ColumnDefinition {
  return {
    field: 'university',
    label: inBothLanguages('import.column.label.university'),
    aliases: ['高校', '学校', '所在高校', '所属学校', '高校名称', '学校名称', '依托单位', 'school'],
    required: true,
    parser: textParser(),
  };
}

export function researchDirectionsColumn(): ColumnDefinition {
  return {
    field: 'researchDirections',
    label: inBothLanguages('import.column.label.researchDirections'),
    aliases: [
      '研究领域',
      '研究兴趣',
      '主要研究方向',
      'research areas',
      'research fields',
      'research interests',
    ],
    parser: listParser(),
    blankValue: [],
    note: inBothLanguages('import.column.note.researchDirections'),
  };
}

/** Resolves the row's university column; reports an unknown one. */
export function resolveUniversity(row: RowContext, references: ReferenceData): UniversityRef | null {
  const name = row.value<string>('university');
  if (!name) return null;
  const university = references.findUniversity(name);
  if (!university) row.problem('university', 'unknown_university', { value: name });
  return university ?? null;
}

/** A chain code the parser accepted must also exist in the chains table, or the insert would fail. */
export function checkChainConfigured(row: RowContext, field: string, references: ReferenceData): void {
  const value = row.value<string | string[]>(field);
  for (const code of Array.isArray(value) ? value : value ? [value] : []) {
    if (!references.chainCodes.has(code)) row.problem(field, 'chain_not_configured', { value: code });
  }
}

/** Copies the fields the file has columns for; a column the file lacks leaves the record's value alone. */
export function presentFields(row: RowContext, fields: string[]): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const field of fields) {
    if (row.has(field)) values[field] = row.value(field);
  }
  return values;
}

import { inBothLanguages } from '../../i18n/index.js';
import { textParser } from '../field-parsers.js';
import { normalizeKey } from '../text-normalization.js';
import type { KindDefinition } from './kind.types.js';
import {
  CHAIN_ALIASES,
  chainParser,
  checkChainConfigured,
  presentFields,
  researchDirectionsColumn,
  resolveUniversity,
  universityColumn,
} from './shared-columns.js';

export const teamsKind: KindDefinition = {
  kind: 'teams',
  list: inBothLanguages('import.teams.list'),
  sheetNames: ['团队', '团队名单', '研发团队', '科研团队', 'teams', 'research teams'],
  entity: 'team',
  changeEntity: 'team',
  identityFields: ['universityId', 'nameZh'],
  columns: [
    universityColumn(),
    {
      field: 'nameZh',
      label: inBothLanguages('import.teams.label.nameZh'),
      aliases: ['团队', '研发团队', '团队名', '科研团队', '所属团队', 'team', 'name'],
      required: true,
      parser: textParser(),
    },
    {
      field: 'nameEn',
      label: inBothLanguages('import.teams.label.nameEn'),
      aliases: ['团队英文名称', '英文名', 'name in english'],
      parser: textParser(),
      blankValue: null,
    },
    {
      field: 'chainCode',
      label: inBothLanguages('import.teams.label.chainCode'),
      aliases: [...CHAIN_ALIASES, '聚焦产业链', '主攻创新链', 'chain focus'],
      required: true,
      parser: chainParser,
    },
    {
      field: 'leader',
      label: inBothLanguages('import.teams.label.leader'),
      aliases: ['负责人', '带头人', '团队带头人', '团队负责人姓名', 'team leader', 'head'],
      parser: textParser(),
      note: inBothLanguages('import.teams.note.leader'),
    },
    researchDirectionsColumn(),
    {
      field: 'description',
      label: inBothLanguages('import.teams.label.description'),
      aliases: ['简介', '团队介绍', '团队描述', 'about', 'summary'],
      parser: textParser(),
      blankValue: '',
    },
  ],
  resolve(row, references) {
    const university = resolveUniversity(row, references);
    checkChainConfigured(row, 'chainCode', references);
    const name = row.value<string>('nameZh');
    if (!university || !name) return null;
    const values: Record<string, unknown> = {
      universityId: university.id,
      nameZh: name,
      ...presentFields(row, ['nameEn', 'chainCode', 'researchDirections', 'description']),
    };
    if (row.has('leader')) {
      const leaderName = row.value<string>('leader');
      const existingTeam = references.findTeam(university.id, name);
      if (!leaderName) values.leaderId = null;
      else {
        const leader = references.findFaculty(university.id, leaderName, existingTeam?.id ?? null);
        // A new team's leader is often imported after it; the team is still worth creating.
        if (typeof leader === 'object') values.leaderId = leader.id;
        else row.warning('leader', 'leader_not_found', { value: leaderName });
      }
    }
    return { key: teamKey(university.id, name), label: `${university.nameZh} / ${name}`, values };
  },
  keyOf: (record) => teamKey(record.universityId as number, record.nameZh as string),
};

function teamKey(universityId: number, name: string): string {
  return `${universityId}|${normalizeKey(name)}`;
}

import { inBothLanguages } from '../../i18n/index.js';
import { IP_STATUSES } from '../../shared/enums.js';
import { choiceParser, integerParser, textParser } from '../field-parsers.js';
import { normalizeKey } from '../text-normalization.js';
import type { KindDefinition } from './kind.types.js';
import {
  CHAIN_ALIASES,
  chainParser,
  checkChainConfigured,
  presentFields,
  resolveUniversity,
  universityColumn,
} from './shared-columns.js';

const IP_SHORT_FORMS = {
  patent_granted: ['已授权', '授权专利', '已授权发明专利', '发明专利', '专利'],
  patent_pending: ['申请中', '已申请专利', '专利申请', '受理'],
  software_copyright: ['软著', '软件著作权登记'],
  know_how: ['技术诀窍', '专有技术'],
  none: ['暂无', '无知识产权', '-'],
};

export const resultsKind: KindDefinition = {
  kind: 'results',
  list: inBothLanguages('import.results.list'),
  sheetNames: ['成果', '可产业化成果', '高校可产业化成果', '高校可产业化成果清单', '成果清单', 'results'],
  entity: 'result',
  changeEntity: 'result',
  identityFields: ['ownerTeamId', 'ownerFacultyId', 'title'],
  columns: [
    universityColumn(),
    {
      field: 'team',
      label: inBothLanguages('import.results.label.team'),
      aliases: ['团队', '成果所属团队', '研发团队', 'team', 'owner team'],
      parser: textParser(),
      note: inBothLanguages('import.results.note.team'),
    },
    {
      field: 'faculty',
      label: inBothLanguages('import.results.label.faculty'),
      aliases: [
        '完成人',
        '负责人',
        '成果负责人',
        '成果完成人',
        '教师',
        '教师姓名',
        '发明人',
        'inventor',
        'owner',
      ],
      parser: textParser(),
    },
    {
      field: 'title',
      label: inBothLanguages('import.results.label.title'),
      aliases: ['成果', '成果标题', '项目名称', '名称', 'result', 'result title'],
      required: true,
      parser: textParser(),
    },
    {
      field: 'summary',
      label: inBothLanguages('import.results.label.summary'),
      aliases: ['简介', '成果描述', '成果介绍', '摘要', '主要内容', 'description', 'abstract'],
      parser: textParser(),
      blankValue: '',
    },
    {
      field: 'chainCode',
      label: inBothLanguages('import.results.label.chainCode'),
      aliases: CHAIN_ALIASES,
      parser: chainParser,
      blankValue: null,
    },
    {
      field: 'trl',
      label: inBothLanguages('import.results.label.trl'),
      aliases: ['技术成熟度', '成熟度', 'trl等级', 'technology readiness level'],
      parser: integerParser(1, 9),
      blankValue: null,
    },
    {
      field: 'ipStatus',
      label: inBothLanguages('import.results.label.ipStatus'),
      aliases: ['知识产权', '知识产权情况', '专利情况', 'ip', 'intellectual property'],
      parser: choiceParser('ipStatus', IP_STATUSES, IP_SHORT_FORMS),
      blankValue: 'none',
    },
  ],
  resolve(row, references) {
    const university = resolveUniversity(row, references);
    checkChainConfigured(row, 'chainCode', references);
    const teamName = row.value<string>('team');
    const facultyName = row.value<string>('faculty');
    const title = row.value<string>('title');
    if (!teamName && !facultyName) row.problem(row.has('team') ? 'team' : null, 'owner_missing');
    if (!university || !title || (!teamName && !facultyName)) return null;
    let ownerTeamId: number | null = null;
    let ownerFacultyId: number | null = null;
    if (teamName) {
      const team = references.findTeam(university.id, teamName);
      if (!team) {
        row.problem('team', 'unknown_team', { value: teamName, university: university.nameZh });
        return null;
      }
      ownerTeamId = team.id;
    }
    if (facultyName) {
      const member = references.findFaculty(university.id, facultyName, ownerTeamId);
      if (typeof member !== 'object') {
        const code = member === 'none' ? 'unknown_faculty' : 'ambiguous_faculty';
        row.problem('faculty', code, { value: facultyName, university: university.nameZh });
        return null;
      }
      ownerFacultyId = member.id;
    }
    return {
      key: resultKey(ownerTeamId, ownerFacultyId, title),
      label: [university.nameZh, teamName, facultyName, title].filter(Boolean).join(' / '),
      values: {
        ownerTeamId,
        ownerFacultyId,
        title,
        ...presentFields(row, ['summary', 'chainCode', 'trl', 'ipStatus']),
      },
    };
  },
  keyOf: (record) =>
    resultKey(
      record.ownerTeamId as number | null,
      record.ownerFacultyId as number | null,
      record.title as string,
    ),
};

function resultKey(ownerTeamId: number | null, ownerFacultyId: number | null, title: string): string {
  return `${ownerTeamId ?? ''}|${ownerFacultyId ?? ''}|${normalizeKey(title)}`;
}

import { inBothLanguages } from '../../i18n/index.js';
import { FACULTY_TITLES } from '../../shared/enums.js';
import { booleanParser, choiceParser, textParser } from '../field-parsers.js';
import { normalizeKey } from '../text-normalization.js';
import type { KindDefinition } from './kind.types.js';
import {
  chainParser,
  checkChainConfigured,
  presentFields,
  researchDirectionsColumn,
  resolveUniversity,
  universityColumn,
} from './shared-columns.js';

const TITLE_SHORT_FORMS = {
  professor: ['正教授', 'prof', 'prof.'],
  associate_professor: ['副教授', 'associate prof'],
  lecturer: ['讲师'],
  researcher: ['研究员', 'researcher', 'research fellow'],
  associate_researcher: ['副研究员', 'associate researcher'],
  assistant_researcher: ['助理研究员', 'assistant researcher'],
};

export const facultyKind: KindDefinition = {
  kind: 'faculty',
  list: inBothLanguages('import.faculty.list'),
  sheetNames: ['教师', '教师名单', '高校教师', '教师花名册', 'faculty', 'roster', 'faculty roster'],
  entity: 'faculty',
  changeEntity: 'faculty',
  identityFields: ['universityId', 'teamId', 'name'],
  columns: [
    {
      field: 'name',
      label: inBothLanguages('import.faculty.label.name'),
      aliases: ['教师姓名', '名字', '教师', 'full name', 'faculty name', 'teacher'],
      required: true,
      parser: textParser(),
    },
    universityColumn(),
    {
      field: 'team',
      label: inBothLanguages('import.faculty.label.team'),
      aliases: ['团队', '研发团队', '团队名称', '所在团队', 'research team'],
      parser: textParser(),
      note: inBothLanguages('import.faculty.note.team'),
    },
    {
      field: 'title',
      label: inBothLanguages('import.faculty.label.title'),
      aliases: ['专业技术职务', '职务职称', 'academic title', 'rank'],
      required: true,
      parser: choiceParser('facultyTitle', FACULTY_TITLES, TITLE_SHORT_FORMS),
    },
    {
      field: 'isDoctoralSupervisor',
      label: inBothLanguages('import.faculty.label.isDoctoralSupervisor'),
      aliases: ['博士生导师', '博导', '是否博士生导师', 'phd supervisor', 'doctoral supervisor'],
      parser: booleanParser(),
      blankValue: false,
      note: inBothLanguages('import.faculty.note.isDoctoralSupervisor'),
    },
    {
      field: 'chiefScientistChain',
      label: inBothLanguages('import.faculty.label.chiefScientistChain'),
      aliases: [
        '首席科学家',
        '首席科学家所在链',
        '首席科学家创新链',
        'chief scientist',
        'chief scientist chain',
      ],
      parser: chainParser,
      blankValue: null,
      note: inBothLanguages('import.faculty.note.chiefScientistChain'),
    },
    researchDirectionsColumn(),
    {
      field: 'bio',
      label: inBothLanguages('import.faculty.label.bio'),
      aliases: ['简介', '个人介绍', '教师简介', 'biography', 'profile'],
      parser: textParser(),
      blankValue: '',
    },
    {
      field: 'email',
      label: inBothLanguages('import.faculty.label.email'),
      aliases: ['电子邮箱', '电子邮件', 'e-mail', 'mail'],
      parser: textParser(),
      blankValue: null,
    },
    {
      field: 'phone',
      label: inBothLanguages('import.faculty.label.phone'),
      aliases: ['联系电话', '手机', '手机号', '手机号码', 'mobile', 'telephone', 'tel'],
      parser: textParser(),
      blankValue: null,
    },
  ],
  resolve(row, references) {
    const university = resolveUniversity(row, references);
    checkChainConfigured(row, 'chiefScientistChain', references);
    const teamName = row.value<string>('team');
    let teamId: number | null = null;
    if (university && teamName) {
      const team = references.findTeam(university.id, teamName);
      if (team) teamId = team.id;
      else row.problem('team', 'unknown_team', { value: teamName, university: university.nameZh });
    }
    const name = row.value<string>('name');
    if (!university || !name || (teamName && teamId === null)) return null;
    return {
      key: facultyKey(university.id, teamId, name),
      label: [university.nameZh, teamName, name].filter(Boolean).join(' / '),
      values: {
        universityId: university.id,
        teamId,
        name,
        ...presentFields(row, [
          'title',
          'isDoctoralSupervisor',
          'chiefScientistChain',
          'researchDirections',
          'bio',
          'email',
          'phone',
        ]),
      },
    };
  },
  keyOf: (record) =>
    facultyKey(record.universityId as number, record.teamId as number | null, record.name as string),
};

function facultyKey(universityId: number, teamId: number | null, name: string): string {
  return `${universityId}|${teamId ?? ''}|${normalizeKey(name)}`;
}

import { IMPORT_KIND_DEFINITIONS, type ImportKind, type Locale } from '../../imports/index.js';
import {
  CHAIN_LABELS,
  DEMAND_CLASS_LABELS,
  DEMAND_STATUS_LABELS,
  ENTERPRISE_SIZE_LABELS,
  FACULTY_TITLE_LABELS,
  IP_STATUS_LABELS,
  VISIBILITY_LABELS,
} from '../../shared/enums.js';
import { type CandidateRow, findTopCandidates } from '../exports.repository.js';
import type { ExportCell, ExportOptions, ExportTable, ListExporter } from '../exports.types.js';
import {
  findDemandsList,
  findEnterprisesList,
  findFacultyRoster,
  findResultsList,
  findTeamsList,
} from '../rosters.repository.js';
import { labelOf, pick, yesNo } from './labels.js';

/** Lists are written back with the separator the importer splits on first. */
const LIST_SEPARATOR = '；';

/** The budget is written as one "50-200" cell; the separate min/max columns exist only for people's files. */
const NOT_EXPORTED = new Set(['budgetMin', 'budgetMax']);

/**
 * A table in the import format of the kind: the template's headers in the reader's language, and values
 * written the way the importer reads them, so exporting and importing again changes nothing.
 */
export function rosterTable(
  kind: ImportKind,
  locale: Locale,
  records: Record<string, ExportCell>[],
): ExportTable {
  const definition = IMPORT_KIND_DEFINITIONS[kind];
  const columns = definition.columns.filter((column) => !NOT_EXPORTED.has(column.field));
  return {
    sheetName: pick(locale, definition.list),
    headers: columns.map((column) => pick(locale, column.label)),
    widths: columns.map((column) =>
      ['description', 'bio', 'summary', 'bestMatches'].includes(column.field) ? 50 : 18,
    ),
    rows: records.map((record) => columns.map((column) => record[column.field] ?? null)),
  };
}

const joinList = (items: string[]) => items.join(LIST_SEPARATOR);

export const exportFaculty: ListExporter = async (db, { locale }) =>
  rosterTable(
    'faculty',
    locale,
    (await findFacultyRoster(db)).map(({ member, universityName, teamName }) => ({
      name: member.name,
      university: universityName,
      team: teamName,
      title: labelOf(FACULTY_TITLE_LABELS, member.title, locale),
      isDoctoralSupervisor: yesNo(member.isDoctoralSupervisor, locale),
      chiefScientistChain: labelOf(CHAIN_LABELS, member.chiefScientistChain, locale),
      researchDirections: joinList(member.researchDirections),
      bio: member.bio,
      email: member.email,
      phone: member.phone,
    })),
  );

export const exportTeams: ListExporter = async (db, { locale }) =>
  rosterTable(
    'teams',
    locale,
    (await findTeamsList(db)).map(({ team, universityName, leaderName }) => ({
      university: universityName,
      nameZh: team.nameZh,
      nameEn: team.nameEn,
      chainCode: labelOf(CHAIN_LABELS, team.chainCode, locale),
      leader: leaderName,
      researchDirections: joinList(team.researchDirections),
      description: team.description,
    })),
  );

export const exportEnterprises: ListExporter = async (db, { locale }) =>
  rosterTable(
    'enterprises',
    locale,
    (await findEnterprisesList(db)).map(({ enterprise, chainCodes }) => ({
      name: enterprise.name,
      industry: enterprise.industry,
      size: labelOf(ENTERPRISE_SIZE_LABELS, enterprise.size, locale),
      chainCodes: joinList(chainCodes.map((code) => labelOf(CHAIN_LABELS, code, locale))),
      description: enterprise.description,
      address: enterprise.address,
      contactName: enterprise.contactName,
      contactPhone: enterprise.contactPhone,
      contactEmail: enterprise.contactEmail,
    })),
  );

export function formatBudget(min: number | null, max: number | null): string | null {
  if (min === null && max === null) return null;
  if (min === max) return String(min);
  return `${min ?? ''}-${max ?? ''}`;
}

/** "1. 先进复合材料团队（哈尔滨工业大学（威海）） 0.82", one line per match. */
function formatMatches(candidates: CandidateRow[], locale: Locale): string {
  return candidates
    .map((candidate, index) => {
      const side = pick(
        locale,
        candidate.side === 'team' ? { zh: '团队', en: 'team' } : { zh: '教师', en: 'faculty' },
      );
      const where =
        locale === 'en'
          ? ` (${side}, ${candidate.universityName})`
          : `（${side}，${candidate.universityName}）`;
      return `${index + 1}. ${candidate.candidateName}${where} ${candidate.score.toFixed(2)}`;
    })
    .join('\n');
}

/** The demands list with each demand's best matches beside it; the importer skips that column. */
export const exportDemands: ListExporter = async (db, { locale, topMatches }: ExportOptions) => {
  const candidates = await findTopCandidates(db, topMatches);
  const byDemand = new Map<number, CandidateRow[]>();
  for (const candidate of candidates) {
    const list = byDemand.get(candidate.demandId);
    if (list) list.push(candidate);
    else byDemand.set(candidate.demandId, [candidate]);
  }
  return rosterTable(
    'demands',
    locale,
    (await findDemandsList(db)).map(({ demand, enterpriseName }) => ({
      enterprise: enterpriseName,
      title: demand.title,
      titleEn: demand.titleEn,
      description: demand.description,
      chainCode: labelOf(CHAIN_LABELS, demand.chainCode, locale),
      demandClass: labelOf(DEMAND_CLASS_LABELS, demand.demandClass, locale),
      expectedTrl: demand.expectedTrl,
      budget: formatBudget(demand.budgetMin, demand.budgetMax),
      deadline: demand.deadline,
      visibility: labelOf(VISIBILITY_LABELS, demand.visibility, locale),
      status: labelOf(DEMAND_STATUS_LABELS, demand.status, locale),
      bestMatches: formatMatches(byDemand.get(demand.id) ?? [], locale),
    })),
  );
};

export const exportResults: ListExporter = async (db, { locale }) =>
  rosterTable(
    'results',
    locale,
    (await findResultsList(db)).map(({ result, teamName, facultyName, universityName }) => ({
      university: universityName,
      team: teamName,
      faculty: facultyName,
      title: result.title,
      summary: result.summary,
      chainCode: labelOf(CHAIN_LABELS, result.chainCode, locale),
      trl: result.trl,
      ipStatus: labelOf(IP_STATUS_LABELS, result.ipStatus, locale),
    })),
  );

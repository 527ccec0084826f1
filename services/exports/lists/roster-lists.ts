import { listBestPairsOfDemands, type QueueRow } from '../../brokering/index.js';
import { enumLabel, translate } from '../../i18n/index.js';
import { IMPORT_KIND_DEFINITIONS, type ImportKind, type Locale } from '../../imports/index.js';
import type { ExportCell, ExportOptions, ExportTable, ListExporter } from '../exports.types.js';
import {
  findDemandsList,
  findEnterprisesList,
  findFacultyRoster,
  findResultsList,
  findTeamsList,
} from '../rosters.repository.js';
import { pick, yesNo } from './labels.js';

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
      title: enumLabel(locale, 'facultyTitle', member.title),
      isDoctoralSupervisor: yesNo(member.isDoctoralSupervisor, locale),
      chiefScientistChain: enumLabel(locale, 'chain', member.chiefScientistChain),
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
      chainCode: enumLabel(locale, 'chain', team.chainCode),
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
      size: enumLabel(locale, 'enterpriseSize', enterprise.size),
      chainCodes: joinList(chainCodes.map((code) => enumLabel(locale, 'chain', code))),
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
function formatMatches(pairs: QueueRow[], locale: Locale): string {
  return pairs
    .map((pair, index) => {
      return translate(locale, `export.topMatch.${pair.teamId !== null ? 'team' : 'faculty'}`, {
        rank: index + 1,
        candidate: pair.profileName,
        university: pair.universityName,
        score: Number(pair.score).toFixed(2),
      });
    })
    .join('\n');
}

/** The demands list with each demand's best matches beside it; the importer skips that column. */
export const exportDemands: ListExporter = async (db, { locale, topMatches }: ExportOptions) => {
  const byDemand = new Map<number, QueueRow[]>();
  for (const pair of await listBestPairsOfDemands(db, topMatches)) {
    const list = byDemand.get(pair.demandId);
    if (list) list.push(pair);
    else byDemand.set(pair.demandId, [pair]);
  }
  return rosterTable(
    'demands',
    locale,
    (await findDemandsList(db)).map(({ demand, enterpriseName }) => ({
      enterprise: enterpriseName,
      title: demand.title,
      titleEn: demand.titleEn,
      description: demand.description,
      chainCode: enumLabel(locale, 'chain', demand.chainCode),
      demandClass: enumLabel(locale, 'demandClass', demand.demandClass),
      expectedTrl: demand.expectedTrl,
      budget: formatBudget(demand.budgetMin, demand.budgetMax),
      deadline: demand.deadline,
      visibility: enumLabel(locale, 'visibility', demand.visibility),
      status: enumLabel(locale, 'demandStatus', demand.status),
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
      chainCode: enumLabel(locale, 'chain', result.chainCode),
      trl: result.trl,
      ipStatus: enumLabel(locale, 'ipStatus', result.ipStatus),
    })),
  );

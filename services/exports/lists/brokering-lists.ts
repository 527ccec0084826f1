import { daysWaitingAt, listQueue, OPEN_STATUSES } from '../../brokering/index.js';
import { enumLabel, translate } from '../../i18n/index.js';
import { findCollaborations, findEnterpriseServices } from '../exports.repository.js';
import type { ListExporter } from '../exports.types.js';
import { yesNo } from './labels.js';

/** The terms that made a pair match, strongest first: what staff read to judge it. */
function topTerms(terms: [string, number][], count = 5): string {
  return [...terms]
    .sort((left, right) => right[1] - left[1])
    .slice(0, count)
    .map(([term]) => term)
    .join('、');
}

/**
 * The brokering queue as staff see it on /staff/queue (all chains, open pairs, the same order:
 * someone interested first, then by score), with the days each has waited.
 */
export const exportQueue: ListExporter = async (db, { locale, now }) => {
  const rows = await listQueue(db, { chainCode: null, statuses: OPEN_STATUSES });
  const h = (key: string) => translate(locale, key);
  return {
    sheetName: h('export.brokeringQueue'),
    headers: [
      h('export.status'),
      h('export.daysWaiting'),
      h('export.enterprise'),
      h('export.demand'),
      h('export.chain'),
      h('export.candidateType'),
      h('export.candidate'),
      h('export.university'),
      h('export.score'),
      h('export.whyItMatches'),
      h('export.enterpriseInterested'),
      h('export.universityInterested'),
      h('export.lastChange'),
    ],
    widths: [10, 10, 30, 30, 18, 10, 24, 24, 8, 30, 10, 10, 12],
    rows: rows.map((row) => [
      enumLabel(locale, 'matchStatus', row.status),
      daysWaitingAt(row, now),
      row.enterpriseName,
      row.demandTitle,
      enumLabel(locale, 'chain', row.chainCode),
      row.teamId !== null ? h('export.team') : h('export.faculty'),
      row.profileName,
      row.universityName,
      Number(row.score.toFixed(4)),
      topTerms(row.explanation?.terms ?? []),
      yesNo(row.enterpriseInterested, locale),
      yesNo(row.profileInterested, locale),
      new Date(row.updatedAt).toISOString().slice(0, 10),
    ]),
  };
};

export const exportCollaborations: ListExporter = async (db, { locale }) => {
  const rows = await findCollaborations(db);
  const h = (key: string) => translate(locale, key);
  return {
    sheetName: h('export.collaborations'),
    headers: [
      h('export.collaboration'),
      h('export.enterprise'),
      h('export.technicalDemand'),
      h('export.leadTeam'),
      h('export.otherTeams'),
      h('export.stage'),
      h('export.started'),
      h('export.contractValue10kYuan'),
      h('export.patentsGranted'),
      h('export.newProducts'),
      h('export.revenue10kYuan'),
      h('export.milestonesDone'),
      h('export.nextMilestone'),
      h('export.notes'),
    ],
    widths: [30, 30, 30, 24, 24, 18, 12, 12, 10, 10, 12, 12, 30, 30],
    rows: rows.map((row) => [
      row.title,
      row.enterpriseName,
      row.demandTitle,
      row.leadTeam,
      row.otherTeams.join('；'),
      enumLabel(locale, 'stage', row.stage),
      row.startedOn,
      row.contractValue,
      row.patentsGranted,
      row.newProducts,
      row.revenue,
      `${row.milestonesDone}/${row.milestonesTotal}`,
      row.nextMilestone ? `${row.nextMilestone.title}（${row.nextMilestone.dueOn}）` : '',
      row.notes,
    ]),
  };
};

export const exportServices: ListExporter = async (db, { locale }) => {
  const rows = await findEnterpriseServices(db);
  const h = (key: string) => translate(locale, key);
  return {
    sheetName: h('export.servicesToEnterprises'),
    headers: [
      h('export.date'),
      h('export.enterprise'),
      h('export.kind'),
      h('export.staff'),
      h('export.taskForce'),
      h('export.note'),
    ],
    widths: [12, 30, 18, 12, 18, 40],
    rows: rows.map((row) => [
      row.servedOn,
      row.enterpriseName,
      enumLabel(locale, 'serviceKind', row.kind),
      row.staffName,
      enumLabel(locale, 'chain', row.chainCode),
      row.note,
    ]),
  };
};

import { daysWaitingAt, listQueue, OPEN_STATUSES } from '../../brokering/index.js';
import {
  CHAIN_LABELS,
  COLLABORATION_STAGE_LABELS,
  MATCH_STATUS_LABELS,
  SERVICE_KIND_LABELS,
} from '../../shared/enums.js';
import { findCollaborations, findEnterpriseServices } from '../exports.repository.js';
import type { ListExporter } from '../exports.types.js';
import { labelOf, pick, yesNo } from './labels.js';

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
  const h = (zh: string, en: string) => pick(locale, { zh, en });
  return {
    sheetName: h('对接队列', 'Brokering queue'),
    headers: [
      h('状态', 'Status'),
      h('等待天数', 'Days waiting'),
      h('企业名称', 'Enterprise'),
      h('需求名称', 'Demand'),
      h('创新链', 'Chain'),
      h('候选类型', 'Candidate type'),
      h('候选团队/教师', 'Candidate'),
      h('所属高校', 'University'),
      h('匹配度', 'Score'),
      h('匹配理由', 'Why it matches'),
      h('企业有意向', 'Enterprise interested'),
      h('高校有意向', 'University interested'),
      h('最近变更', 'Last change'),
    ],
    widths: [10, 10, 30, 30, 18, 10, 24, 24, 8, 30, 10, 10, 12],
    rows: rows.map((row) => [
      labelOf(MATCH_STATUS_LABELS, row.status, locale),
      daysWaitingAt(row, now),
      row.enterpriseName,
      row.demandTitle,
      labelOf(CHAIN_LABELS, row.chainCode, locale),
      row.teamId !== null ? h('团队', 'Team') : h('教师', 'Faculty'),
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
  const h = (zh: string, en: string) => pick(locale, { zh, en });
  return {
    sheetName: h('产学研合作', 'Collaborations'),
    headers: [
      h('合作项目', 'Collaboration'),
      h('企业名称', 'Enterprise'),
      h('技术需求', 'Demand'),
      h('牵头团队', 'Lead team'),
      h('参与团队', 'Other teams'),
      h('阶段', 'Stage'),
      h('开始日期', 'Started'),
      h('合同金额（万元）', 'Contract value (10k yuan)'),
      h('授权专利', 'Patents granted'),
      h('新产品', 'New products'),
      h('新增产值（万元）', 'Revenue (10k yuan)'),
      h('里程碑完成', 'Milestones done'),
      h('下一里程碑', 'Next milestone'),
      h('备注', 'Notes'),
    ],
    widths: [30, 30, 30, 24, 24, 18, 12, 12, 10, 10, 12, 12, 30, 30],
    rows: rows.map((row) => [
      row.title,
      row.enterpriseName,
      row.demandTitle,
      row.leadTeam,
      row.otherTeams.join('；'),
      labelOf(COLLABORATION_STAGE_LABELS, row.stage, locale),
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
  const h = (zh: string, en: string) => pick(locale, { zh, en });
  return {
    sheetName: h('服务企业', 'Services to enterprises'),
    headers: [
      h('日期', 'Date'),
      h('企业名称', 'Enterprise'),
      h('服务类型', 'Kind'),
      h('工作人员', 'Staff'),
      h('创新链专班', 'Task force'),
      h('备注', 'Note'),
    ],
    widths: [12, 30, 18, 12, 18, 40],
    rows: rows.map((row) => [
      row.servedOn,
      row.enterpriseName,
      labelOf(SERVICE_KIND_LABELS, row.kind, locale),
      row.staffName,
      labelOf(CHAIN_LABELS, row.chainCode, locale),
      row.note,
    ]),
  };
};

import type { Request } from 'express';
import type { ProjectDetail, SupportItem } from '../../services/projects/index.js';

const yuan = (request: Request, value: number | null) =>
  value === null
    ? '—'
    : value.toLocaleString(request.locale === 'en' ? 'en-US' : 'zh-CN', { maximumFractionDigits: 2 });

/** One support item as the page lists it: its kind's own figures, already formatted. */
function supportLine(request: Request, item: SupportItem) {
  const money = (value: number | null) => yuan(request, value);
  const figures: { key: string; value: string }[] = [];
  if (item.kind === 'grant') figures.push({ key: 'support.budgetLine', value: item.budgetLine ?? '' });
  if (item.kind === 'investment')
    figures.push(
      { key: 'support.multiplier', value: `${item.multiplier}×` },
      { key: 'support.creditedAmount', value: money(item.creditedAmount) },
    );
  if (item.kind === 'loan')
    figures.push(
      { key: 'support.termMonths', value: String(item.termMonths) },
      { key: 'support.ratePercent', value: `${item.ratePercent}%` },
      {
        key: 'support.benchmarkRate',
        value: item.benchmarkRatePercent === null ? '—' : `${item.benchmarkRatePercent}%`,
      },
      { key: 'support.collateral', value: request.t(item.collateral ? 'support.yes' : 'support.no') },
      {
        key: 'support.riskCompensation',
        value: `${money(item.riskCompensation)}（${item.riskCompensationPercent}%）`,
      },
    );
  if (item.kind === 'insurance')
    figures.push(
      { key: 'support.cover', value: money(item.cover) },
      { key: 'support.subsidy', value: `${money(item.subsidy)}（${item.subsidyPercent}%）` },
    );
  return {
    ...item,
    amountText: money(item.amount),
    amountKey: `support.amount.${item.kind}`,
    figures,
    overridden: item.overriddenRules.map((rule) => `support.rule.${rule}`),
  };
}

/** What one audit entry of a project says to a person. */
function historyLine(entry: ProjectDetail['history'][number]) {
  const after = (entry.after ?? {}) as Record<string, unknown>;
  return {
    at: entry.at,
    actor: entry.actorLabel,
    actionKey: `history.${entry.action}`,
    note:
      typeof after.note === 'string'
        ? after.note
        : typeof after.overrideReason === 'string'
          ? after.overrideReason
          : null,
  };
}

/** The project page's model, shared by the firm's view and the staff's. */
export function projectPageModel(request: Request, project: ProjectDetail) {
  const { support } = project;
  const money = (value: number) => yuan(request, value);
  return {
    title: project.title,
    project,
    support: support.items.map((item) => supportLine(request, item)),
    totals: [
      { key: 'support.total.grants', value: money(support.grants), figure: 'grants' },
      { key: 'support.total.investment', value: money(support.investment), figure: 'investment' },
      { key: 'support.total.credited', value: money(support.creditedInvestment), figure: 'credited' },
      { key: 'support.total.loans', value: money(support.loans), figure: 'loans' },
      {
        key: 'support.total.riskCompensation',
        value: money(support.riskCompensation),
        figure: 'riskCompensation',
      },
      { key: 'support.total.premiums', value: money(support.premiums), figure: 'premiums' },
      { key: 'support.total.subsidies', value: money(support.subsidies), figure: 'subsidies' },
    ],
    total: money(support.total),
    history: project.history.map(historyLine),
  };
}

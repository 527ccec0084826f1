import type { Request } from 'express';
import { enumLabel } from '../../../services/i18n/index.js';
import type { ChokepointFigures } from '../../../services/reports/index.js';
import { PROJECT_STATUSES } from '../../../services/shared/enums.js';

const yuan = (request: Request, value: number) =>
  value.toLocaleString(request.locale === 'en' ? 'en-US' : 'zh-CN', { maximumFractionDigits: 2 });

/**
 * The library, support and consortia sections shared by the dashboard and the annual report: each a
 * chart (its data escaped into a data- attribute for charts.js) with the same figures in a table.
 */
export function chokepointSections(request: Request, figures: ChokepointFigures) {
  const label = (kind: string, code: string) => enumLabel(request.locale, kind, code);
  const chart = (value: unknown) => JSON.stringify(value);
  return {
    statuses: PROJECT_STATUSES,
    projectRows: figures.projectsByChain.map((row) => ({
      chainCode: row.chainCode,
      cells: PROJECT_STATUSES.map((status) => row.byStatus[status]),
      total: row.total,
    })),
    projectTotals: PROJECT_STATUSES.map((status) => figures.projectsByStatus[status]),
    projectTotal: figures.projectTotal,
    supportRows: figures.support.map((row) => ({
      ...row,
      amountText: yuan(request, row.amount),
      creditedText: yuan(request, row.creditedInvestment),
      riskText: yuan(request, row.riskCompensation),
      subsidiesText: yuan(request, row.subsidies),
    })),
    supportedFirms: figures.supportedFirms,
    consortia: figures.consortia,
    charts: {
      projects: chart({
        type: 'bar',
        labels: figures.projectsByChain.map((row) => label('chain', row.chainCode)),
        series: PROJECT_STATUSES.map((status) => ({
          name: label('projectStatus', status),
          values: figures.projectsByChain.map((row) => row.byStatus[status]),
        })),
      }),
      support: chart({
        type: 'bar',
        labels: figures.support.map((row) => label('supportKind', row.kind)),
        series: [
          { name: request.t('report.support.amount'), values: figures.support.map((row) => row.amount) },
        ],
      }),
      consortia: chart({
        type: 'bar',
        labels: figures.consortia.perChain.map((row) => label('chain', row.chainCode)),
        series: [
          {
            name: request.t('nav.consortia'),
            values: figures.consortia.perChain.map((row) => row.consortia),
          },
          { name: request.t('consortium.tasks'), values: figures.consortia.perChain.map((row) => row.tasks) },
        ],
      }),
    },
  };
}

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Request, Router } from 'express';
import { todayInCity } from '../../../services/collaborations/index.js';
import type { Database } from '../../../services/db/index.js';
import { enumLabel } from '../../../services/i18n/index.js';
import {
  type AnnualReport,
  buildAnnualReportWorkbook,
  getAnnualReport,
  getChainDashboard,
  latestReportYear,
  type Period,
  parsePeriod,
} from '../../../services/reports/index.js';
import { DEMAND_STATUSES } from '../../../services/shared/enums.js';
import { ValidationError } from '../../../services/shared/errors.js';
import { scorePoints } from '../../paging.js';
import { chokepointSections } from './chokepoint-report-view.js';
import { chainOptions, chosenChain } from './staff-context.js';

/** ECharts is served by the app itself, from the installed package: no CDN, and the strict CSP holds. */
const ECHARTS_DIST = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
  'node_modules',
  'echarts',
  'dist',
);
const CHART_SCRIPTS = ['/vendor/echarts/echarts.min.js', '/assets/charts.js'];

type Chart = {
  type: 'bar' | 'pie' | 'funnel';
  labels: string[];
  series: { name: string; values: number[] }[];
};

/** A chart's data as a string for a data- attribute; the template escapes it, charts.js parses it. */
const chartData = (chart: Chart) => JSON.stringify(chart);

const rate = (value: number | null) => (value === null ? '—' : `${Math.round(value * 1000) / 10}%`);

function reportFigures(request: Request, report: AnnualReport) {
  return [
    {
      key: 'report.collaborationsBrokered',
      name: 'collaborationsBrokered',
      value: report.collaborationsBrokered,
    },
    { key: 'report.matchesReached', name: 'matchesReached', value: report.matchesReached },
    { key: 'report.enterprisesServed', name: 'enterprisesServed', value: report.enterprisesServed },
    { key: 'report.servicesGiven', name: 'servicesGiven', value: report.servicesGiven },
    { key: 'report.demands', name: 'demands', value: report.demands },
  ].map((figure) => ({ ...figure, label: request.t(figure.key) }));
}

export function reportRoutes(db: Database): Router {
  const router = Router();
  router.use('/vendor/echarts', express.static(ECHARTS_DIST, { index: false, maxAge: '7d' }));

  router.get('/staff/dashboard', async (request, response) => {
    const chainCode = await chosenChain(db, request);
    const dashboard = await getChainDashboard(db, chainCode);
    const label = (kind: string, code: string) => enumLabel(request.locale, kind, code);
    response.render('pages/staff/dashboard', {
      title: request.t('nav.dashboard'),
      scripts: CHART_SCRIPTS,
      chainCode,
      chainOptions: chainOptions(request, chainCode),
      dashboard,
      chokepoint: chokepointSections(request, dashboard.chokepoint),
      hasMedian: dashboard.medianDaysToFirstContact !== null,
      statuses: DEMAND_STATUSES,
      demandRows: dashboard.demandsByClass.map((row) => ({
        demandClass: row.demandClass,
        total: row.total,
        cells: DEMAND_STATUSES.map((status) => row.byStatus[status]),
      })),
      funnel: dashboard.funnel.map((step) => ({
        ...step,
        rate: rate(step.conversion),
        labelKey: `dashboard.funnel.${step.step}`,
      })),
      threshold: scorePoints(dashboard.strongMatchThreshold),
      weakDemands: dashboard.weakDemands.map((demand) => ({
        ...demand,
        bestScore: demand.bestScore === null ? null : scorePoints(demand.bestScore),
      })),
      charts: {
        demands: chartData({
          type: 'bar',
          labels: dashboard.demandsByClass.map((row) => label('demandClass', row.demandClass)),
          series: DEMAND_STATUSES.map((status) => ({
            name: label('demandStatus', status),
            values: dashboard.demandsByClass.map((row) => row.byStatus[status]),
          })),
        }),
        funnel: chartData({
          type: 'funnel',
          labels: dashboard.funnel.map((step) => request.t(`dashboard.funnel.${step.step}`)),
          series: [
            { name: request.t('dashboard.funnel'), values: dashboard.funnel.map((step) => step.count) },
          ],
        }),
        stages: chartData({
          type: 'pie',
          labels: dashboard.collaborationsByStage.map((row) => label('stage', row.stage)),
          series: [
            {
              name: request.t('nav.collaborations'),
              values: dashboard.collaborationsByStage.map((row) => row.count),
            },
          ],
        }),
      },
    });
  });

  router.get('/staff/report', async (request, response) => {
    const defaultYear = await latestReportYear(db, todayInCity());
    // A malformed period shows the default year's report with the typed dates marked, not an error page.
    let errors: Record<string, string> = {};
    let period: Period;
    try {
      period = parsePeriod(request.query, defaultYear);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      errors = error.details;
      period = parsePeriod({}, defaultYear);
    }
    const report = await getAnnualReport(db, period);
    const typed = (name: 'from' | 'to') =>
      errors[name] && typeof request.query[name] === 'string' ? request.query[name] : period[name];
    response.status(Object.keys(errors).length > 0 ? 400 : 200).render('pages/staff/report', {
      title: request.t('nav.report'),
      errors,
      fromValue: typed('from'),
      toValue: typed('to'),
      scripts: CHART_SCRIPTS,
      report,
      figures: reportFigures(request, report),
      chokepoint: chokepointSections(request, report.chokepoint),
      byClass: Object.entries(report.demandsByClass).map(([code, value]) => ({ code, value })),
      xlsxHref: `/staff/report.xlsx?from=${period.from}&to=${period.to}`,
      chart: chartData({
        type: 'bar',
        labels: report.perChain.map((row) => enumLabel(request.locale, 'chain', row.chainCode)),
        series: [
          { name: request.t('report.matchesReached'), values: report.perChain.map((row) => row.matches) },
          {
            name: request.t('report.collaborationsBrokered'),
            values: report.perChain.map((row) => row.collaborations),
          },
        ],
      }),
    });
  });

  router.get('/staff/report.xlsx', async (request, response) => {
    const period = parsePeriod(request.query, await latestReportYear(db, todayInCity()));
    const report = await getAnnualReport(db, period);
    const workbook = await buildAnnualReportWorkbook(report, {
      text: (key) => request.t(key),
      label: (kind, code) => enumLabel(request.locale, kind, code),
    });
    response
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .attachment(`xueqi-report-${period.from}-${period.to}.xlsx`)
      .send(workbook);
  });

  return router;
}

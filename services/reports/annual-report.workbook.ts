import ExcelJS from 'exceljs';
import { DEMAND_CLASSES, PROJECT_STATUSES } from '../shared/enums.js';
import type { AnnualReport } from './annual-report.service.js';

/** How the workbook names things in the reader's language; the web layer supplies its translations. */
export interface WorkbookWording {
  text(key: string): string;
  label(kind: 'chain' | 'demandClass' | 'projectStatus' | 'supportKind', code: string): string;
}

/**
 * The annual report as an XLSX workbook: the headline figures, demands by class, and results per
 * chain, the same numbers as the page. Headings come from the caller so the file is in the reader's
 * language; the services layer stays free of the web's catalogues.
 */
export async function buildAnnualReportWorkbook(
  report: AnnualReport,
  wording: WorkbookWording,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'XueQi';
  const { text, label } = wording;

  const summary = workbook.addWorksheet(text('report.sheet.summary'));
  summary.columns = [{ width: 36 }, { width: 16 }];
  summary.addRow([text('report.period'), `${report.period.from} – ${report.period.to}`]);
  const headline: [string, number][] = [
    ['report.collaborationsBrokered', report.collaborationsBrokered],
    ['report.matchesReached', report.matchesReached],
    ['report.enterprisesServed', report.enterprisesServed],
    ['report.servicesGiven', report.servicesGiven],
    ['report.demands', report.demands],
    ['figure.universities', report.resources.universities],
    ['figure.teams', report.resources.teams],
    ['figure.faculty', report.resources.faculty],
    ['figure.doctoralSupervisors', report.resources.doctoralSupervisors],
    ['figure.professors', report.resources.professors],
    ['figure.chiefScientists', report.resources.chiefScientists],
  ];
  for (const [key, value] of headline) summary.addRow([text(key), value]);
  summary.getRow(1).font = { bold: true };

  const classes = workbook.addWorksheet(text('report.sheet.demandsByClass'));
  classes.columns = [{ width: 30 }, { width: 12 }];
  classes.addRow([text('report.demandClass'), text('report.count')]).font = { bold: true };
  for (const demandClass of DEMAND_CLASSES)
    classes.addRow([label('demandClass', demandClass), report.demandsByClass[demandClass]]);

  const chains = workbook.addWorksheet(text('report.sheet.perChain'));
  chains.columns = [{ width: 26 }, ...Array.from({ length: 8 }, () => ({ width: 14 }))];
  chains.addRow([
    text('field.chain'),
    text('report.demands'),
    text('report.matchesReached'),
    text('report.collaborationsBrokered'),
    text('report.commercialising'),
    text('report.patentsGranted'),
    text('report.newProducts'),
    text('report.revenue'),
    text('report.contractValue'),
  ]).font = { bold: true };
  for (const row of report.perChain)
    chains.addRow([
      label('chain', row.chainCode),
      row.demands,
      row.matches,
      row.collaborations,
      row.commercialising,
      row.patentsGranted,
      row.newProducts,
      row.revenue,
      row.contractValue,
    ]);

  addChokepointSheets(workbook, report, wording);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The choke-point library by chain and status, 拨投贷保 support by kind, and the consortia per chain. */
function addChokepointSheets(
  workbook: ExcelJS.Workbook,
  report: AnnualReport,
  { text, label }: WorkbookWording,
) {
  const { chokepoint } = report;
  const projects = workbook.addWorksheet(text('report.sheet.projects'));
  projects.columns = [{ width: 26 }, ...PROJECT_STATUSES.map(() => ({ width: 12 })), { width: 12 }];
  projects.addRow([
    text('field.chain'),
    ...PROJECT_STATUSES.map((status) => label('projectStatus', status)),
    text('dashboard.total'),
  ]).font = { bold: true };
  for (const row of chokepoint.projectsByChain)
    projects.addRow([
      label('chain', row.chainCode),
      ...PROJECT_STATUSES.map((status) => row.byStatus[status]),
      row.total,
    ]);
  projects.addRow([
    text('dashboard.total'),
    ...PROJECT_STATUSES.map((status) => chokepoint.projectsByStatus[status]),
    chokepoint.projectTotal,
  ]).font = { bold: true };

  const support = workbook.addWorksheet(text('report.sheet.support'));
  support.columns = [{ width: 26 }, ...Array.from({ length: 6 }, () => ({ width: 18 }))];
  support.addRow([
    text('support.kind'),
    text('report.support.firms'),
    text('report.support.items'),
    text('report.support.amount'),
    text('support.total.credited'),
    text('support.total.riskCompensation'),
    text('support.total.subsidies'),
  ]).font = { bold: true };
  for (const row of chokepoint.support)
    support.addRow([
      label('supportKind', row.kind),
      row.firms,
      row.items,
      row.amount,
      row.creditedInvestment,
      row.riskCompensation,
      row.subsidies,
    ]);
  support.addRow([text('report.support.supportedFirms'), chokepoint.supportedFirms]);

  const consortia = workbook.addWorksheet(text('report.sheet.consortia'));
  consortia.columns = [{ width: 26 }, { width: 14 }, { width: 14 }];
  consortia.addRow([text('field.chain'), text('nav.consortia'), text('consortium.tasks')]).font = {
    bold: true,
  };
  for (const row of chokepoint.consortia.perChain)
    consortia.addRow([label('chain', row.chainCode), row.consortia, row.tasks]);
  consortia.addRow([text('dashboard.total'), chokepoint.consortia.total, chokepoint.consortia.tasks]).font = {
    bold: true,
  };
}

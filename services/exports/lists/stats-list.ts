import { enumLabel, translate } from '../../i18n/index.js';
import { getCityStats } from '../../reports/index.js';
import type { ExportCell, ListExporter } from '../exports.types.js';

/** The headline figures, one per row, grouped as the annual report groups them. */
export const exportStats: ListExporter = async (db, { locale }) => {
  const stats = await getCityStats(db);
  const h = (key: string) => translate(locale, key);
  const rows: ExportCell[][] = [];
  const section = (name: string, figures: [string, number][]) => {
    for (const [figure, value] of figures) rows.push([name, figure, value]);
  };
  const grouped = (kind: string, counts: Record<string, number>): [string, number][] =>
    Object.entries(counts).map(([code, value]) => [enumLabel(locale, kind, code), value]);
  section(h('export.universitiesAndPeople'), [
    [h('export.universities'), stats.universities],
    [h('export.researchTeams'), stats.teams],
    [h('export.universityFaculty'), stats.faculty],
    [h('export.doctoralSupervisors'), stats.doctoralSupervisors],
    [h('export.professors'), stats.professors],
    [h('export.chiefScientists'), stats.chiefScientists],
    [h('export.resultsReadyForIndustry'), stats.resultsReadyForIndustry],
  ]);
  section(h('export.enterprisesAndServices'), [
    [h('export.enterprises'), stats.enterprises],
    [h('export.enterpriseServiceCount'), stats.enterpriseServices],
    [h('export.taskForceStaff'), stats.staff],
  ]);
  section(h('export.technicalDemands'), [[h('export.total'), stats.demands.total]]);
  section(h('export.demandsByClass'), grouped('demandClass', stats.demands.byClass));
  section(h('export.demandsByChain'), grouped('chain', stats.demands.byChain));
  section(h('export.demandsByStatus'), grouped('demandStatus', stats.demands.byStatus));
  section(h('export.collaborations'), [[h('export.total'), stats.collaborations.total]]);
  section(h('export.collaborationsByStage'), grouped('stage', stats.collaborations.byStage));
  return {
    sheetName: h('export.headlineFigures'),
    headers: [h('export.section'), h('export.figure'), h('export.value')],
    widths: [24, 36, 10],
    rows,
  };
};

import { getCityStats } from '../../reports/index.js';
import {
  CHAIN_LABELS,
  COLLABORATION_STAGE_LABELS,
  DEMAND_CLASS_LABELS,
  DEMAND_STATUS_LABELS,
} from '../../shared/enums.js';
import type { ExportCell, ListExporter } from '../exports.types.js';
import { labelOf, pick } from './labels.js';

/** The headline figures, one per row, grouped as the annual report groups them. */
export const exportStats: ListExporter = async (db, { locale }) => {
  const stats = await getCityStats(db);
  const h = (zh: string, en: string) => pick(locale, { zh, en });
  const rows: ExportCell[][] = [];
  const section = (name: string, figures: [string, number][]) => {
    for (const [figure, value] of figures) rows.push([name, figure, value]);
  };
  const grouped = (
    labels: Parameters<typeof labelOf>[0],
    counts: Record<string, number>,
  ): [string, number][] =>
    Object.entries(counts).map(([code, value]) => [labelOf(labels, code, locale), value]);
  section(h('高校与人才', 'Universities and people'), [
    [h('驻威高校', 'Universities'), stats.universities],
    [h('研发团队', 'Research teams'), stats.teams],
    [h('高校教师', 'Faculty'), stats.faculty],
    [h('博士生导师', 'Doctoral supervisors'), stats.doctoralSupervisors],
    [h('教授', 'Professors'), stats.professors],
    [h('首席科学家', 'Chief scientists'), stats.chiefScientists],
    [h('可产业化成果', 'Results ready for industry'), stats.resultsReadyForIndustry],
  ]);
  section(h('企业与服务', 'Enterprises and services'), [
    [h('企业', 'Enterprises'), stats.enterprises],
    [h('服务企业次数', 'Services to enterprises'), stats.enterpriseServices],
    [h('专班工作人员', 'Task-force staff'), stats.staff],
  ]);
  section(h('技术需求', 'Technical demands'), [[h('合计', 'Total'), stats.demands.total]]);
  section(h('技术需求（按类别）', 'Demands by class'), grouped(DEMAND_CLASS_LABELS, stats.demands.byClass));
  section(h('技术需求（按创新链）', 'Demands by chain'), grouped(CHAIN_LABELS, stats.demands.byChain));
  section(
    h('技术需求（按状态）', 'Demands by status'),
    grouped(DEMAND_STATUS_LABELS, stats.demands.byStatus),
  );
  section(h('产学研合作', 'Collaborations'), [[h('合计', 'Total'), stats.collaborations.total]]);
  section(
    h('产学研合作（按阶段）', 'Collaborations by stage'),
    grouped(COLLABORATION_STAGE_LABELS, stats.collaborations.byStage),
  );
  return {
    sheetName: h('主要指标', 'Headline figures'),
    headers: [h('类别', 'Section'), h('指标', 'Figure'), h('数值', 'Value')],
    widths: [24, 36, 10],
    rows,
  };
};

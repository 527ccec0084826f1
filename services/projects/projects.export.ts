import type { Database } from '../db/index.js';
import type { ExportOptions, ExportTable } from '../exports/exports.types.js';
import { labelOf, pick } from '../exports/lists/labels.js';
import { CHAIN_LABELS, PROJECT_STATUS_LABELS } from '../shared/enums.js';
import { findProjects, findProjectTeams, findSupportOfProjects } from './projects.repository.js';
import type { ProjectFilter } from './projects.types.js';
import { packageOf } from './support-package.js';

/** The library as a table, with each project's support added up by kind (money in yuan, budget in 万元). */
export async function exportProjects(
  db: Database,
  { locale }: Pick<ExportOptions, 'locale'>,
  filter: ProjectFilter = {},
): Promise<ExportTable> {
  const projects = await findProjects(db, filter, 100_000);
  const ids = projects.map((project) => project.id);
  const [teams, support] = await Promise.all([findProjectTeams(db, ids), findSupportOfProjects(db, ids)]);
  const h = (zh: string, en: string) => pick(locale, { zh, en });
  return {
    sheetName: h('卡脖子攻关项目库', 'Choke-point projects'),
    headers: [
      h('项目名称', 'Project'),
      h('企业名称', 'Enterprise'),
      h('创新链', 'Chain'),
      h('状态', 'Status'),
      h('来源需求', 'Demand'),
      h('攻关技术', 'Technology to break through'),
      h('预算（万元）', 'Budget (10k yuan)'),
      h('开始日期', 'Starts'),
      h('结束日期', 'Ends'),
      h('高校团队', 'University teams'),
      h('入库日期', 'Admitted on'),
      h('财政拨款（元）', 'Grants (yuan)'),
      h('基金投资（元）', 'Investment (yuan)'),
      h('考评认定投资（元）', 'Credited investment (yuan)'),
      h('攻关贷（元）', 'Loans (yuan)'),
      h('风险补偿（元）', 'Risk compensation (yuan)'),
      h('保费补贴（元）', 'Premium subsidies (yuan)'),
      h('支持合计（元）', 'Total support (yuan)'),
    ],
    widths: [32, 28, 18, 10, 30, 30, 12, 12, 12, 30, 12, 14, 14, 14, 14, 14, 14, 14],
    rows: projects.map((project) => {
      const own = packageOf(support.filter((item) => item.projectId === project.id));
      return [
        project.title,
        project.enterpriseName,
        labelOf(CHAIN_LABELS, project.chainCode, locale),
        labelOf(PROJECT_STATUS_LABELS, project.status, locale),
        project.demandTitle,
        project.breakthrough,
        project.budget,
        project.startsOn,
        project.endsOn,
        teams
          .filter((team) => team.projectId === project.id)
          .map((team) => team.teamName)
          .join('、'),
        project.admittedOn,
        own.grants,
        own.investment,
        own.creditedInvestment,
        own.loans,
        own.riskCompensation,
        own.subsidies,
        own.total,
      ];
    }),
  };
}

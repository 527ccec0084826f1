import type { Database } from '../db/index.js';
import type { ExportOptions, ExportTable } from '../exports/exports.types.js';
import { enumLabel, translate } from '../i18n/index.js';
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
  const h = (key: string) => translate(locale, key);
  return {
    sheetName: h('export.chokePointProjects'),
    headers: [
      h('export.project'),
      h('export.enterprise'),
      h('export.chain'),
      h('export.status'),
      h('export.sourceDemand'),
      h('export.technologyToBreakThrough'),
      h('export.budget10kYuan'),
      h('export.starts'),
      h('export.ends'),
      h('export.universityTeams'),
      h('export.admittedOn'),
      h('export.grantsYuan'),
      h('export.investmentYuan'),
      h('export.creditedInvestmentYuan'),
      h('export.loansYuan'),
      h('export.riskCompensationYuan'),
      h('export.premiumSubsidiesYuan'),
      h('export.totalSupportYuan'),
    ],
    widths: [32, 28, 18, 10, 30, 30, 12, 12, 12, 30, 12, 14, 14, 14, 14, 14, 14, 14],
    rows: projects.map((project) => {
      const own = packageOf(support.filter((item) => item.projectId === project.id));
      return [
        project.title,
        project.enterpriseName,
        enumLabel(locale, 'chain', project.chainCode),
        enumLabel(locale, 'projectStatus', project.status),
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

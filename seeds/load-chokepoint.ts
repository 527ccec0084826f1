import type { Database } from '../services/db/database.js';
import { schema } from '../services/db/index.js';
import type { CityDataset } from './city.types.js';
import type { BusinessIds } from './load-business.js';
import { at, lookup } from './load-helpers.js';

interface Ids extends BusinessIds {
  teamIds: Map<string, number>;
  universityIds: Map<string, number>;
}

/**
 * The choke-point library, its support, partners, benchmark rates and the consortia. Who reviewed a
 * project and when is kept on the project itself; the seed writes no audit entries of its own, so
 * the log keeps its single "seed" entry.
 */
export async function insertChokepoint(tx: Database, dataset: CityDataset, ids: Ids): Promise<void> {
  const { partners, benchmarkRates, projects, consortia } = dataset.chokepoint;
  const partnerRows = await tx
    .insert(schema.partnerOrganisations)
    .values(partners.map(({ key: _key, ...partner }) => partner))
    .returning({ id: schema.partnerOrganisations.id, name: schema.partnerOrganisations.name });
  const partnerIds = new Map(
    partners.map((partner) => [partner.key, partnerRows.find((row) => row.name === partner.name)!.id]),
  );
  await tx.insert(schema.benchmarkRates).values(benchmarkRates.map((rate) => ({ ...rate, setBy: 'system' })));

  // The first staff member of each chain's task force stands as the reviewer of its projects.
  const reviewerOf = new Map<string, string>();
  for (const member of dataset.staff)
    if (!reviewerOf.has(member.chain)) reviewerOf.set(member.chain, member.email);
  const projectIds = new Map<string, number>();
  for (const project of projects) {
    const decidedOn = project.admittedOn ?? (project.status === 'submitted' ? null : project.submittedOn);
    const [row] = await tx
      .insert(schema.chokepointProjects)
      .values({
        enterpriseId: lookup(ids.enterpriseIds, project.enterpriseKey, 'enterprise'),
        demandId: lookup(ids.demandIds, project.demandKey, 'demand'),
        collaborationId: project.collaborationKey
          ? lookup(ids.collaborationIds, project.collaborationKey, 'collaboration')
          : null,
        title: project.title,
        chainCode: project.chain,
        breakthrough: project.breakthrough,
        goals: project.goals,
        plan: project.plan,
        attachments: project.attachments,
        budget: project.budget,
        startsOn: project.startsOn,
        endsOn: project.endsOn,
        status: project.status,
        reviewNote: project.reviewNote,
        reviewedBy: decidedOn ? reviewerOf.get(project.chain)! : null,
        reviewedAt: decidedOn ? at(decidedOn) : null,
        submittedAt: at(project.submittedOn),
        admittedOn: project.admittedOn,
        createdAt: at(project.submittedOn),
        updatedAt: at(decidedOn ?? project.submittedOn),
      })
      .returning({ id: schema.chokepointProjects.id });
    projectIds.set(project.key, row!.id);
    if (project.teamKeys.length > 0)
      await tx.insert(schema.chokepointProjectTeams).values(
        project.teamKeys.map((teamKey) => ({
          projectId: row!.id,
          teamId: lookup(ids.teamIds, teamKey, 'team'),
        })),
      );
    if (project.support.length > 0)
      await tx.insert(schema.projectSupport).values(
        project.support.map(({ partnerKey, ...item }) => ({
          ...item,
          projectId: row!.id,
          partnerId: partnerKey ? lookup(partnerIds, partnerKey, 'partner') : null,
          collateral: item.kind === 'loan' ? false : null,
          recordedBy: reviewerOf.get(project.chain)!,
          createdAt: at(item.grantedOn),
        })),
      );
  }

  for (const consortium of consortia) {
    const [row] = await tx
      .insert(schema.consortia)
      .values({
        name: consortium.name,
        leadEnterpriseId: lookup(ids.enterpriseIds, consortium.leadEnterpriseKey, 'enterprise'),
        technologyLine: consortium.technologyLine,
        chainCode: consortium.chain,
        description: consortium.description,
        status: consortium.status,
      })
      .returning({ id: schema.consortia.id });
    await tx.insert(schema.consortiumMembers).values(
      consortium.members.map((member) => ({
        consortiumId: row!.id,
        role: member.role,
        enterpriseId: member.enterpriseKey
          ? lookup(ids.enterpriseIds, member.enterpriseKey, 'enterprise')
          : null,
        teamId: member.teamKey ? lookup(ids.teamIds, member.teamKey, 'team') : null,
        universityId: member.universityKey
          ? lookup(ids.universityIds, member.universityKey, 'university')
          : null,
      })),
    );
    if (consortium.tasks.length > 0)
      await tx.insert(schema.consortiumTasks).values(
        consortium.tasks.map((task) => ({
          consortiumId: row!.id,
          title: task.title,
          demandId: task.demandKey ? lookup(ids.demandIds, task.demandKey, 'demand') : null,
          collaborationId: task.collaborationKey
            ? lookup(ids.collaborationIds, task.collaborationKey, 'collaboration')
            : null,
          projectId: task.projectKey ? lookup(projectIds, task.projectKey, 'project') : null,
          status: task.status,
        })),
      );
  }
}

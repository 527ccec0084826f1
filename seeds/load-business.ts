import type { Database } from '../services/db/database.js';
import { schema } from '../services/db/index.js';
import type { CityDataset } from './city.types.js';
import { at, lookup, slices } from './load-helpers.js';

export interface AcademiaIds {
  teamIds: Map<string, number>;
  facultyIds: Map<string, number>;
  staffIds: Map<string, number>;
  passwordHashes: Map<string, string>;
}

export interface BusinessIds {
  enterpriseIds: Map<string, number>;
  demandIds: Map<string, number>;
  collaborationIds: Map<string, number>;
}

/** The firms' side and the bureau's brokering, after universities, teams and faculty are in. */
export async function insertBusiness(
  tx: Database,
  dataset: CityDataset,
  ids: AcademiaIds,
): Promise<BusinessIds> {
  const { teamIds, facultyIds, staffIds } = ids;
  const enterpriseIds = new Map<string, number>();
  const enterpriseKeyByName = new Map(
    dataset.enterprises.map((enterprise) => [enterprise.name, enterprise.key]),
  );
  for (const slice of slices(schema.enterprises, dataset.enterprises)) {
    const rows = await tx
      .insert(schema.enterprises)
      .values(slice.map(({ key: _key, chains: _chains, ...enterprise }) => enterprise))
      .returning({ id: schema.enterprises.id, name: schema.enterprises.name });
    for (const row of rows) enterpriseIds.set(enterpriseKeyByName.get(row.name)!, row.id);
  }
  await tx.insert(schema.enterpriseChains).values(
    dataset.enterprises.flatMap((enterprise) =>
      enterprise.chains.map((chainCode) => ({
        enterpriseId: enterpriseIds.get(enterprise.key)!,
        chainCode,
      })),
    ),
  );

  const demandIds = new Map<string, number>();
  const demandKeyByNaturalKey = new Map(
    dataset.demands.map((demand) => [
      `${lookup(enterpriseIds, demand.enterpriseKey, 'enterprise')}|${demand.title}`,
      demand.key,
    ]),
  );
  const demandRows = await tx
    .insert(schema.demands)
    .values(
      dataset.demands.map((demand) => ({
        enterpriseId: enterpriseIds.get(demand.enterpriseKey)!,
        title: demand.title,
        titleEn: demand.titleEn,
        description: demand.description,
        chainCode: demand.chain,
        demandClass: demand.demandClass,
        expectedTrl: demand.expectedTrl,
        budgetMin: demand.budgetMin,
        budgetMax: demand.budgetMax,
        deadline: demand.deadline,
        visibility: demand.visibility,
        status: demand.status,
        createdAt: at(demand.postedOn),
        updatedAt: at(demand.postedOn),
      })),
    )
    .returning({
      id: schema.demands.id,
      enterpriseId: schema.demands.enterpriseId,
      title: schema.demands.title,
    });
  for (const row of demandRows)
    demandIds.set(demandKeyByNaturalKey.get(`${row.enterpriseId}|${row.title}`)!, row.id);

  await tx.insert(schema.results).values(
    dataset.results.map((result) => ({
      ownerTeamId: result.ownerTeamKey ? lookup(teamIds, result.ownerTeamKey, 'team') : null,
      ownerFacultyId: result.ownerFacultyKey ? lookup(facultyIds, result.ownerFacultyKey, 'faculty') : null,
      chainCode: result.chain,
      title: result.title,
      summary: result.summary,
      trl: result.trl,
      ipStatus: result.ipStatus,
    })),
  );

  const candidateIds = new Map<string, number>();
  const candidateKeyByPair = new Map(
    dataset.matchCandidates.map((candidate) => [
      `${demandIds.get(candidate.demandKey)}|${candidate.teamKey ? teamIds.get(candidate.teamKey) : null}|${candidate.facultyKey ? facultyIds.get(candidate.facultyKey) : null}`,
      candidate.key,
    ]),
  );
  const candidateRows = await tx
    .insert(schema.matchCandidates)
    .values(
      dataset.matchCandidates.map((candidate) => ({
        demandId: lookup(demandIds, candidate.demandKey, 'demand'),
        teamId: candidate.teamKey ? lookup(teamIds, candidate.teamKey, 'team') : null,
        facultyId: candidate.facultyKey ? lookup(facultyIds, candidate.facultyKey, 'faculty') : null,
        score: candidate.score,
        explanation: { terms: candidate.explanationTerms },
        status: candidate.status,
        declineReason: candidate.declineReason,
        declineNote: candidate.declineNote,
        enterpriseInterested: candidate.enterpriseInterested,
        profileInterested: candidate.profileInterested,
        introducedAt: candidate.introducedOn ? at(candidate.introducedOn) : null,
        decidedAt: candidate.decidedOn ? at(candidate.decidedOn) : null,
      })),
    )
    .returning({
      id: schema.matchCandidates.id,
      demandId: schema.matchCandidates.demandId,
      teamId: schema.matchCandidates.teamId,
      facultyId: schema.matchCandidates.facultyId,
    });
  for (const row of candidateRows) {
    candidateIds.set(candidateKeyByPair.get(`${row.demandId}|${row.teamId}|${row.facultyId}`)!, row.id);
  }

  const collaborationIds = new Map<string, number>();
  const collaborationKeyByPair = new Map(
    dataset.collaborations.map((item) => [
      `${demandIds.get(item.demandKey)}|${teamIds.get(item.leadTeamKey)}`,
      item.key,
    ]),
  );
  const collaborationRows = await tx
    .insert(schema.collaborations)
    .values(
      dataset.collaborations.map((item) => ({
        demandId: lookup(demandIds, item.demandKey, 'demand'),
        enterpriseId: lookup(enterpriseIds, item.enterpriseKey, 'enterprise'),
        leadTeamId: lookup(teamIds, item.leadTeamKey, 'team'),
        matchCandidateId: lookup(candidateIds, item.matchCandidateKey, 'match candidate'),
        title: item.title,
        stage: item.stage,
        contractValue: item.contractValue,
        patentsGranted: item.patentsGranted,
        newProducts: item.newProducts,
        revenue: item.revenue,
        notes: item.notes,
        startedOn: item.startedOn,
        createdAt: at(item.startedOn),
      })),
    )
    .returning({
      id: schema.collaborations.id,
      demandId: schema.collaborations.demandId,
      leadTeamId: schema.collaborations.leadTeamId,
    });
  for (const row of collaborationRows) {
    collaborationIds.set(collaborationKeyByPair.get(`${row.demandId}|${row.leadTeamId}`)!, row.id);
  }
  await tx.insert(schema.collaborationTeams).values(
    dataset.collaborations.flatMap((item) =>
      [item.leadTeamKey, ...item.partnerTeamKeys].map((teamKey) => ({
        collaborationId: collaborationIds.get(item.key)!,
        demandId: demandIds.get(item.demandKey)!,
        teamId: lookup(teamIds, teamKey, 'team'),
        isLead: teamKey === item.leadTeamKey,
      })),
    ),
  );
  await tx.insert(schema.milestones).values(
    dataset.collaborations.flatMap((item) =>
      item.milestones.map((milestone) => ({
        collaborationId: collaborationIds.get(item.key)!,
        ...milestone,
      })),
    ),
  );

  for (const slice of slices(schema.enterpriseServices, dataset.services)) {
    await tx.insert(schema.enterpriseServices).values(
      slice.map((service) => ({
        staffId: lookup(staffIds, service.staffKey, 'staff member'),
        enterpriseId: lookup(enterpriseIds, service.enterpriseKey, 'enterprise'),
        servedOn: service.servedOn,
        kind: service.kind,
        note: service.note,
        createdAt: at(service.servedOn),
      })),
    );
  }

  await tx.insert(schema.users).values(
    dataset.users.map((user) => ({
      email: user.email,
      passwordHash: lookup(ids.passwordHashes, user.email, 'demo account'),
      displayName: user.displayName,
      role: user.role,
      status: 'active',
      enterpriseId: user.enterpriseKey ? lookup(enterpriseIds, user.enterpriseKey, 'enterprise') : null,
      teamId: user.teamKey ? lookup(teamIds, user.teamKey, 'team') : null,
      facultyId: user.facultyKey ? lookup(facultyIds, user.facultyKey, 'faculty') : null,
      staffId: user.staffKey ? lookup(staffIds, user.staffKey, 'staff member') : null,
    })),
  );

  await tx.insert(schema.auditLog).values({
    actorLabel: 'system',
    action: 'seed',
    entityType: 'city',
    entityId: 'demo',
    after: {
      asOf: dataset.asOf,
      universities: dataset.universities.length,
      teams: dataset.teams.length,
      faculty: dataset.faculty.length,
      enterprises: dataset.enterprises.length,
      demands: dataset.demands.length,
      collaborations: dataset.collaborations.length,
      users: dataset.users.map((user) => user.email),
    },
  });
  return { enterpriseIds, demandIds, collaborationIds };
}

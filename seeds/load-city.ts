import { sql } from 'drizzle-orm';
import type { Database } from '../services/db/database.js';
import { schema } from '../services/db/index.js';
import { countEntities, type EntityCounts } from '../services/reports/index.js';
import { hashPassword } from '../services/users/password.js';
import type { CityDataset } from './city.types.js';
import { generateCity } from './generate-city.js';
import { insertBusiness } from './load-business.js';
import { insertChokepoint } from './load-chokepoint.js';
import { lookup, slices } from './load-helpers.js';

/** Any fixed number: it names the lock that lets one process at a time decide whether to seed. */
const SEED_LOCK_KEY = 4_201_202_7;

export interface SeedOutcome {
  /** False when the database already held a city and nothing was written. */
  seeded: boolean;
  counts: EntityCounts;
}

/**
 * Writes a city into an empty database, all in one transaction: either the whole city is there or
 * none of it. Demo passwords are hashed before the transaction so it holds no lock while hashing.
 */
export async function seedCity(db: Database, dataset: CityDataset): Promise<EntityCounts> {
  const passwordHashes = await hashDemoPasswords(dataset);
  return db.transaction(async (tx) => {
    await insertCity(tx, dataset, passwordHashes);
    return countEntities(tx);
  });
}

/**
 * Seeds the demo city when the database has no universities yet, and never twice: a transaction-level
 * advisory lock makes a second process (or a second call) wait, then see the seeded city and leave it.
 */
export async function seedCityIfEmpty(
  db: Database,
  generate: () => CityDataset = generateCity,
): Promise<SeedOutcome> {
  // A cheap look first, so an already-seeded database costs no generation or hashing.
  if (!(await isEmpty(db))) return { seeded: false, counts: await countEntities(db) };
  const dataset = generate();
  const passwordHashes = await hashDemoPasswords(dataset);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK_KEY})`);
    if (!(await isEmpty(tx))) return { seeded: false, counts: await countEntities(tx) };
    await insertCity(tx, dataset, passwordHashes);
    return { seeded: true, counts: await countEntities(tx) };
  });
}

async function isEmpty(db: Database): Promise<boolean> {
  const rows = await db.select({ id: schema.universities.id }).from(schema.universities).limit(1);
  return rows.length === 0;
}

/** Hashes each demo password once; argon2 is deliberately slow, and there are only four. */
async function hashDemoPasswords(dataset: CityDataset): Promise<Map<string, string>> {
  const hashes = await Promise.all(dataset.users.map((user) => hashPassword(user.password)));
  return new Map(dataset.users.map((user, index) => [user.email, hashes[index]!]));
}

async function insertCity(
  tx: Database,
  dataset: CityDataset,
  passwordHashes: Map<string, string>,
): Promise<void> {
  await tx.insert(schema.chains).values(dataset.chains);

  const universityIds = new Map<string, number>();
  const universityKeyByCode = new Map(
    dataset.universities.map((university) => [university.code, university.key]),
  );
  const insertedUniversities = await tx
    .insert(schema.universities)
    .values(dataset.universities.map(({ code, nameZh, nameEn }) => ({ code, nameZh, nameEn })))
    .returning({ id: schema.universities.id, code: schema.universities.code });
  for (const row of insertedUniversities) universityIds.set(universityKeyByCode.get(row.code)!, row.id);

  const staffIds = new Map<string, number>();
  const staffKeyByEmail = new Map(dataset.staff.map((member) => [member.email, member.key]));
  const insertedStaff = await tx
    .insert(schema.staff)
    .values(
      dataset.staff.map(({ name, chain, position, email }) => ({ name, chainCode: chain, position, email })),
    )
    .returning({ id: schema.staff.id, email: schema.staff.email });
  for (const row of insertedStaff) staffIds.set(staffKeyByEmail.get(row.email!)!, row.id);

  // Teams first without leaders (a leader is a faculty row that needs its team's id), then faculty.
  const teamIds = new Map<string, number>();
  const teamKeyByName = new Map(
    dataset.teams.map((team) => [`${team.universityKey}|${team.nameZh}`, team.key]),
  );
  const universityKeyById = new Map([...universityIds].map(([key, id]) => [id, key]));
  const teamRows = dataset.teams.map((team) => ({
    universityId: lookup(universityIds, team.universityKey, 'university'),
    nameZh: team.nameZh,
    nameEn: team.nameEn,
    chainCode: team.chain,
    researchDirections: team.researchDirections,
    description: team.description,
  }));
  for (const slice of slices(schema.teams, teamRows)) {
    const rows = await tx.insert(schema.teams).values(slice).returning({
      id: schema.teams.id,
      universityId: schema.teams.universityId,
      nameZh: schema.teams.nameZh,
    });
    for (const row of rows)
      teamIds.set(teamKeyByName.get(`${universityKeyById.get(row.universityId)}|${row.nameZh}`)!, row.id);
  }

  const facultyIds = new Map<string, number>();
  const facultyKeyByNaturalKey = new Map(
    dataset.faculty.map((member) => [`${member.teamKey}|${member.name}`, member.key]),
  );
  const teamKeyById = new Map([...teamIds].map(([key, id]) => [id, key]));
  const facultyRows = dataset.faculty.map((member) => ({
    universityId: lookup(universityIds, member.universityKey, 'university'),
    teamId: lookup(teamIds, member.teamKey, 'team'),
    name: member.name,
    title: member.title,
    isDoctoralSupervisor: member.isDoctoralSupervisor,
    chiefScientistChain: member.chiefScientistChain,
    researchDirections: member.researchDirections,
    bio: member.bio,
    email: member.email,
  }));
  for (const slice of slices(schema.faculty, facultyRows)) {
    const rows = await tx
      .insert(schema.faculty)
      .values(slice)
      .returning({ id: schema.faculty.id, teamId: schema.faculty.teamId, name: schema.faculty.name });
    for (const row of rows)
      facultyIds.set(facultyKeyByNaturalKey.get(`${teamKeyById.get(row.teamId!)}|${row.name}`)!, row.id);
  }

  const leaders = dataset.teams.map(
    (team) =>
      sql`(${lookup(teamIds, team.key, 'team')}::integer, ${lookup(facultyIds, team.leaderKey, 'faculty')}::integer)`,
  );
  await tx.execute(
    sql`update ${schema.teams} set leader_id = leaders.leader_id from (values ${sql.join(leaders, sql`, `)}) as leaders(team_id, leader_id) where ${schema.teams.id} = leaders.team_id`,
  );

  const workRows = dataset.faculty.flatMap((member) =>
    member.works.map((work) => ({ facultyId: facultyIds.get(member.key)!, ...work })),
  );
  for (const slice of slices(schema.works, workRows)) await tx.insert(schema.works).values(slice);

  const business = await insertBusiness(tx, dataset, { teamIds, facultyIds, staffIds, passwordHashes });
  await insertChokepoint(tx, dataset, { ...business, teamIds, universityIds });
}

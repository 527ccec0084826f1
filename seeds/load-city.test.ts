import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { schema } from '../services/db/index.js';
import { verifyPassword } from '../services/users/password.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../test/support/databases.js';
import { DEMO_ACCOUNTS, generateCity, type SeedOutcome, seedCityIfEmpty } from './index.js';

const city = generateCity();

async function countRows(
  database: TestDatabase,
  query: ReturnType<typeof sql>,
): Promise<Record<string, unknown>[]> {
  const result = (await database.db.execute(query)) as unknown as { rows: Record<string, unknown>[] };
  return result.rows;
}

describeEachDatabase('seeding the city', (kind) => {
  let database: TestDatabase;
  let outcomes: SeedOutcome[];
  let seedingMilliseconds: number;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const started = performance.now();
    // Two callers at once, as when two server processes start together: exactly one seeds.
    outcomes = await Promise.all([
      seedCityIfEmpty(database.db, () => city),
      seedCityIfEmpty(database.db, () => city),
    ]);
    seedingMilliseconds = performance.now() - started;
  });
  afterAll(() => database.dispose());

  it('seeds once even when two callers race', () => {
    expect(outcomes.map((outcome) => outcome.seeded).sort()).toEqual([false, true]);
    console.log(`seeding the city on ${kind} took ${Math.round(seedingMilliseconds)} ms`);
  });

  it('writes the shape of the bureau report, as SQL counts show', async () => {
    const [row] = await countRows(
      database,
      sql`select
        (select count(*) from universities)::int as universities,
        (select count(*) from teams)::int as teams,
        (select count(*) from teams where leader_id is not null)::int as led_teams,
        (select count(*) from faculty)::int as faculty,
        (select count(*) from faculty where is_doctoral_supervisor)::int as doctoral_supervisors,
        (select count(*) from faculty where title = 'professor')::int as professors,
        (select count(*) from faculty where chief_scientist_chain is not null)::int as chief_scientists,
        (select count(distinct chief_scientist_chain) from faculty)::int as chains_with_chief_scientists,
        (select count(*) from staff)::int as staff,
        (select count(*) from enterprises)::int as enterprises,
        (select count(*) from enterprise_services)::int as services,
        (select count(*) from demands)::int as demands,
        (select count(distinct chain_code) from demands)::int as chains_with_demands,
        (select count(distinct stage) from collaborations)::int as stages,
        (select count(*) from users)::int as users,
        (select count(*) from audit_log where action = 'seed' and actor_label = 'system')::int as seed_entries`,
    );
    expect(row).toEqual({
      universities: 11,
      teams: 153,
      led_teams: 153,
      faculty: 1319,
      doctoral_supervisors: 186,
      professors: 571,
      chief_scientists: 25,
      chains_with_chief_scientists: 8,
      staff: 43,
      enterprises: city.enterprises.length,
      services: city.services.length,
      demands: 107,
      chains_with_demands: 8,
      stages: 4,
      users: 4,
      seed_entries: 1,
    });
    const byClass = await countRows(
      database,
      sql`select demand_class, count(*)::int as n from demands group by demand_class order by demand_class`,
    );
    expect(Object.fromEntries(byClass.map((each) => [each.demand_class, each.n]))).toEqual({
      chain: 22,
      chokepoint: 49,
      disruptive: 15,
      systemic: 21,
    });
  });

  it('links every collaboration to its accepted candidate and its teams', async () => {
    const [row] = await countRows(
      database,
      sql`select count(*)::int as n from collaborations c
        join match_candidates m on m.id = c.match_candidate_id
        where m.status = 'accepted' and m.team_id = c.lead_team_id and m.demand_id = c.demand_id`,
    );
    expect(row!.n).toBe(city.collaborations.length);
    expect(await database.db.$count(schema.collaborationTeams)).toBeGreaterThanOrEqual(
      city.collaborations.length,
    );
  });

  it('stores the demo accounts with their passwords hashed', async () => {
    const users = await database.db.select().from(schema.users);
    for (const account of DEMO_ACCOUNTS) {
      const user = users.find((each) => each.email === account.email)!;
      expect(user.role).toBe(account.role);
      expect(user.passwordHash).not.toContain(account.password);
      expect(await verifyPassword(user.passwordHash, account.password)).toBe(true);
    }
  });

  it('changes nothing when asked to seed a second time', async () => {
    const before = outcomes.find((outcome) => outcome.seeded)!.counts;
    const again = await seedCityIfEmpty(database.db, () => {
      throw new Error('a seeded database must not generate a city again');
    });
    expect(again).toEqual({ seeded: false, counts: before });
    expect(await database.db.$count(schema.auditLog)).toBe(1);
  });

  it('writes the choke-point library with support inside every rule, the partners and 10 consortia', async () => {
    const [row] = await countRows(
      database,
      sql`select
        (select count(*) from chokepoint_projects)::int as projects,
        (select count(*) from chokepoint_projects p join demands d on d.id = p.demand_id where d.demand_class = 'chokepoint')::int as from_chokepoint_demands,
        (select count(*) from chokepoint_projects where status = 'admitted')::int as admitted,
        (select count(*) from chokepoint_projects where status = 'submitted')::int as under_review,
        (select count(distinct kind) from project_support)::int as support_kinds,
        (select count(*) from project_support s join chokepoint_projects p on p.id = s.project_id where p.status <> 'admitted')::int as support_of_unadmitted,
        (select count(*) from project_support where kind = 'loan' and (amount > 20000000 or term_months > 36 or rate_percent > benchmark_rate_percent or collateral or risk_compensation > amount * 0.006))::int as loans_outside_rules,
        (select count(*) from project_support where kind = 'insurance' and subsidy > amount * 0.5)::int as subsidies_outside_rules,
        (select count(*) from project_support where kind = 'investment' and (credited_amount < amount * 1.5 or credited_amount > amount * 2))::int as credits_outside_rules,
        (select count(distinct kind) from partner_organisations)::int as partner_kinds,
        (select count(*) from consortia)::int as consortia,
        (select count(*) from consortium_members where role = 'lead')::int as leads,
        (select count(*) from consortium_tasks)::int as tasks`,
    );
    expect(row).toMatchObject({
      projects: city.chokepoint.projects.length,
      admitted: 18,
      under_review: 11,
      support_kinds: 4,
      support_of_unadmitted: 0,
      loans_outside_rules: 0,
      subsidies_outside_rules: 0,
      credits_outside_rules: 0,
      partner_kinds: 3,
      consortia: 10,
      leads: 10,
    });
    expect(row!.from_chokepoint_demands).toBe(row!.projects);
    expect(row!.tasks).toBeGreaterThanOrEqual(10);
  });
});

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { findAuditTrail } from '../../services/audit/index.js';
import { schema } from '../../services/db/index.js';
import {
  BOTH_INTERESTED,
  candidateStatus,
  insertBrokeringWorld,
  insertCandidate,
  insertDemand,
} from '../../test/support/brokering.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../../test/support/databases.js';
import { listIntroductionsForUser } from '../introductions/index.js';
import { ConflictError, ValidationError } from '../shared/errors.js';
import type { User } from '../users/index.js';
import { acceptMatch, introduceMatch, listQueue, OPEN_STATUSES, recordOutsideAgreement } from './index.js';

const AGREEMENT = {
  enterpriseConfirmedBy: '王总（技术副总）',
  universityConfirmedBy: '李教授',
  channel: 'phone',
  agreedOn: '2026-01-15',
  note: '电话确认：先做小试',
};

describeEachDatabase('consent at accept', (kind) => {
  let database: TestDatabase;
  let world: Awaited<ReturnType<typeof insertBrokeringWorld>>;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    world = await insertBrokeringWorld(database.db);
  });
  afterAll(() => database.dispose());

  const introducedPair = async (
    values: { enterpriseInterested?: boolean; profileInterested?: boolean } = {},
  ) => {
    const demand = await insertDemand(database.db, world.enterprise.id);
    const pair = await insertCandidate(database.db, {
      demandId: demand.id,
      teamId: world.team.id,
      ...values,
    });
    await introduceMatch(database.db, world.actor, pair.id);
    return { demand, pair };
  };

  const collaborationsOf = (demandId: number) =>
    database.db.select().from(schema.collaborations).where(eq(schema.collaborations.demandId, demandId));

  it('refuses an accept with only one side interested and no recorded agreement, and changes nothing', async () => {
    const { demand, pair } = await introducedPair({ enterpriseInterested: true });
    const error = await acceptMatch(database.db, world.actor, pair.id).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).message).toMatch(/both sides must say they are interested/);
    expect((error as ConflictError).details.status).toBe('consent.refused.noConsent');
    expect(await candidateStatus(database.db, pair.id)).toBe('introduced');
    expect(await collaborationsOf(demand.id)).toHaveLength(0);
    const [demandRow] = await database.db
      .select()
      .from(schema.demands)
      .where(eq(schema.demands.id, demand.id));
    expect(demandRow!.status).toBe('published');
  });

  it('accepts on both sides’ interest in the portal and says so on the collaboration', async () => {
    const { pair } = await introducedPair(BOTH_INTERESTED);
    const { collaboration } = await acceptMatch(database.db, world.actor, pair.id);
    expect(collaboration.consentBasis).toBe('portal_interest');
  });

  it('refuses an incomplete agreement with every problem named, and writes nothing', async () => {
    const { pair } = await introducedPair();
    const error = await recordOutsideAgreement(database.db, world.actor, pair.id, {
      enterpriseConfirmedBy: '  ',
      channel: 'fax',
      agreedOn: '2999-01-01',
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).details).toEqual({
      enterpriseConfirmedBy: 'validation.required',
      universityConfirmedBy: 'validation.required',
      channel: 'validation.choose',
      agreedOn: 'consent.validation.agreedInFuture',
    });
    expect(await database.db.select().from(schema.matchAgreements)).toHaveLength(0);
  });

  it('accepts on an agreement staff recorded, keeps it in the audit log, and releases contact details to both sides', async () => {
    const { demand, pair } = await introducedPair({ profileInterested: true });
    const enterpriseUser: User = {
      id: world.staffUser.id,
      email: 'firm@example.com',
      displayName: '企业联系人',
      role: 'enterprise',
      status: 'active',
      locale: 'zh-CN',
      enterpriseId: world.enterprise.id,
      teamId: null,
      facultyId: null,
      staffId: null,
      createdAt: new Date(),
      lastLoginAt: null,
    };
    const before = (await listIntroductionsForUser(database.db, enterpriseUser)).find(
      (row) => row.id === pair.id,
    );
    expect(before?.contact).toBeNull();

    const agreement = await recordOutsideAgreement(database.db, world.actor, pair.id, AGREEMENT);
    expect(agreement).toMatchObject({ ...AGREEMENT, recordedBy: world.staffUser.id });
    await expect(recordOutsideAgreement(database.db, world.actor, pair.id, AGREEMENT)).rejects.toThrow(
      /already recorded/,
    );
    const queued = (await listQueue(database.db, { chainCode: null, statuses: OPEN_STATUSES })).find(
      (entry) => entry.id === pair.id,
    );
    expect(queued?.consent).toMatchObject({ basis: 'recorded_agreement' });

    const { collaboration } = await acceptMatch(database.db, world.actor, pair.id);
    expect(collaboration.consentBasis).toBe('recorded_agreement');
    expect(await collaborationsOf(demand.id)).toHaveLength(1);
    const trail = await findAuditTrail(database.db, 'match_candidate', [pair.id]);
    expect(trail.find((entry) => entry.action === 'match.agreement_recorded')?.after).toMatchObject(
      AGREEMENT,
    );
    const created = await findAuditTrail(database.db, 'collaboration', [collaboration.id]);
    expect(created[0]?.after).toMatchObject({
      consentBasis: 'recorded_agreement',
      agreementId: agreement.id,
    });

    const after = (await listIntroductionsForUser(database.db, enterpriseUser)).find(
      (row) => row.id === pair.id,
    );
    expect(after?.contact).not.toBeNull();
    expect(after?.agreement).toMatchObject({
      channel: 'phone',
      agreedOn: '2026-01-15',
      universityConfirmedBy: '李教授',
    });
  });
});

import { afterAll, beforeAll, expect, it } from 'vitest';
import { findAuditTrail } from '../../services/audit/index.js';
import { schema } from '../../services/db/index.js';
import { insertBrokeringWorld, insertDemand } from '../../test/support/brokering.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../../test/support/databases.js';
import { insertUser } from '../../test/support/fixtures.js';
import { assignStaffToChain, changeRole } from '../admin/index.js';
import { ConflictError, ForbiddenError, ValidationError } from '../shared/errors.js';
import { getEnterprisePage, listEnterprises, logEnterpriseService } from './index.js';

describeEachDatabase('services to enterprises and the administration of staff', (kind) => {
  let database: TestDatabase;
  let world: Awaited<ReturnType<typeof insertBrokeringWorld>>;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    world = await insertBrokeringWorld(database.db);
    await database.db
      .insert(schema.enterpriseChains)
      .values({ enterpriseId: world.enterprise.id, chainCode: 'carbon_fiber' });
  });
  afterAll(() => database.dispose());

  it("logs a service and shows it with the enterprise's demands on one page", async () => {
    const { db } = database;
    await insertDemand(db, world.enterprise.id);
    const service = await logEnterpriseService(db, world.actor, world.staffMember.id, {
      enterpriseId: String(world.enterprise.id),
      servedOn: '2026-03-02',
      kind: 'visit',
      note: '走访了解固化工艺难题',
    });
    expect(service).toMatchObject({
      staffName: world.staffMember.name,
      kind: 'visit',
      servedOn: '2026-03-02',
    });
    const page = await getEnterprisePage(db, world.enterprise.id);
    expect(page.services).toHaveLength(1);
    expect(page.demands).toHaveLength(1);
    expect(page.enterprise.chainCodes).toEqual(['carbon_fiber']);
    const [listed] = await listEnterprises(db, { chainCode: 'carbon_fiber' });
    expect(listed).toMatchObject({ services: 1, demands: 1, lastServedOn: '2026-03-02' });
    expect(await listEnterprises(db, { chainCode: 'medical' })).toEqual([]);
    expect(await listEnterprises(db, { nameContains: '示例复材' })).toHaveLength(1);
    expect((await findAuditTrail(db, 'enterprise_service', [service.id]))[0]?.actorUserId).toBe(
      world.staffUser.id,
    );
  });

  it('refuses a service without a kind or date, in the future, or by someone on no task force', async () => {
    const { db } = database;
    const error = await logEnterpriseService(db, world.actor, world.staffMember.id, {
      enterpriseId: String(world.enterprise.id),
      servedOn: '2999-01-01',
      kind: 'party',
      note: '',
    }).catch((caught) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.details).toEqual({ servedOn: 'validation.dateFuture', kind: 'validation.choose' });
    await expect(
      logEnterpriseService(db, world.actor, null, {
        enterpriseId: String(world.enterprise.id),
        servedOn: '2026-01-01',
        kind: 'visit',
        note: '',
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('assigns staff to chains and changes bureau roles, but not the role of an enterprise account', async () => {
    const { db } = database;
    const admin = await insertUser(db, { email: 'admin@example.gov.cn', role: 'admin' });
    const actor = { userId: admin.id, label: admin.email };
    await assignStaffToChain(db, actor, world.staffMember.id, 'medical');
    const [member] = await db.select().from(schema.staff);
    expect(member!.chainCode).toBe('medical');
    await expect(assignStaffToChain(db, actor, world.staffMember.id, 'moon')).rejects.toBeInstanceOf(
      ValidationError,
    );

    await changeRole(db, actor, world.staffUser.id, 'admin');
    await changeRole(db, actor, world.staffUser.id, 'staff');
    const trail = await findAuditTrail(db, 'user', [world.staffUser.id]);
    expect(trail.map((entry) => entry.after)).toEqual([
      expect.objectContaining({ role: 'admin' }),
      expect.objectContaining({ role: 'staff' }),
    ]);
    await changeRole(db, actor, admin.id, 'admin');
    await expect(changeRole(db, actor, admin.id, 'staff')).rejects.toBeInstanceOf(ConflictError);
    const firm = await insertUser(db, {
      email: 'firm@example.com',
      role: 'enterprise',
      enterpriseId: world.enterprise.id,
    });
    await expect(changeRole(db, actor, firm.id, 'admin')).rejects.toThrow(/only bureau accounts/);
  });
});

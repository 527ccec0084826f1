import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../../test/support/databases.js';
import { ConflictError, ValidationError } from '../shared/errors.js';
import { withDomainErrors } from './database-errors.js';
import { schema } from './index.js';

describeEachDatabase('the schema', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await database.db
      .insert(schema.chains)
      .values({ code: 'carbon_fiber', nameZh: '碳纤维复合材料', nameEn: 'Carbon', sortOrder: 1 });
    await database.db
      .insert(schema.universities)
      .values({ code: 'hit', nameZh: '哈尔滨工业大学（威海）', nameEn: 'HIT Weihai' });
  });
  afterAll(() => database.dispose());

  it('answers a ping after migrating', async () => {
    expect(await database.ping()).toBe(true);
  });

  it('applies migrations a second time as a no-op', async () => {
    await database.migrate();
    const rows = await database.db.select().from(schema.chains);
    expect(rows).toHaveLength(1);
  });

  it('refuses a duplicate natural key with a ConflictError and writes nothing', async () => {
    const write = withDomainErrors(() =>
      database.db.insert(schema.universities).values({ code: 'hit', nameZh: '另一所', nameEn: 'x' }),
    );
    await expect(write).rejects.toBeInstanceOf(ConflictError);
    expect(await database.db.select().from(schema.universities)).toHaveLength(1);
  });

  it('refuses a team on an unknown chain with a ValidationError', async () => {
    const [university] = await database.db.select().from(schema.universities);
    const write = withDomainErrors(() =>
      database.db
        .insert(schema.teams)
        .values({ universityId: university!.id, nameZh: '某团队', chainCode: 'space_mining' }),
    );
    await expect(write).rejects.toBeInstanceOf(ValidationError);
  });

  it('refuses a demand class outside the four classes', async () => {
    const [enterprise] = await database.db
      .insert(schema.enterprises)
      .values({ name: '威海光威复合材料股份有限公司', industry: '碳纤维', size: 'large' })
      .returning();
    const write = withDomainErrors(() =>
      database.db.insert(schema.demands).values({
        enterpriseId: enterprise!.id,
        title: '碳纤维预浸料快速固化',
        description: '…',
        chainCode: 'carbon_fiber',
        demandClass: 'urgent',
      }),
    );
    await expect(write).rejects.toMatchObject({ diagnostic: { constraint: 'demands_class_known' } });
  });

  it('keeps the audit log append-only', async () => {
    const [entry] = await database.db
      .insert(schema.auditLog)
      .values({ action: 'test', entityType: 'demand', entityId: '1', after: { a: 1 } })
      .returning();
    await expect(
      database.db
        .update(schema.auditLog)
        .set({ action: 'rewritten' })
        .where(eq(schema.auditLog.id, entry!.id)),
    ).rejects.toThrow();
    await expect(
      database.db.delete(schema.auditLog).where(eq(schema.auditLog.id, entry!.id)),
    ).rejects.toThrow();
  });
});

import { eq, inArray } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import { schema } from '../db/index.js';
import type { AgreementChannel } from '../shared/enums.js';
import type { OutsideAgreement } from './brokering.types.js';

const { matchAgreements } = schema;

function toAgreement(row: typeof matchAgreements.$inferSelect): OutsideAgreement {
  return { ...row, channel: row.channel as AgreementChannel };
}

export async function findAgreementsOfPairs(
  db: Database,
  candidateIds: number[],
): Promise<OutsideAgreement[]> {
  if (candidateIds.length === 0) return [];
  const rows = await db
    .select()
    .from(matchAgreements)
    .where(inArray(matchAgreements.matchCandidateId, candidateIds));
  return rows.map(toAgreement);
}

export async function findAgreementOfPair(
  db: Database,
  candidateId: number,
): Promise<OutsideAgreement | null> {
  const [row] = await db
    .select()
    .from(matchAgreements)
    .where(eq(matchAgreements.matchCandidateId, candidateId));
  return row ? toAgreement(row) : null;
}

export async function insertAgreement(
  tx: Database,
  values: Omit<OutsideAgreement, 'id' | 'recordedAt'>,
): Promise<OutsideAgreement> {
  const [row] = await tx.insert(matchAgreements).values(values).returning();
  return toAgreement(row!);
}

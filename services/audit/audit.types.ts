/** Who made a change: a signed-in user, or the system itself (seeding, imports run from the command line). */
export interface Actor {
  userId: number | null;
  label: string;
}

/** The signed-in account that acts; nobody signed in (a request that lost its session) is "unknown". */
export function actorOf(user: { id: number; email: string } | null | undefined): Actor {
  return { userId: user?.id ?? null, label: user?.email ?? 'unknown' };
}

export const SYSTEM_ACTOR: Actor = Object.freeze({ userId: null, label: 'system' });

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
}

export interface AuditRecord {
  id: number;
  actorUserId: number | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  at: Date;
}

export { findAuditTrail, insertAuditEntries } from './audit.repository.js';
export { type Actor, type AuditEntry, type AuditRecord, actorOf, SYSTEM_ACTOR } from './audit.types.js';

import { type AuditEntry, insertAuditEntries, SYSTEM_ACTOR } from '../audit/index.js';
import { announceChanges, type Database, withDomainErrors } from '../db/index.js';
import { notifyImportFinished } from '../notifications/index.js';
import { ImportBusyError, inImportSlot } from './import-slots.js';
import {
  insertRecords,
  loadExistingRecords,
  loadReferenceSources,
  updateRecords,
} from './imports.repository.js';
import type { ImportInput, ImportOptions, ImportOutcome, ImportReport } from './imports.types.js';
import { KINDS } from './kinds/index.js';
import { type ImportPlan, planChanges } from './plan-changes.js';
import { type PreparedTable, prepareTable } from './prepare-table.js';
import { ProblemCollector } from './problem-collector.js';
import { ReferenceData } from './reference-data.js';

/** Audit actions an import writes; the entity type says which list. */
const AUDIT_CREATE = 'import.create';
const AUDIT_UPDATE = 'import.update';

/**
 * The dry run: reads and checks the whole file against the database and says what an import would
 * create and update, writing nothing. The portal's upload page shows this report.
 */
export async function previewImport(
  input: ImportInput,
  db: Database,
  options: ImportOptions = {},
): Promise<ImportReport> {
  try {
    return await inImportSlot(async () => {
      const problems = new ProblemCollector();
      const prepared = await prepareTable(input, problems);
      if (!prepared) return buildReport(input, problems, null, null);
      const plan = await planAgainst(db, input, prepared, problems, options);
      return buildReport(input, problems, prepared, plan);
    });
  } catch (error) {
    if (error instanceof ImportBusyError) return busyReport(input, error);
    throw error;
  }
}

/** The report of an import refused because the process is busy with others: nothing was read. */
function busyReport(input: ImportInput, error: ImportBusyError): ImportReport {
  const problems = new ProblemCollector();
  problems.error('import_busy', {}, { running: error.running });
  return buildReport(input, problems, null, null);
}

/**
 * Imports a file all or nothing: checked again inside one transaction (so the plan matches the rows it
 * writes), refused whole if any row is invalid, and on success audited and announced to the matcher
 * index, which sees the change when the transaction commits.
 */
export async function runImport(
  input: ImportInput,
  db: Database,
  options: ImportOptions = {},
): Promise<ImportOutcome> {
  try {
    return await inImportSlot(async () => {
      const problems = new ProblemCollector();
      const prepared = await prepareTable(input, problems);
      if (!prepared) return { report: buildReport(input, problems, null, null), committed: false };
      return withDomainErrors(() =>
        db.transaction(async (transaction) => {
          const plan = await planAgainst(transaction, input, prepared, problems, options);
          const report = buildReport(input, problems, prepared, plan);
          if (!report.valid) return { report, committed: false };
          await writePlan(transaction, input, plan, options);
          await notifyImportFinished(transaction, {
            userId: options.actor?.userId ?? null,
            importKind: input.kind,
            created: report.counts.create,
            updated: report.counts.update,
          });
          return { report, committed: true };
        }),
      );
    });
  } catch (error) {
    if (error instanceof ImportBusyError) return { report: busyReport(input, error), committed: false };
    throw error;
  }
}

async function planAgainst(
  db: Database,
  input: ImportInput,
  prepared: PreparedTable,
  problems: ProblemCollector,
  options: ImportOptions,
): Promise<ImportPlan> {
  const needsFaculty = input.kind === 'teams' || input.kind === 'results';
  const sources = await loadReferenceSources(db, needsFaculty);
  const existing = await loadExistingRecords(db, input.kind);
  return planChanges(
    KINDS[input.kind],
    prepared,
    new ReferenceData(sources),
    existing,
    problems,
    options.onProgress,
  );
}

async function writePlan(
  db: Database,
  input: ImportInput,
  plan: ImportPlan,
  options: ImportOptions,
): Promise<void> {
  const kind = KINDS[input.kind];
  const total = plan.creates.length + plan.updates.length;
  options.onProgress?.({ phase: 'writing', done: 0, total });
  const createdIds = await insertRecords(
    db,
    input.kind,
    plan.creates.map((create) => create.values),
    { fields: kind.identityFields, keyOf: (record) => kind.keyOf(record) },
  );
  options.onProgress?.({ phase: 'writing', done: createdIds.length, total });
  await updateRecords(db, input.kind, plan.updates);
  const entries: AuditEntry[] = [
    ...plan.creates.map((create, index) => ({
      action: AUDIT_CREATE,
      entityType: kind.entity,
      entityId: createdIds[index]!,
      after: { ...create.values, source: input.fileName, row: create.row },
    })),
    ...plan.updates.map((update) => ({
      action: AUDIT_UPDATE,
      entityType: kind.entity,
      entityId: update.id,
      before: Object.fromEntries(
        Object.entries(update.changes).map(([field, change]) => [field, change.before]),
      ),
      after: { ...update.set, source: input.fileName, row: update.row },
    })),
  ];
  await insertAuditEntries(db, options.actor ?? SYSTEM_ACTOR, entries);
  if (kind.changeEntity) {
    await announceChanges(db, {
      entity: kind.changeEntity,
      ids: [...createdIds, ...plan.updates.map((update) => update.id)],
    });
  }
  options.onProgress?.({ phase: 'writing', done: total, total });
}

function buildReport(
  input: ImportInput,
  problems: ProblemCollector,
  prepared: PreparedTable | null,
  plan: ImportPlan | null,
): ImportReport {
  const byRow = (left: { row: number | null }, right: { row: number | null }) =>
    (left.row ?? 0) - (right.row ?? 0);
  const errors = [...problems.errors].sort(byRow);
  return {
    kind: input.kind,
    fileName: input.fileName,
    sheet: prepared?.table.sheet ?? (problems.sheet || null),
    rowsRead: prepared?.table.rows.length ?? 0,
    valid: errors.length === 0 && plan !== null,
    errors,
    warnings: [...problems.warnings].sort(byRow),
    counts: {
      create: plan?.creates.length ?? 0,
      update: plan?.updates.length ?? 0,
      unchanged: plan?.unchanged ?? 0,
    },
    changes: plan
      ? [
          ...plan.creates.map((create) => ({
            action: 'create' as const,
            row: create.row,
            label: create.label,
          })),
          ...plan.updates.map((update) => ({
            action: 'update' as const,
            row: update.row,
            label: update.label,
            changes: update.changes,
          })),
        ].sort(byRow)
      : [],
  };
}

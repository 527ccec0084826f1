import { actorOf, insertAuditEntries } from '../audit/index.js';
import type { Database } from '../db/index.js';
import { withDomainErrors } from '../db/index.js';
import { notifyProjectSupported } from '../notifications/index.js';
import { PARTNER_KINDS, type PartnerKind, SUPPORT_KINDS, type SupportKind } from '../shared/enums.js';
import {
  ConflictError,
  DuplicateRecordError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
} from '../shared/errors.js';
import type { User } from '../users/index.js';
import {
  benchmarkRateSchema,
  fieldProblemsOf,
  parseInput,
  partnerSchema,
  recordId,
  supportSchemas,
} from '../validation/index.js';
import { assertActsForChain, isBureau } from './project-access.js';
import {
  findBenchmarkRateOn,
  findBenchmarkRates,
  findPartner,
  findPartners,
  findProjects,
  insertBenchmarkRate,
  insertPartner,
  insertSupport,
  type SupportValues,
} from './projects.repository.js';
import type { BenchmarkRate, PartnerOrganisation, SupportSubmission } from './projects.types.js';
import {
  INSURANCE_SUBSIDY_MAX_PERCENT,
  insuranceRuleBreaches,
  investmentRuleBreaches,
  loanRuleBreaches,
  PARTNER_KIND_OF_SUPPORT,
  percentOf,
  RISK_COMPENSATION_MAX_PERCENT,
  SUPPORT_RULE_TEXT,
  type SupportRule,
  timesOf,
} from './support-rules.js';

/** The form field each rule is about, so the refusal sits beside the value at fault. */
const FIELD_OF_RULE: Readonly<Record<SupportRule, string>> = {
  'loan.principalMax': 'amount',
  'loan.termMax': 'termMonths',
  'loan.rateAboveBenchmark': 'ratePercent',
  'loan.noBenchmark': 'ratePercent',
  'loan.collateral': 'collateral',
  'loan.riskCompensationMax': 'riskCompensationPercent',
  'insurance.subsidyMax': 'subsidyPercent',
  'investment.multiplierRange': 'multiplier',
};

export function isSupportKind(value: unknown): value is SupportKind {
  return typeof value === 'string' && (SUPPORT_KINDS as readonly string[]).includes(value);
}

export function isPartnerKind(value: unknown): value is PartnerKind {
  return typeof value === 'string' && (PARTNER_KINDS as readonly string[]).includes(value);
}

interface ParsedSupport {
  values: Omit<SupportValues, 'projectId' | 'recordedBy' | 'overriddenRules' | 'overrideReason'>;
  breaches: SupportRule[];
  overrideReason: string;
}

/**
 * Checks the form against its kind's schema and the partner against the database, and tells every
 * problem at once; then which support rules the values break.
 */
async function parseSupport(
  db: Database,
  kind: SupportKind,
  input: SupportSubmission,
): Promise<ParsedSupport> {
  const result = supportSchemas[kind].safeParse(input);
  const problems = result.success ? {} : fieldProblemsOf(result.error);
  const partnerKind = PARTNER_KIND_OF_SUPPORT[kind];
  let partnerId: number | null = null;
  if (partnerKind) {
    const chosen = recordId().safeParse(input.partnerId);
    const partner = chosen.data ? await findPartner(db, chosen.data) : null;
    if (!partner) problems.partnerId = 'validation.choose';
    else if (partner.kind !== partnerKind) problems.partnerId = `support.partnerMustBe.${partnerKind}`;
    else partnerId = partner.id;
  }
  if (!result.success || Object.keys(problems).length > 0)
    throw new ValidationError('invalid input', problems);
  const fields = result.data;
  const base = { kind, partnerId, amount: fields.amount, grantedOn: fields.grantedOn };
  const { overrideReason } = fields;
  if ('budgetLine' in fields)
    return { values: { ...base, budgetLine: fields.budgetLine }, breaches: [], overrideReason };
  if ('multiplier' in fields)
    return {
      values: {
        ...base,
        multiplier: fields.multiplier,
        creditedAmount: timesOf(base.amount, fields.multiplier),
      },
      breaches: investmentRuleBreaches(fields.multiplier),
      overrideReason,
    };
  if ('termMonths' in fields) {
    const { termMonths, ratePercent, collateral } = fields;
    const riskCompensationPercent = fields.riskCompensationPercent ?? RISK_COMPENSATION_MAX_PERCENT;
    const benchmark = await findBenchmarkRateOn(db, base.grantedOn);
    return {
      values: {
        ...base,
        termMonths,
        ratePercent,
        benchmarkRatePercent: benchmark?.ratePercent ?? null,
        collateral,
        riskCompensationPercent,
        riskCompensation: percentOf(base.amount, riskCompensationPercent),
      },
      breaches: loanRuleBreaches({
        principal: base.amount,
        termMonths,
        ratePercent,
        benchmarkRatePercent: benchmark?.ratePercent ?? null,
        collateral,
        riskCompensationPercent,
      }),
      overrideReason,
    };
  }
  const subsidyPercent = fields.subsidyPercent ?? INSURANCE_SUBSIDY_MAX_PERCENT;
  return {
    values: { ...base, cover: fields.cover, subsidyPercent, subsidy: percentOf(base.amount, subsidyPercent) },
    breaches: insuranceRuleBreaches(subsidyPercent),
    overrideReason,
  };
}

/**
 * Records one item of 拨投贷保 support for an admitted project, checking its rules. A value outside
 * a rule is refused with the rule's message, unless an administrator overrides it with a reason; the
 * record then keeps the rules overridden and the reason, for anyone reading it later.
 */
export async function recordSupport(
  db: Database,
  user: User,
  projectId: number,
  input: SupportSubmission,
): Promise<number> {
  const [project] = await findProjects(db, { ids: [projectId] });
  if (!project) throw new NotFoundError('no such project');
  await assertActsForChain(db, user, project.chainCode);
  if (project.status !== 'admitted')
    throw new ConflictError('support is recorded for admitted projects only', {
      status: 'support.notAdmitted',
    });
  if (!isSupportKind(input.kind))
    throw new ValidationError('unknown kind of support', { kind: 'validation.choose' });
  const { values, breaches, overrideReason } = await parseSupport(db, input.kind, input);
  if (breaches.length > 0 && !(user.role === 'admin' && overrideReason)) {
    const details: Record<string, string> = {};
    for (const rule of breaches) details[FIELD_OF_RULE[rule]] ??= `support.rule.${rule}`;
    if (overrideReason) details.overrideReason = 'support.overrideAdminOnly';
    throw new ValidationError(
      `refused: ${breaches.map((rule) => SUPPORT_RULE_TEXT[rule]).join('; ')}`,
      details,
    );
  }
  const actor = actorOf(user);
  return withDomainErrors(() =>
    db.transaction(async (tx) => {
      const id = await insertSupport(tx, {
        ...values,
        projectId,
        recordedBy: actor.label,
        overriddenRules: breaches,
        overrideReason: breaches.length > 0 ? overrideReason : null,
      });
      await insertAuditEntries(tx, actor, [
        {
          action: breaches.length > 0 ? 'support.recorded_with_override' : 'support.recorded',
          entityType: 'project_support',
          entityId: id,
          after: {
            projectId,
            ...values,
            ...(breaches.length > 0 ? { overriddenRules: breaches, overrideReason } : {}),
          },
        },
      ]);
      await notifyProjectSupported(tx, { project, support: values.kind, actorUserId: user.id });
      return id;
    }),
  );
}

export function listPartners(db: Database, kind?: PartnerKind): Promise<PartnerOrganisation[]> {
  return findPartners(db, kind);
}

/** Staff keep the banks, the fund and the insurers as organisations, as they keep enterprises. */
export async function createPartner(
  db: Database,
  user: User,
  input: { name?: unknown; kind?: unknown; contactName?: unknown; contactPhone?: unknown },
): Promise<PartnerOrganisation> {
  if (!isBureau(user)) throw new ForbiddenError('only the bureau keeps partner organisations');
  const values = parseInput(partnerSchema, input);
  try {
    return await withDomainErrors(() =>
      db.transaction(async (tx) => {
        const partner = await insertPartner(tx, values);
        await insertAuditEntries(tx, actorOf(user), [
          {
            action: 'partner.created',
            entityType: 'partner_organisation',
            entityId: partner.id,
            after: values,
          },
        ]);
        return partner;
      }),
    );
  } catch (error) {
    if (error instanceof DuplicateRecordError)
      throw new ConflictError('name taken', { name: 'support.partnerTaken' });
    throw error;
  }
}

export const listBenchmarkRates = findBenchmarkRates;

export function benchmarkRateOn(db: Database, day: string): Promise<BenchmarkRate | null> {
  return findBenchmarkRateOn(db, day);
}

/** Sets the benchmark rate from a date on (an administrator's setting); earlier loans keep theirs. */
export async function setBenchmarkRate(
  db: Database,
  user: User,
  input: { ratePercent?: unknown; effectiveOn?: unknown },
): Promise<BenchmarkRate> {
  if (user.role !== 'admin')
    throw new ForbiddenError('only an administrator sets the benchmark rate', {
      ratePercent: 'support.benchmarkAdminOnly',
    });
  const { ratePercent, effectiveOn } = parseInput(benchmarkRateSchema, input);
  const rates = await findBenchmarkRates(db);
  if (rates.some((rate) => rate.effectiveOn === effectiveOn))
    throw new ConflictError('a rate is already set from that day', {
      effectiveOn: 'support.benchmarkDateTaken',
    });
  const actor = actorOf(user);
  return withDomainErrors(() =>
    db.transaction(async (tx) => {
      const rate = await insertBenchmarkRate(tx, {
        ratePercent,
        effectiveOn,
        setBy: actor.label,
      });
      await insertAuditEntries(tx, actor, [
        {
          action: 'benchmark_rate.set',
          entityType: 'benchmark_rate',
          entityId: rate.id,
          after: { ratePercent, effectiveOn },
        },
      ]);
      return rate;
    }),
  );
}

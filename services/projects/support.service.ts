import { insertAuditEntries } from '../audit/index.js';
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
import { cleanText, FieldProblems, parseOptionalDate } from '../shared/validation.js';
import type { User } from '../users/index.js';
import { actorOf, assertActsForChain, isBureau } from './project-access.js';
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
import { idList, parseMoney } from './projects.validation.js';
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

/** No single item of support reaches 100 billion yuan; above that a figure was mistyped. */
const SUPPORT_AMOUNT_MAX_YUAN = 100_000_000_000;

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

/** A decimal of at most `decimals` places, zero allowed; null and a problem otherwise. */
function parseDecimal(
  value: unknown,
  field: string,
  problems: FieldProblems,
  decimals: number,
  fallback: number | null = null,
): number | null {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  if (text === '') {
    if (fallback === null) problems.add(field, 'validation.required');
    return fallback;
  }
  if (!new RegExp(`^\\d{1,6}(\\.\\d{1,${decimals}})?$`).test(text)) {
    problems.add(field, 'support.number');
    return null;
  }
  return Number(text);
}

const isChecked = (value: unknown) => value === true || value === '1' || value === 'on' || value === 'true';

interface ParsedSupport {
  values: Omit<SupportValues, 'projectId' | 'recordedBy' | 'overriddenRules' | 'overrideReason'>;
  breaches: SupportRule[];
}

async function parseSupport(
  db: Database,
  kind: SupportKind,
  input: SupportSubmission,
): Promise<ParsedSupport> {
  const problems = new FieldProblems();
  const amount = parseMoney(input.amount, 'amount', problems, { max: SUPPORT_AMOUNT_MAX_YUAN });
  const grantedOn = parseOptionalDate(input.grantedOn);
  if (grantedOn === null) problems.add('grantedOn', 'validation.required');
  if (grantedOn === 'invalid') problems.add('grantedOn', 'validation.date');
  const partnerKind = PARTNER_KIND_OF_SUPPORT[kind];
  let partnerId: number | null = null;
  if (partnerKind) {
    const [id] = idList(input.partnerId);
    const partner = id ? await findPartner(db, id) : null;
    if (!partner) problems.add('partnerId', 'validation.choose');
    else if (partner.kind !== partnerKind) problems.add('partnerId', `support.partnerMustBe.${partnerKind}`);
    else partnerId = partner.id;
  }
  const base = {
    kind,
    partnerId,
    amount: amount ?? 0,
    grantedOn: typeof grantedOn === 'string' ? grantedOn : '',
  };
  if (kind === 'grant') {
    const budgetLine = cleanText(input.budgetLine, 200);
    if (!budgetLine) problems.add('budgetLine', 'validation.required');
    problems.throwIfAny();
    return { values: { ...base, budgetLine }, breaches: [] };
  }
  if (kind === 'investment') {
    const multiplier = parseDecimal(input.multiplier, 'multiplier', problems, 2);
    problems.throwIfAny();
    return {
      values: { ...base, multiplier, creditedAmount: timesOf(base.amount, multiplier!) },
      breaches: investmentRuleBreaches(multiplier!),
    };
  }
  if (kind === 'loan') {
    const termText =
      typeof input.termMonths === 'string' ? input.termMonths.trim() : String(input.termMonths ?? '');
    const termMonths = /^\d{1,4}$/.test(termText) && Number(termText) > 0 ? Number(termText) : null;
    if (termMonths === null) problems.add('termMonths', termText ? 'support.months' : 'validation.required');
    const ratePercent = parseDecimal(input.ratePercent, 'ratePercent', problems, 3);
    const riskCompensationPercent = parseDecimal(
      input.riskCompensationPercent,
      'riskCompensationPercent',
      problems,
      3,
      RISK_COMPENSATION_MAX_PERCENT,
    );
    problems.throwIfAny();
    const benchmark = await findBenchmarkRateOn(db, base.grantedOn);
    const collateral = isChecked(input.collateral);
    return {
      values: {
        ...base,
        termMonths,
        ratePercent,
        benchmarkRatePercent: benchmark?.ratePercent ?? null,
        collateral,
        riskCompensationPercent,
        riskCompensation: percentOf(base.amount, riskCompensationPercent!),
      },
      breaches: loanRuleBreaches({
        principal: base.amount,
        termMonths: termMonths!,
        ratePercent: ratePercent!,
        benchmarkRatePercent: benchmark?.ratePercent ?? null,
        collateral,
        riskCompensationPercent: riskCompensationPercent!,
      }),
    };
  }
  const cover = parseMoney(input.cover, 'cover', problems, { max: SUPPORT_AMOUNT_MAX_YUAN });
  const subsidyPercent = parseDecimal(
    input.subsidyPercent,
    'subsidyPercent',
    problems,
    2,
    INSURANCE_SUBSIDY_MAX_PERCENT,
  );
  problems.throwIfAny();
  return {
    values: { ...base, cover, subsidyPercent, subsidy: percentOf(base.amount, subsidyPercent!) },
    breaches: insuranceRuleBreaches(subsidyPercent!),
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
  const { values, breaches } = await parseSupport(db, input.kind, input);
  const overrideReason = cleanText(input.overrideReason, 1_000);
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
  const problems = new FieldProblems();
  const name = cleanText(input.name, 200);
  if (!name) problems.add('name', 'validation.required');
  if (!isPartnerKind(input.kind)) problems.add('kind', 'validation.choose');
  problems.throwIfAny();
  const values = {
    name,
    kind: input.kind as PartnerKind,
    contactName: cleanText(input.contactName, 100),
    contactPhone: cleanText(input.contactPhone, 50),
  };
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
  const problems = new FieldProblems();
  const ratePercent = parseDecimal(input.ratePercent, 'ratePercent', problems, 3);
  if (ratePercent !== null && (ratePercent <= 0 || ratePercent >= 100))
    problems.add('ratePercent', 'support.number');
  const effectiveOn = parseOptionalDate(input.effectiveOn);
  if (effectiveOn === null) problems.add('effectiveOn', 'validation.required');
  if (effectiveOn === 'invalid') problems.add('effectiveOn', 'validation.date');
  problems.throwIfAny();
  const rates = await findBenchmarkRates(db);
  if (rates.some((rate) => rate.effectiveOn === effectiveOn))
    throw new ConflictError('a rate is already set from that day', {
      effectiveOn: 'support.benchmarkDateTaken',
    });
  const actor = actorOf(user);
  return withDomainErrors(() =>
    db.transaction(async (tx) => {
      const rate = await insertBenchmarkRate(tx, {
        ratePercent: ratePercent!,
        effectiveOn: effectiveOn as string,
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

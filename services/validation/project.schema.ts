import * as z from 'zod';
import { PARTNER_KINDS } from '../shared/enums.js';
import {
  checkbox,
  choice,
  decimal,
  isoDate,
  lines,
  optionalPhone,
  positiveMoney,
  rangeOrder,
  recordIds,
  required,
  requiredText,
  text,
  wholeNumber,
} from './rules.js';

/** A project budget above a million 万元 (10 billion yuan) is a typing slip. */
export const PROJECT_BUDGET_MAX = 1_000_000;
export const PROJECT_ATTACHMENTS_MAX = 20;

/** A choke-point project as a firm submits it (or resubmits it after review). */
export const projectSchema = z
  .object({
    title: requiredText(200),
    breakthrough: requiredText(1_000),
    goals: requiredText(4_000),
    plan: text(10_000),
    attachments: lines(200, PROJECT_ATTACHMENTS_MAX, 'project.tooManyAttachments'),
    budget: required(positiveMoney(PROJECT_BUDGET_MAX)),
    startsOn: required(isoDate()),
    endsOn: required(isoDate()),
    teamIds: recordIds(),
  })
  .check(rangeOrder('startsOn', 'endsOn', 'string', 'project.periodOrder'));

export type ProjectFields = z.output<typeof projectSchema>;

/** No single item of support reaches 100 billion yuan; above that a figure was mistyped. */
export const SUPPORT_AMOUNT_MAX_YUAN = 100_000_000_000;

/** A rate, a percentage or a multiplier as the support forms take them. */
const supportNumber = (places: number) => decimal(places, 'support.number');

/**
 * What every item of 拨投贷保 support records. The partner (a bank, the fund, an insurer) is the
 * service's to check, against the database; so is whether a value keeps the support rules, which an
 * administrator may override.
 */
const supportFields = {
  amount: required(positiveMoney(SUPPORT_AMOUNT_MAX_YUAN)),
  grantedOn: required(isoDate()),
  overrideReason: text(1_000),
};

/** Each kind of support with its own fields; a percentage left empty takes the rule's ceiling. */
export const supportSchemas = {
  grant: z.object({ ...supportFields, budgetLine: requiredText(200) }),
  investment: z.object({ ...supportFields, multiplier: required(supportNumber(2)) }),
  loan: z.object({
    ...supportFields,
    termMonths: required(wholeNumber(1, 9_999, 'support.months')),
    ratePercent: required(supportNumber(3)),
    riskCompensationPercent: supportNumber(3),
    collateral: checkbox(),
  }),
  insurance: z.object({
    ...supportFields,
    cover: required(positiveMoney(SUPPORT_AMOUNT_MAX_YUAN)),
    subsidyPercent: supportNumber(2),
  }),
};

/** A bank, the government fund or an insurer, as the bureau keeps them. */
export const partnerSchema = z.object({
  name: requiredText(200),
  kind: choice(PARTNER_KINDS),
  contactName: text(100),
  contactPhone: optionalPhone(),
});

/** The benchmark lending rate from a day on: a percentage above 0 and below 100. */
export const benchmarkRateSchema = z.object({
  ratePercent: required(supportNumber(3)).transform((rate, context) => {
    if (rate > 0 && rate < 100) return rate;
    context.addIssue({ code: 'custom', message: 'support.number', input: rate, continue: true });
    return z.NEVER;
  }),
  effectiveOn: required(isoDate()),
});

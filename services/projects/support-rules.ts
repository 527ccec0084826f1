import type { SupportKind } from '../shared/enums.js';

/** 卡脖子攻关贷: at most 20 million yuan. */
export const LOAN_PRINCIPAL_MAX_YUAN = 20_000_000;
/** 卡脖子攻关贷: at most 3 years. */
export const LOAN_TERM_MAX_MONTHS = 36;
/** The city covers at most 0.6% of the new loan balance as risk compensation to the bank. */
export const RISK_COMPENSATION_MAX_PERCENT = 0.6;
/** 卡脖子研发损失险: the city subsidises at most half the premium. */
export const INSURANCE_SUBSIDY_MAX_PERCENT = 50;
/** The fund's managers are credited 1.5–2× what the fund actually invested, when they are assessed. */
export const INVESTMENT_MULTIPLIER_MIN = 1.5;
export const INVESTMENT_MULTIPLIER_MAX = 2;

/**
 * The rules of 拨投贷保 support, each with the message key that names it. A value outside a rule is
 * refused with that message; only an admin's override with a reason lets it through.
 */
export const SUPPORT_RULES = [
  'loan.principalMax',
  'loan.termMax',
  'loan.rateAboveBenchmark',
  'loan.noBenchmark',
  'loan.collateral',
  'loan.riskCompensationMax',
  'insurance.subsidyMax',
  'investment.multiplierRange',
] as const;
export type SupportRule = (typeof SUPPORT_RULES)[number];

/** How each rule reads in a refusal raised by the service (the portal shows the translated key). */
export const SUPPORT_RULE_TEXT: Readonly<Record<SupportRule, string>> = {
  'loan.principalMax': `loan principal must not exceed ${LOAN_PRINCIPAL_MAX_YUAN.toLocaleString('en-US')} yuan`,
  'loan.termMax': `loan term must not exceed ${LOAN_TERM_MAX_MONTHS} months`,
  'loan.rateAboveBenchmark': 'loan rate must not exceed the benchmark rate in force',
  'loan.noBenchmark': 'no benchmark rate is in force on the loan date',
  'loan.collateral': 'the choke-point loan takes no collateral',
  'loan.riskCompensationMax': `risk compensation must not exceed ${RISK_COMPENSATION_MAX_PERCENT}% of the new loan balance`,
  'insurance.subsidyMax': `premium subsidy must not exceed ${INSURANCE_SUBSIDY_MAX_PERCENT}% of the premium`,
  'investment.multiplierRange': `credited multiplier must be between ${INVESTMENT_MULTIPLIER_MIN} and ${INVESTMENT_MULTIPLIER_MAX}`,
};

/** The partner organisation each kind of support comes from; a grant comes from the city's budget. */
export const PARTNER_KIND_OF_SUPPORT: Readonly<Record<SupportKind, 'bank' | 'fund' | 'insurer' | null>> = {
  grant: null,
  investment: 'fund',
  loan: 'bank',
  insurance: 'insurer',
};

/** Money and percentages are compared in whole thousandths so 0.1 + 0.2 never decides a rule. */
const thousandths = (value: number) => Math.round(value * 1000);

/** A share of an amount in yuan, rounded to the fen. */
export function percentOf(amountYuan: number, percent: number): number {
  const fen = Math.round(amountYuan * 100);
  return Math.round((fen * thousandths(percent)) / 100_000) / 100;
}

export function timesOf(amountYuan: number, multiplier: number): number {
  const fen = Math.round(amountYuan * 100);
  return Math.round((fen * thousandths(multiplier)) / 1000) / 100;
}

export interface LoanFigures {
  principal: number;
  termMonths: number;
  ratePercent: number;
  /** The benchmark rate in force on the loan date, or null when none is set yet. */
  benchmarkRatePercent: number | null;
  collateral: boolean;
  riskCompensationPercent: number;
}

export function loanRuleBreaches(loan: LoanFigures): SupportRule[] {
  const breaches: SupportRule[] = [];
  if (thousandths(loan.principal) > thousandths(LOAN_PRINCIPAL_MAX_YUAN)) breaches.push('loan.principalMax');
  if (loan.termMonths > LOAN_TERM_MAX_MONTHS) breaches.push('loan.termMax');
  if (loan.benchmarkRatePercent === null) breaches.push('loan.noBenchmark');
  else if (thousandths(loan.ratePercent) > thousandths(loan.benchmarkRatePercent))
    breaches.push('loan.rateAboveBenchmark');
  if (loan.collateral) breaches.push('loan.collateral');
  if (thousandths(loan.riskCompensationPercent) > thousandths(RISK_COMPENSATION_MAX_PERCENT))
    breaches.push('loan.riskCompensationMax');
  return breaches;
}

export function insuranceRuleBreaches(subsidyPercent: number): SupportRule[] {
  return thousandths(subsidyPercent) > thousandths(INSURANCE_SUBSIDY_MAX_PERCENT)
    ? ['insurance.subsidyMax']
    : [];
}

export function investmentRuleBreaches(multiplier: number): SupportRule[] {
  const value = thousandths(multiplier);
  return value < thousandths(INVESTMENT_MULTIPLIER_MIN) || value > thousandths(INVESTMENT_MULTIPLIER_MAX)
    ? ['investment.multiplierRange']
    : [];
}

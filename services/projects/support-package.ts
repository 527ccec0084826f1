import type { SupportItem, SupportPackage } from './projects.types.js';

const sum = (items: SupportItem[], pick: (item: SupportItem) => number | null) =>
  Math.round(items.reduce((total, item) => total + (pick(item) ?? 0), 0) * 100) / 100;

/** A project's support added up by kind; the total is what reaches the firm. */
export function packageOf(items: SupportItem[]): SupportPackage {
  const ofKind = (kind: SupportItem['kind']) => items.filter((item) => item.kind === kind);
  const grants = sum(ofKind('grant'), (item) => item.amount);
  const investment = sum(ofKind('investment'), (item) => item.amount);
  const loans = sum(ofKind('loan'), (item) => item.amount);
  const subsidies = sum(ofKind('insurance'), (item) => item.subsidy);
  return {
    items,
    grants,
    investment,
    creditedInvestment: sum(ofKind('investment'), (item) => item.creditedAmount),
    loans,
    riskCompensation: sum(ofKind('loan'), (item) => item.riskCompensation),
    premiums: sum(ofKind('insurance'), (item) => item.amount),
    cover: sum(ofKind('insurance'), (item) => item.cover),
    subsidies,
    total: Math.round((grants + investment + loans + subsidies) * 100) / 100,
  };
}

import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { companySchema } from './enterprise.schema.js';
import { budget, budgetRange, isoDate, isPhone, money, positiveMoney, rangeOrder } from './rules.js';
import { fieldProblemsOf, parseInput } from './validate.js';

const company = {
  industry: '海洋生物',
  size: 'small',
  description: '',
  address: '',
  contactName: '王工',
  contactPhone: '',
  contactEmail: '',
};

describe('the shared field rules', () => {
  it('takes the telephone numbers Chinese offices write', () => {
    for (const number of [
      '13800138000',
      '0631-5687123',
      '+86 631 568 7123',
      '(0631) 5687123',
      '0631-5687123 转 8001',
      '0631-5687123 ext. 8001',
      '0631-5687123 / 13800138000',
    ])
      expect(isPhone(number), number).toBe(true);
  });

  it('reads money with thousands grouped by commas alike in every form, the API and the importer', () => {
    for (const [typed, amount] of [
      ['1,200', 1200],
      ['1,200.50', 1200.5],
      ['１，２００', 1200],
      [' 1200 ', 1200],
      [1200, 1200],
    ] as const)
      expect(money().parse(typed), String(typed)).toBe(amount);
    expect(money().parse(''), 'empty').toBeNull();
  });

  it('refuses money whose commas do not group thousands, or with more than two decimals', () => {
    for (const typed of ['12,00', '1,20,000', ',100', '1.005', '-5', '1e3'])
      expect(money().safeParse(typed).error?.issues[0]?.message, typed).toBe('validation.amount');
  });

  it('refuses zero where an amount must be above it, and an amount above the ceiling', () => {
    expect(money().parse('0')).toBe(0);
    expect(positiveMoney(1_000).safeParse('0').error?.issues[0]?.message).toBe('project.amount');
    expect(positiveMoney(1_000).safeParse('1,000.01').error?.issues[0]?.message).toBe('project.amount');
    expect(positiveMoney(1_000).parse('1,000')).toBe(1_000);
  });

  it('tells a reversed range on its upper end, and only once both ends parsed', () => {
    const budgets = z.object({ budgetMin: budget(), budgetMax: budget() }).check(budgetRange);
    expect(fieldProblemsOf(budgets.safeParse({ budgetMin: '80', budgetMax: '30' }).error!)).toEqual({
      budgetMax: 'validation.budgetOrder',
    });
    expect(budgets.safeParse({ budgetMin: '30', budgetMax: '80' }).success).toBe(true);
    expect(fieldProblemsOf(budgets.safeParse({ budgetMin: 'abc', budgetMax: '30' }).error!)).toEqual({
      budgetMin: 'validation.budget',
    });
    const period = z
      .object({ startsOn: isoDate(), endsOn: isoDate() })
      .check(rangeOrder('startsOn', 'endsOn', 'string', 'project.periodOrder'));
    expect(
      fieldProblemsOf(period.safeParse({ startsOn: '2026-05-01', endsOn: '2026-04-30' }).error!),
    ).toEqual({
      endsOn: 'project.periodOrder',
    });
    expect(period.safeParse({ startsOn: '2026-04-30', endsOn: '2026-04-30' }).success).toBe(true);
  });

  it('refuses text that is no telephone number', () => {
    for (const text of ['abc', '123', '0631-56x7123', '电话待定']) expect(isPhone(text), text).toBe(false);
  });

  it('refuses a bad email and phone on the company page with their message keys', () => {
    const result = companySchema.safeParse({ ...company, contactPhone: 'abc', contactEmail: 'not-an-email' });
    expect(result.success).toBe(false);
    expect(fieldProblemsOf(result.error!)).toEqual({
      contactPhone: 'validation.phone',
      contactEmail: 'validation.email',
    });
  });

  it('stores an email in lower case and a full-width phone number in ordinary digits', () => {
    expect(
      parseInput(companySchema, {
        ...company,
        contactPhone: '０６３１－５６８７１２３',
        contactEmail: 'Li@Firm.CN',
      }),
    ).toMatchObject({ contactPhone: '0631-5687123', contactEmail: 'li@firm.cn' });
  });
});

import { describe, expect, it } from 'vitest';
import { companySchema } from './enterprise.schema.js';
import { isPhone } from './rules.js';
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

import { inBothLanguages } from '../../i18n/index.js';
import { CHAIN_CODES, ENTERPRISE_SIZES } from '../../shared/enums.js';
import { choiceParser, textParser } from '../field-parsers.js';
import { normalizeKey } from '../text-normalization.js';
import type { KindDefinition } from './kind.types.js';
import { CHAIN_ALIASES, chainListParser, checkChainConfigured, presentFields } from './shared-columns.js';

const SIZE_SHORT_FORMS = {
  large: ['大', '大型企业'],
  medium: ['中', '中型企业'],
  small: ['小', '小型企业'],
  micro: ['微', '微型企业', '小微'],
};

export const enterprisesKind: KindDefinition = {
  kind: 'enterprises',
  list: inBothLanguages('import.enterprises.list'),
  sheetNames: ['企业', '企业名单', '骨干企业', '企业信息', 'enterprises', 'companies', 'firms'],
  entity: 'enterprise',
  changeEntity: null,
  identityFields: ['name'],
  columns: [
    {
      field: 'name',
      label: inBothLanguages('import.enterprises.label.name'),
      aliases: ['企业', '公司名称', '单位名称', '企业全称', 'company', 'enterprise name', 'name', 'firm'],
      required: true,
      parser: textParser(),
    },
    {
      field: 'industry',
      label: inBothLanguages('import.enterprises.label.industry'),
      aliases: ['行业', '行业领域', '行业类别', 'sector'],
      required: true,
      parser: textParser(),
    },
    {
      field: 'size',
      label: inBothLanguages('import.enterprises.label.size'),
      aliases: ['规模', '企业类型', 'company size', 'scale'],
      required: true,
      parser: choiceParser('enterpriseSize', ENTERPRISE_SIZES, SIZE_SHORT_FORMS),
    },
    {
      field: 'chainCodes',
      label: inBothLanguages('import.enterprises.label.chainCodes'),
      aliases: [...CHAIN_ALIASES, 'chains'],
      parser: chainListParser,
      blankValue: [],
      note: inBothLanguages('import.enterprises.note.chainCodes'),
    },
    {
      field: 'description',
      label: inBothLanguages('import.enterprises.label.description'),
      aliases: ['简介', '企业介绍', '公司简介', 'about'],
      parser: textParser(),
      blankValue: '',
    },
    {
      field: 'address',
      label: inBothLanguages('import.enterprises.label.address'),
      aliases: ['企业地址', '通讯地址', '注册地址', '办公地址'],
      parser: textParser(),
      blankValue: '',
    },
    {
      field: 'contactName',
      label: inBothLanguages('import.enterprises.label.contactName'),
      aliases: ['联系人姓名', 'contact name', 'contact person'],
      parser: textParser(),
      blankValue: '',
    },
    {
      field: 'contactPhone',
      label: inBothLanguages('import.enterprises.label.contactPhone'),
      aliases: ['电话', '手机', '联系方式', 'contact phone', 'telephone', 'tel'],
      parser: textParser(),
      blankValue: '',
    },
    {
      field: 'contactEmail',
      label: inBothLanguages('import.enterprises.label.contactEmail'),
      aliases: ['电子邮箱', '联系邮箱', 'contact email', 'e-mail'],
      parser: textParser(),
      blankValue: '',
    },
  ],
  resolve(row, references) {
    checkChainConfigured(row, 'chainCodes', references);
    const name = row.value<string>('name');
    if (!name) return null;
    const values: Record<string, unknown> = {
      name,
      ...presentFields(row, [
        'industry',
        'size',
        'chainCodes',
        'description',
        'address',
        'contactName',
        'contactPhone',
        'contactEmail',
      ]),
    };
    if (Array.isArray(values.chainCodes)) values.chainCodes = sortChainCodes(values.chainCodes);
    return { key: normalizeKey(name), label: name, values };
  },
  keyOf: (record) => normalizeKey(record.name as string),
};

/** Chains are a set; one order on both sides lets a re-import compare equal. */
export function sortChainCodes(codes: string[]): string[] {
  const order = (code: string) => (CHAIN_CODES as readonly string[]).indexOf(code);
  return [...codes].sort((left, right) => order(left) - order(right));
}

import { DEMAND_CLASS_LABELS, DEMAND_STATUS_LABELS, VISIBILITY_LABELS } from '../../shared/enums.js';
import { BUDGET_MAX, demandFields } from '../../validation/index.js';
import {
  type BudgetRange,
  budgetParser,
  choiceParser,
  dateParser,
  integerParser,
  textParser,
} from '../field-parsers.js';
import { normalizeKey } from '../text-normalization.js';
import type { KindDefinition } from './kind.types.js';
import { CHAIN_ALIASES, chainParser, checkChainConfigured, presentFields } from './shared-columns.js';

const CLASS_SHORT_FORMS = {
  chokepoint: ['卡脖子', '卡脖子类', 'choke-point', 'chokepoint technology'],
  chain: ['链条式', '链条类', 'chain'],
  systemic: ['体系化', '体系化类', 'systemic'],
  disruptive: ['颠覆性', '颠覆性技术', '裂变', '有裂变前景的颠覆性', 'disruptive'],
};
const VISIBILITY_SHORT_FORMS = {
  public: ['是', '可公开', '公开发布'],
  confidential: ['否', '不公开', '内部', '保密需求'],
};

export const demandsKind: KindDefinition = {
  kind: 'demands',
  list: { zh: '企业技术需求清单', en: 'enterprise technical demands list' },
  sheetNames: [
    '技术需求',
    '需求',
    '企业技术需求',
    '企业技术需求清单',
    '需求清单',
    'demands',
    'technical demands',
  ],
  entity: 'demand',
  changeEntity: 'demand',
  identityFields: ['enterpriseId', 'title'],
  // The bureau's list is the vetted one: a demand arriving through it is published unless it says otherwise.
  createDefaults: { status: 'published' },
  columns: [
    {
      field: 'enterprise',
      label: { zh: '企业名称', en: 'Enterprise' },
      aliases: ['企业', '需求单位', '需求企业', '提出单位', '单位名称', '公司名称', 'company'],
      required: true,
      parser: textParser(),
    },
    {
      field: 'title',
      label: { zh: '需求名称', en: 'Title' },
      aliases: ['技术需求', '需求', '需求标题', '技术需求名称', '项目名称', 'demand', 'demand title'],
      required: true,
      parser: textParser(),
    },
    {
      field: 'titleEn',
      label: { zh: '英文名称', en: 'English title' },
      aliases: ['英文标题', '需求英文名称', 'title in english'],
      parser: textParser(),
      blankValue: null,
    },
    {
      field: 'description',
      label: { zh: '需求描述', en: 'Description' },
      aliases: ['需求内容', '具体需求', '需求详情', '技术需求描述', '需求简介', '主要内容', 'details'],
      required: true,
      parser: textParser(),
    },
    {
      field: 'chainCode',
      label: { zh: '创新链', en: 'Chain' },
      aliases: CHAIN_ALIASES,
      required: true,
      parser: chainParser,
    },
    {
      field: 'demandClass',
      label: { zh: '技术类别', en: 'Class' },
      aliases: ['需求类别', '类别', '技术类型', '需求类型', '关键技术类别', 'demand class', 'category'],
      required: true,
      parser: choiceParser(DEMAND_CLASS_LABELS, CLASS_SHORT_FORMS),
      note: { zh: '卡脖子、链条式、体系化、颠覆性', en: 'choke-point, chain, systemic, disruptive' },
    },
    {
      field: 'expectedTrl',
      label: { zh: '预期TRL', en: 'Expected TRL' },
      aliases: ['技术成熟度', '预期技术成熟度', '期望TRL', '目标TRL', 'trl'],
      parser: integerParser(1, 9),
      blankValue: null,
      note: { zh: '1-9 的整数', en: 'A whole number from 1 to 9' },
    },
    {
      field: 'budget',
      label: { zh: '预算（万元）', en: 'Budget (10k yuan)' },
      aliases: ['经费', '预算', '经费预算', '投入经费', '预计投入', '拟投入经费', 'budget'],
      parser: budgetParser(),
      blankValue: { min: null, max: null },
      note: {
        zh: '如 50-200；也可分列填写预算下限、预算上限',
        en: 'e.g. 50-200; or use min and max columns',
      },
    },
    {
      field: 'budgetMin',
      label: { zh: '预算下限（万元）', en: 'Budget min (10k yuan)' },
      aliases: [
        '最低预算',
        '经费下限',
        '预算最低',
        '预算下限',
        'min budget',
        'minimum budget',
        'budget from',
      ],
      parser: integerParser(0, BUDGET_MAX),
      blankValue: null,
    },
    {
      field: 'budgetMax',
      label: { zh: '预算上限（万元）', en: 'Budget max (10k yuan)' },
      aliases: ['最高预算', '经费上限', '预算最高', '预算上限', 'max budget', 'maximum budget', 'budget to'],
      parser: integerParser(0, BUDGET_MAX),
      blankValue: null,
    },
    {
      field: 'deadline',
      label: { zh: '截止日期', en: 'Deadline' },
      aliases: ['截止时间', '完成时限', '期望完成时间', '需求截止日期', '完成期限', 'due date'],
      parser: dateParser(),
      blankValue: null,
    },
    {
      field: 'visibility',
      label: { zh: '公开/保密', en: 'Visibility' },
      aliases: ['是否公开', '公开', '保密', '密级', '公开程度', 'public', 'confidential'],
      parser: choiceParser(VISIBILITY_LABELS, VISIBILITY_SHORT_FORMS),
    },
    {
      field: 'status',
      label: { zh: '状态', en: 'Status' },
      aliases: ['需求状态', 'demand status'],
      parser: choiceParser(DEMAND_STATUS_LABELS),
    },
    {
      field: 'bestMatches',
      label: { zh: '最佳匹配', en: 'Best matches' },
      aliases: ['推荐匹配', 'top matches'],
      parser: textParser(),
      exportOnly: true,
    },
  ],
  rules: demandFields,
  resolve(row, references) {
    checkChainConfigured(row, 'chainCode', references);
    const enterpriseName = row.value<string>('enterprise');
    const enterprise = enterpriseName ? references.findEnterprise(enterpriseName) : undefined;
    if (enterpriseName && !enterprise)
      row.problem('enterprise', 'unknown_enterprise', { value: enterpriseName });
    const budget = readBudget(row);
    const title = row.value<string>('title');
    if (!enterprise || !title || budget === null) return null;
    return {
      key: demandKey(enterprise.id, title),
      label: `${enterprise.name} / ${title}`,
      values: {
        enterpriseId: enterprise.id,
        title,
        ...budget,
        ...presentFields(row, [
          'titleEn',
          'description',
          'chainCode',
          'demandClass',
          'expectedTrl',
          'deadline',
          'visibility',
          'status',
        ]),
      },
    };
  },
  keyOf: (record) => demandKey(record.enterpriseId as number, record.title as string),
};

/** The budget from one "50-200" column and/or separate min and max columns; the separate ones win. */
function readBudget(row: Parameters<KindDefinition['resolve']>[0]): Record<string, number | null> | null {
  const fields: Record<string, number | null> = {};
  const range = row.value<BudgetRange>('budget');
  if (range) {
    fields.budgetMin = range.min;
    fields.budgetMax = range.max;
  }
  for (const field of ['budgetMin', 'budgetMax']) {
    const value = row.value<number>(field);
    if (value !== undefined && (value !== null || !range)) fields[field] = value;
  }
  const { budgetMin, budgetMax } = fields;
  if (budgetMin != null && budgetMax != null && budgetMin > budgetMax) {
    row.problem(row.has('budget') ? 'budget' : 'budgetMin', 'budget_order', {
      min: budgetMin,
      max: budgetMax,
    });
    return null;
  }
  return fields;
}

function demandKey(enterpriseId: number, title: string): string {
  return `${enterpriseId}|${normalizeKey(title)}`;
}

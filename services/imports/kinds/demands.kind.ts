import { inBothLanguages } from '../../i18n/index.js';
import { DEMAND_CLASSES, DEMAND_STATUSES, VISIBILITIES } from '../../shared/enums.js';
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
  list: inBothLanguages('import.demands.list'),
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
      label: inBothLanguages('import.demands.label.enterprise'),
      aliases: ['企业', '需求单位', '需求企业', '提出单位', '单位名称', '公司名称', 'company'],
      required: true,
      parser: textParser(),
    },
    {
      field: 'title',
      label: inBothLanguages('import.demands.label.title'),
      aliases: ['技术需求', '需求', '需求标题', '技术需求名称', '项目名称', 'demand', 'demand title'],
      required: true,
      parser: textParser(),
    },
    {
      field: 'titleEn',
      label: inBothLanguages('import.demands.label.titleEn'),
      aliases: ['英文标题', '需求英文名称', 'title in english'],
      parser: textParser(),
      blankValue: null,
    },
    {
      field: 'description',
      label: inBothLanguages('import.demands.label.description'),
      aliases: ['需求内容', '具体需求', '需求详情', '技术需求描述', '需求简介', '主要内容', 'details'],
      required: true,
      parser: textParser(),
    },
    {
      field: 'chainCode',
      label: inBothLanguages('import.demands.label.chainCode'),
      aliases: CHAIN_ALIASES,
      required: true,
      parser: chainParser,
    },
    {
      field: 'demandClass',
      label: inBothLanguages('import.demands.label.demandClass'),
      aliases: ['需求类别', '类别', '技术类型', '需求类型', '关键技术类别', 'demand class', 'category'],
      required: true,
      parser: choiceParser('demandClass', DEMAND_CLASSES, CLASS_SHORT_FORMS),
      note: inBothLanguages('import.demands.note.demandClass'),
    },
    {
      field: 'expectedTrl',
      label: inBothLanguages('import.demands.label.expectedTrl'),
      aliases: ['技术成熟度', '预期技术成熟度', '期望TRL', '目标TRL', 'trl'],
      parser: integerParser(1, 9),
      blankValue: null,
      note: inBothLanguages('import.demands.note.expectedTrl'),
    },
    {
      field: 'budget',
      label: inBothLanguages('import.demands.label.budget'),
      aliases: ['经费', '预算', '经费预算', '投入经费', '预计投入', '拟投入经费', 'budget'],
      parser: budgetParser(),
      blankValue: { min: null, max: null },
      note: inBothLanguages('import.demands.note.budget'),
    },
    {
      field: 'budgetMin',
      label: inBothLanguages('import.demands.label.budgetMin'),
      aliases: [
        '最低预算',
        '经费下限',
        '预算最低',
        '预算下限',
        'min budget',
        'minimum budget',
        'budget from',
      ],
      parser: integerParser(0, 10_000_000),
      blankValue: null,
    },
    {
      field: 'budgetMax',
      label: inBothLanguages('import.demands.label.budgetMax'),
      aliases: ['最高预算', '经费上限', '预算最高', '预算上限', 'max budget', 'maximum budget', 'budget to'],
      parser: integerParser(0, 10_000_000),
      blankValue: null,
    },
    {
      field: 'deadline',
      label: inBothLanguages('import.demands.label.deadline'),
      aliases: ['截止时间', '完成时限', '期望完成时间', '需求截止日期', '完成期限', 'due date'],
      parser: dateParser(),
      blankValue: null,
    },
    {
      field: 'visibility',
      label: inBothLanguages('import.demands.label.visibility'),
      aliases: ['是否公开', '公开', '保密', '密级', '公开程度', 'public', 'confidential'],
      parser: choiceParser('visibility', VISIBILITIES, VISIBILITY_SHORT_FORMS),
    },
    {
      field: 'status',
      label: inBothLanguages('import.demands.label.status'),
      aliases: ['需求状态', 'demand status'],
      parser: choiceParser('demandStatus', DEMAND_STATUSES),
    },
    {
      field: 'bestMatches',
      label: inBothLanguages('import.demands.label.bestMatches'),
      aliases: ['推荐匹配', 'top matches'],
      parser: textParser(),
      exportOnly: true,
    },
  ],
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

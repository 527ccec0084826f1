import type { Collection } from './collection.js';
import { GENERIC_DOCUMENT_SHARE, GENERIC_MIN_GROUP } from './constants.js';

/**
 * Words that say nothing about why two texts match, whatever the corpus: a firm and a lab both
 * "研究" and "开发" a "系统". Curated because a small city's corpus may be too small to show them
 * frequent in every group; the corpus census (below) finds the rest.
 */
export const CURATED_GENERIC_WORDS: readonly string[] = [
  '方法',
  '技术',
  '研究',
  '开发',
  '系统',
  '应用',
  '设计',
  '分析',
  '基于',
  '问题',
  '提高',
  '实现',
  '工作',
  '相关',
  '进行',
  '主要',
  '领域',
  '平台',
  '服务',
  '项目',
  '需求',
  '能力',
  '企业',
  '团队',
  '合作',
  '解决',
  '提供',
  '新型',
  '关键',
  '结果',
  '过程',
  '研发',
  '技术开发',
  '研究开发',
  '一种',
  'method',
  'technique',
  'technology',
  'research',
  'study',
  'development',
  'system',
  'application',
  'design',
  'analysis',
  'approach',
  'result',
  'problem',
  'paper',
  'propose',
  'present',
  'new',
  'based',
  'use',
  'work',
  'provide',
  'improve',
  'solution',
  'project',
  'team',
  'company',
];

/** A collection and, per slot, the group (kind, or kind and chain) its document counts in. */
export interface CensusGroup {
  collection: Collection;
  groupOf: (slot: number) => string;
}

/**
 * Terms frequent across every group of documents: in at least GENERIC_DOCUMENT_SHARE of the
 * documents of each group of GENERIC_MIN_GROUP or more. A chain's own vocabulary (碳纤维 in every
 * team of the carbon-fibre chain) is frequent in one group only, so it is never generic. Answers
 * are kept until `reset()`, which the index calls after a write.
 */
export class GenericTermCensus {
  private readonly answers = new Map<string, boolean>();
  /** Per census group: each slot's group number, and each group's size. */
  private groupings: { slotGroups: Int32Array; sizes: Int32Array }[] | undefined;
  private groupCount = 0;
  /** Documents each group counted needs the term in, summed: fewer cannot cover them all. */
  private documentsNeeded = 0;

  constructor(private readonly groups: () => CensusGroup[]) {}

  reset(): void {
    this.answers.clear();
    this.groupings = undefined;
  }

  isGeneric(term: string, termId: number | undefined): boolean {
    if (termId === undefined) return false;
    const known = this.answers.get(term);
    if (known !== undefined) return known;
    const answer = this.census(termId);
    this.answers.set(term, answer);
    return answer;
  }

  private census(termId: number): boolean {
    const groups = this.groups();
    const groupings = this.group(groups);
    // The groups hold the live documents, so the documents containing the term number exactly
    // its document frequencies: a term too rare to be in the share of every group counted needs
    // no pass over its postings (most terms asked about are).
    let containingAll = 0;
    for (const { collection } of groups) containingAll += collection.documentFrequencyOf(termId);
    if (containingAll < this.documentsNeeded) return false;
    const containing = new Int32Array(this.groupCount);
    groups.forEach(({ collection }, at) => {
      const { slotGroups } = groupings[at]!;
      collection.forEachSlotWith(termId, (slot) => {
        containing[slotGroups[slot]!]!++;
      });
    });
    let counted = 0;
    for (const { sizes } of groupings) {
      for (let group = 0; group < sizes.length; group++) {
        const size = sizes[group]!;
        if (size < GENERIC_MIN_GROUP) continue;
        counted++;
        if (containing[group]! < GENERIC_DOCUMENT_SHARE * size) return false;
      }
    }
    return counted > 0;
  }

  /** Numbers every live slot's group once per state of the index (group names are strings). */
  private group(groups: CensusGroup[]): { slotGroups: Int32Array; sizes: Int32Array }[] {
    if (this.groupings) return this.groupings;
    const numbers = new Map<string, number>();
    const counts: number[] = [];
    const slotGroupsOf = groups.map(({ collection, groupOf }) => {
      const slotGroups = new Int32Array(collection.slotCount);
      for (let slot = 0; slot < collection.slotCount; slot++) {
        if (!collection.isLive(slot)) continue;
        const name = groupOf(slot);
        let number = numbers.get(name);
        if (number === undefined) {
          number = numbers.size;
          numbers.set(name, number);
          counts.push(0);
        }
        counts[number]!++;
        slotGroups[slot] = number;
      }
      return slotGroups;
    });
    this.groupCount = numbers.size;
    const sizes = Int32Array.from(counts);
    this.documentsNeeded = 0;
    // A whole number of documents reaches the share exactly when it reaches its ceiling.
    for (const size of sizes)
      if (size >= GENERIC_MIN_GROUP) this.documentsNeeded += Math.ceil(GENERIC_DOCUMENT_SHARE * size);
    // Every grouping shares one numbering; sizes are checked once, through the first entry.
    this.groupings = slotGroupsOf.map((slotGroups, at) => ({
      slotGroups,
      sizes: at === 0 ? sizes : new Int32Array(0),
    }));
    return this.groupings;
  }
}

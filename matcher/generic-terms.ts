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
  private groupSizes: Map<string, number> | undefined;

  constructor(private readonly groups: () => CensusGroup[]) {}

  reset(): void {
    this.answers.clear();
    this.groupSizes = undefined;
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
    const sizes = this.sizes();
    const containing = new Map<string, number>();
    for (const { collection, groupOf } of this.groups()) {
      collection.forEachSlotWith(termId, (slot) => {
        const group = groupOf(slot);
        containing.set(group, (containing.get(group) ?? 0) + 1);
      });
    }
    let counted = 0;
    for (const [group, size] of sizes) {
      if (size < GENERIC_MIN_GROUP) continue;
      counted++;
      if ((containing.get(group) ?? 0) < GENERIC_DOCUMENT_SHARE * size) return false;
    }
    return counted > 0;
  }

  private sizes(): Map<string, number> {
    if (this.groupSizes) return this.groupSizes;
    const sizes = new Map<string, number>();
    for (const { collection, groupOf } of this.groups()) {
      for (let slot = 0; slot < collection.slotCount; slot++) {
        if (!collection.isLive(slot)) continue;
        const group = groupOf(slot);
        sizes.set(group, (sizes.get(group) ?? 0) + 1);
      }
    }
    this.groupSizes = sizes;
    return sizes;
  }
}

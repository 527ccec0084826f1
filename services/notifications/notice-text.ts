import { CHAIN_LABELS, COLLABORATION_STAGE_LABELS, SUPPORT_KIND_LABELS } from '../shared/enums.js';
import type { NoticeKind } from './notice-kinds.js';
import { type NoticeLocale, noticeText } from './notice-messages.js';

const IMPORT_KIND_LABELS: Record<string, { zh: string; en: string }> = {
  faculty: { zh: '教师名单', en: 'faculty roster' },
  teams: { zh: '研发团队', en: 'teams' },
  enterprises: { zh: '企业名单', en: 'enterprises' },
  demands: { zh: '技术需求清单', en: 'demands' },
  results: { zh: '可产业化成果清单', en: 'results ready for industry' },
};

/** Codes kept in a notice's params (a stage, a chain) are named in the reader's language. */
function localised(
  locale: NoticeLocale,
  params: Record<string, string | number>,
): Record<string, string | number> {
  const language = locale === 'en' ? 'en' : 'zh';
  const named = { ...params };
  const stage = COLLABORATION_STAGE_LABELS[params.stage as keyof typeof COLLABORATION_STAGE_LABELS];
  if (stage) named.stage = stage[language];
  const chain = CHAIN_LABELS[params.chain as keyof typeof CHAIN_LABELS];
  if (chain) named.chain = chain[language];
  const support = SUPPORT_KIND_LABELS[params.support as keyof typeof SUPPORT_KIND_LABELS];
  if (support) named.support = support[language];
  const importKind = IMPORT_KIND_LABELS[String(params.importKind)];
  if (importKind) named.importKind = importKind[language];
  return named;
}

/**
 * The sentence a notice reads as, in the reader's language. A notice with a `variant` (a review's
 * decision, an application or its resubmission) reads as that variant's sentence: one kind to choose
 * delivery for, the words each case needs.
 */
export function noticeSentence(
  locale: NoticeLocale,
  notice: { kind: NoticeKind; params: Record<string, string | number> },
): string {
  const key = notice.params.variant
    ? `notice.${notice.kind}.${notice.params.variant}`
    : `notice.${notice.kind}`;
  return noticeText(locale, key, localised(locale, notice.params));
}

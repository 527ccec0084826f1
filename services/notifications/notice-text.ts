import { enumLabel, type Locale, translate } from '../i18n/index.js';
import type { NoticeKind } from './notice-kinds.js';

/** Codes kept in a notice's params (a stage, a chain, a support, an import) are named in the reader's language. */
function localised(locale: Locale, params: Record<string, string | number>): Record<string, string | number> {
  const named = { ...params };
  if (params.stage) named.stage = enumLabel(locale, 'stage', params.stage);
  if (params.chain) named.chain = enumLabel(locale, 'chain', params.chain);
  if (params.support) named.support = enumLabel(locale, 'supportKind', params.support);
  if (params.importKind) named.importKind = enumLabel(locale, 'importKind', params.importKind);
  return named;
}

/**
 * The sentence a notice reads as, in the reader's language. A notice with a `variant` (a review's
 * decision, an application or its resubmission) reads as that variant's sentence: one kind to choose
 * delivery for, the words each case needs.
 */
export function noticeSentence(
  locale: Locale,
  notice: { kind: NoticeKind; params: Record<string, string | number> },
): string {
  const key = notice.params.variant
    ? `notice.${notice.kind}.${notice.params.variant}`
    : `notice.${notice.kind}`;
  return translate(locale, key, localised(locale, notice.params));
}

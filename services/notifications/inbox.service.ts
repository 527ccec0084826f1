import type { Database } from '../db/index.js';
import type { Locale } from '../i18n/index.js';
import { NOTICE_DELIVERIES, type NoticeDelivery, type UserRole } from '../shared/enums.js';
import { NotFoundError, ValidationError } from '../shared/errors.js';
import { DEFAULT_DELIVERY, NOTICE_KINDS_BY_ROLE, type NoticeKind } from './notice-kinds.js';
import { noticeSentence } from './notice-text.js';
import {
  countUnreadNotices,
  findNoticesOfUser,
  findPreferences,
  savePreferences,
  setNoticesRead,
} from './notifications.repository.js';
import type { Notice } from './notifications.types.js';

export const INBOX_PAGE_SIZE = 50;

export interface InboxEntry extends Notice {
  sentence: string;
}

export const unreadCount = countUnreadNotices;

export async function listInbox(
  db: Database,
  user: { id: number },
  locale: Locale,
  options: { unreadOnly: boolean; page: number },
): Promise<InboxEntry[]> {
  const notices = await findNoticesOfUser(db, user.id, {
    unreadOnly: options.unreadOnly,
    limit: INBOX_PAGE_SIZE,
    offset: Math.max(0, options.page - 1) * INBOX_PAGE_SIZE,
  });
  return notices.map((notice) => ({ ...notice, sentence: noticeSentence(locale, notice) }));
}

/** Opening a notice marks it read and says where to go; someone else's notice is not found. */
export async function openNotice(db: Database, user: { id: number }, noticeId: number): Promise<string> {
  const [notice] = await setNoticesRead(db, user.id, [noticeId], true);
  if (!notice) throw new NotFoundError('no such notice');
  return notice.link;
}

export async function markNotices(
  db: Database,
  user: { id: number },
  ids: number[] | 'all',
  read: boolean,
): Promise<number> {
  return (await setNoticesRead(db, user.id, ids, read)).length;
}

export interface PreferenceRow {
  kind: NoticeKind;
  delivery: NoticeDelivery;
  isDefault: boolean;
}

export async function listPreferences(
  db: Database,
  user: { id: number; role: UserRole },
): Promise<PreferenceRow[]> {
  const chosen = await findPreferences(db, user.id);
  return NOTICE_KINDS_BY_ROLE[user.role].map((kind) => ({
    kind,
    delivery: chosen.get(kind) ?? DEFAULT_DELIVERY[kind],
    isDefault: !chosen.has(kind),
  }));
}

/** Saves the choices of a preferences form: one delivery per kind the role receives, nothing else. */
export async function updatePreferences(
  db: Database,
  user: { id: number; role: UserRole },
  choices: Record<string, unknown>,
): Promise<void> {
  const kinds = NOTICE_KINDS_BY_ROLE[user.role];
  const rows: { kind: NoticeKind; delivery: NoticeDelivery }[] = [];
  for (const kind of kinds) {
    const value = choices[kind];
    if (value === undefined) continue;
    if (!(NOTICE_DELIVERIES as readonly unknown[]).includes(value))
      throw new ValidationError(`unknown delivery for ${kind}`, { [kind]: 'validation.choose' });
    rows.push({ kind, delivery: value as NoticeDelivery });
  }
  await savePreferences(db, user.id, rows);
}

import type { Locale } from '../i18n/index.js';
import type { NoticeDelivery, UserRole } from '../shared/enums.js';
import type { NoticeKind } from './notice-kinds.js';

/** One notice in a user's inbox. */
export interface Notice {
  id: number;
  userId: number;
  kind: NoticeKind;
  /** The portal path of what it is about. */
  link: string;
  params: Record<string, string | number>;
  createdAt: Date;
  readAt: Date | null;
}

/** A notice to write, for each of `userIds`. */
export interface NoticeDraft {
  kind: NoticeKind;
  userIds: number[];
  link: string;
  params: Record<string, string | number>;
  /** Written at most once per user under this key (a milestone falling due is seen every day). */
  onceKey?: string;
}

export interface NoticeRecipient {
  id: number;
  email: string;
  displayName: string;
  locale: Locale;
  role: UserRole;
  delivery: NoticeDelivery | null;
}

export interface PairContext {
  pairId: number;
  demandId: number;
  demandTitle: string;
  chainCode: string;
  enterpriseId: number;
  enterpriseName: string;
  teamId: number | null;
  facultyId: number | null;
  profileName: string;
}

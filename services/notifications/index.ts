export { DIGEST_HOUR, lastDigestTime, queueDueDigests } from './digests.service.js';
export {
  INBOX_PAGE_SIZE,
  type InboxEntry,
  listInbox,
  listPreferences,
  markNotices,
  openNotice,
  type PreferenceRow,
  unreadCount,
  updatePreferences,
} from './inbox.service.js';
export { MILESTONE_WARNING_DAYS, noticeMilestonesFallingDue } from './milestone-notices.service.js';
export {
  notifyCollaborationCreated,
  notifyDemandPublished,
  notifyImportFinished,
  notifyInterest,
  notifyIntroduced,
  notifyProjectReviewed,
  notifyProjectSubmitted,
  notifyProjectSupported,
  notifySignupApproved,
  notifySignupWaiting,
  notifyStageChanged,
  notifyTopRankedProfiles,
  type ProjectNoticeSubject,
  TOP_RANKED_NOTICE_DEPTH,
} from './notice-events.js';
export {
  DEFAULT_DELIVERY,
  isNoticeKind,
  NOTICE_KINDS,
  NOTICE_KINDS_BY_ROLE,
  type NoticeKind,
} from './notice-kinds.js';
export { noticeSentence } from './notice-text.js';
export { type NoticeWorker, startNoticeWorker } from './notice-worker.js';
export { unreadNoticesOf } from './notifications.repository.js';
export type { Notice, NoticeDraft } from './notifications.types.js';
export { NOTIFICATION_SETTINGS_PATH, notify } from './notify.js';

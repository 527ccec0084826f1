/**
 * The sentences of notices and of the mails XueQi sends, in both languages. They live in services
 * because mails are written inside the transaction of the change they tell of; the portal's
 * catalogue registers this same area, so the inbox and the mail say the same words.
 */
export const noticeMessages = {
  'zh-CN': {
    'notice.interest_in_demand': '{profile} 对您的需求《{demand}》表示有意向',
    'notice.interest_in_profile': '{enterprise} 对您表示有意向：需求《{demand}》',
    'notice.introduced': '科技局工作人员为您引荐了对接：《{demand}》（{enterprise} — {profile}）',
    'notice.contact_released': '双方均已同意：《{demand}》的联系方式已公开（{enterprise} — {profile}）',
    'notice.collaboration_created': '产学研合作已建立：《{demand}》',
    'notice.collaboration_stage': '合作《{demand}》进入新阶段：{stage}',
    'notice.milestone_due': '合作《{demand}》的里程碑“{milestone}”将于 {dueOn} 到期',
    'notice.milestone_overdue': '合作《{demand}》的里程碑“{milestone}”已逾期（应于 {dueOn} 完成）',
    'notice.signup_approved': '您的企业注册已审核通过，欢迎使用学企',
    'notice.demand_ranks_you': '新发布的需求《{demand}》将您列入前 10 名匹配（第 {rank} 名）',
    'notice.demand_published': '{chain}创新链发布了新需求《{demand}》（{enterprise}）',
    'notice.pair_ready': '《{demand}》的双方均表示有意向，可以接受对接（{enterprise} — {profile}）',
    'notice.import_finished': '导入完成：{importKind}，新增 {created} 条，更新 {updated} 条',
    'notice.signup_waiting': '{enterprise}（{email}）提交了企业注册，等待审核',
    'notice.project_submitted.applied':
      '{enterprise}申请卡脖子项目入库：《{project}》（{chain}创新链），待审核',
    'notice.project_submitted.resubmitted':
      '{enterprise}修改后重新提交了卡脖子项目《{project}》（{chain}创新链），待审核',
    'notice.project_reviewed.admit': '您的卡脖子项目《{project}》已审核通过，入库',
    'notice.project_reviewed.changes': '您的卡脖子项目《{project}》需修改后重新提交：{note}',
    'notice.project_reviewed.reject': '您的卡脖子项目《{project}》未通过审核：{note}',
    'notice.project_supported': '科技局为您的卡脖子项目《{project}》登记了支持：{support}',
    'notice.kind.interest_in_demand': '有人对我的需求表示有意向',
    'notice.kind.interest_in_profile': '企业对我表示有意向',
    'notice.kind.introduced': '工作人员引荐',
    'notice.kind.contact_released': '双方同意、联系方式公开',
    'notice.kind.collaboration_created': '合作建立',
    'notice.kind.collaboration_stage': '合作阶段变化',
    'notice.kind.milestone_due': '里程碑 7 天内到期',
    'notice.kind.milestone_overdue': '里程碑逾期',
    'notice.kind.signup_approved': '注册审核通过',
    'notice.kind.demand_ranks_you': '新需求将我列入前 10 名',
    'notice.kind.demand_published': '本创新链发布新需求',
    'notice.kind.pair_ready': '双方均有意向，可接受对接',
    'notice.kind.import_finished': '名单导入完成',
    'notice.kind.signup_waiting': '企业注册待审核',
    'notice.kind.project_submitted': '卡脖子项目申请或重新提交，待审核',
    'notice.kind.project_reviewed': '我的卡脖子项目审核结果',
    'notice.kind.project_supported': '我的卡脖子项目获得支持',
    'mail.greeting': '{name}，您好：',
    'mail.open': '在学企中查看',
    'mail.footer': '此邮件由学企（XueQi）自动发送。您可以在“通知设置”中选择接收方式：{url}',
    'mail.notice.subject': '学企通知：{sentence}',
    'mail.digest.subject': '学企每日摘要：{count} 条新通知',
    'mail.digest.intro': '过去一天与您有关的通知：',
    'mail.invitation.subject': '学企邀请您开通账号',
    'mail.invitation.body':
      '{inviter} 邀请您以“{role}”身份使用学企——城市校企对接服务。请在 {days} 天内打开下面的链接设置密码（链接仅能使用一次）：',
    'mail.invitation.action': '设置密码并登录',
    'mail.reset.subject': '学企：重设密码',
    'mail.reset.body':
      '有人（希望是您本人）请求重设您在学企的密码。请在 1 小时内打开下面的链接（仅能使用一次）。如果不是您本人的请求，请忽略本邮件，您的密码不会改变。',
    'mail.reset.action': '重设密码',
  },
  en: {
    'notice.interest_in_demand': '{profile} is interested in your demand “{demand}”',
    'notice.interest_in_profile': '{enterprise} is interested in you for the demand “{demand}”',
    'notice.introduced': 'Bureau staff introduced you: “{demand}” ({enterprise} — {profile})',
    'notice.contact_released':
      'Both sides agreed: contact details for “{demand}” are released ({enterprise} — {profile})',
    'notice.collaboration_created': 'A collaboration was created: “{demand}”',
    'notice.collaboration_stage': 'The collaboration “{demand}” moved to a new stage: {stage}',
    'notice.milestone_due': 'The milestone “{milestone}” of “{demand}” is due on {dueOn}',
    'notice.milestone_overdue': 'The milestone “{milestone}” of “{demand}” is overdue (due {dueOn})',
    'notice.signup_approved': 'Your enterprise sign-up was approved: welcome to XueQi',
    'notice.demand_ranks_you': 'The newly published demand “{demand}” ranks you in its top 10 (#{rank})',
    'notice.demand_published': 'A new demand on the {chain} chain: “{demand}” ({enterprise})',
    'notice.pair_ready':
      'Both sides are interested in “{demand}”: the pair is ready to accept ({enterprise} — {profile})',
    'notice.import_finished': 'Import finished: {importKind}, {created} created, {updated} updated',
    'notice.signup_waiting': '{enterprise} ({email}) signed up and waits for approval',
    'notice.project_submitted.applied':
      '{enterprise} applied to the choke-point library: “{project}” ({chain} chain), waiting for review',
    'notice.project_submitted.resubmitted':
      '{enterprise} revised and resubmitted the choke-point project “{project}” ({chain} chain), waiting for review',
    'notice.project_reviewed.admit': 'Your choke-point project “{project}” was admitted to the library',
    'notice.project_reviewed.changes':
      'Your choke-point project “{project}” needs changes before review: {note}',
    'notice.project_reviewed.reject': 'Your choke-point project “{project}” was rejected: {note}',
    'notice.project_supported': 'Support was recorded for your choke-point project “{project}”: {support}',
    'notice.kind.interest_in_demand': 'Someone is interested in my demand',
    'notice.kind.interest_in_profile': 'A firm is interested in me',
    'notice.kind.introduced': 'Staff introduced me',
    'notice.kind.contact_released': 'Both sides agreed, contact released',
    'notice.kind.collaboration_created': 'Collaboration created',
    'notice.kind.collaboration_stage': 'Collaboration changed stage',
    'notice.kind.milestone_due': 'Milestone due within 7 days',
    'notice.kind.milestone_overdue': 'Milestone overdue',
    'notice.kind.signup_approved': 'Sign-up approved',
    'notice.kind.demand_ranks_you': 'A new demand ranks me in its top 10',
    'notice.kind.demand_published': 'New demand on my chain',
    'notice.kind.pair_ready': 'Both sides interested, ready to accept',
    'notice.kind.import_finished': 'Import finished',
    'notice.kind.signup_waiting': 'Sign-up waiting for approval',
    'notice.kind.project_submitted': 'Choke-point application submitted or resubmitted',
    'notice.kind.project_reviewed': 'My choke-point project reviewed',
    'notice.kind.project_supported': 'Support recorded for my choke-point project',
    'mail.greeting': 'Dear {name},',
    'mail.open': 'Open in XueQi',
    'mail.footer':
      'Sent by XueQi (学企). Choose how you receive notices under “Notification settings”: {url}',
    'mail.notice.subject': 'XueQi: {sentence}',
    'mail.digest.subject': 'XueQi daily digest: {count} new notices',
    'mail.digest.intro': 'The notices of the past day that concern you:',
    'mail.invitation.subject': 'You are invited to XueQi',
    'mail.invitation.body':
      '{inviter} invites you to XueQi, the city’s university–enterprise matching service, as “{role}”. Open the link below within {days} days to set your password (it works once):',
    'mail.invitation.action': 'Set your password and sign in',
    'mail.reset.subject': 'XueQi: reset your password',
    'mail.reset.body':
      'Someone (we hope you) asked to reset your XueQi password. Open the link below within 1 hour (it works once). If it was not you, ignore this mail: your password stays as it is.',
    'mail.reset.action': 'Reset your password',
  },
};

export type NoticeLocale = keyof typeof noticeMessages;

/** Fills a sentence's `{name}` placeholders; a missing key shows itself rather than a blank. */
export function noticeText(locale: NoticeLocale, key: string, params: Record<string, unknown> = {}): string {
  const catalogue: Record<string, string> = noticeMessages[locale];
  const template = catalogue[key] ?? (noticeMessages['zh-CN'] as Record<string, string>)[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

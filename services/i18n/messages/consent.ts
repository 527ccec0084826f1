/** Messages of consent at accept: both sides' interest in the portal, or an agreement staff recorded outside it. */
export const consentMessages = {
  'zh-CN': {
    'consent.refused.noConsent':
      '双方尚未都在平台上表示有意向，也没有登记线下达成的一致意见，不能确认达成。请先登记双方的确认。',
    'consent.refused.alreadyRecorded': '该匹配对已登记过线下一致意见。',
    'consent.validation.agreedInFuture': '达成日期不能晚于今天。',
    'consent.record': '登记线下达成的一致意见',
    'consent.recordExplain':
      '双方在平台外（电话、面谈、邮件、函件）确认同意对接时，在此登记；登记后可确认达成并向双方公开联系方式。',
    'consent.enterpriseConfirmedBy': '企业方确认人',
    'consent.universityConfirmedBy': '高校方确认人',
    'consent.channel': '确认方式',
    'consent.agreedOn': '达成日期',
    'consent.note': '备注',
    'consent.done.recorded': '已登记双方的一致意见，现在可以确认达成。',
    'consent.basis': '双方同意',
    'consent.basis.portal_interest': '双方均在平台上表示有意向',
    'consent.basis.recorded_agreement': '工作专班登记的线下一致意见',
    'consent.agreementLine': '{enterprise}（企业）与 {university}（高校）于 {date} 经{channel}确认',
    'consent.badge.recorded': '已登记线下一致意见',
  },
  en: {
    'consent.refused.noConsent':
      'Both sides have not said they are interested in the portal, and no agreement reached outside it is recorded: the pair cannot be accepted. Record both sides’ confirmation first.',
    'consent.refused.alreadyRecorded': 'An agreement is already recorded for this pair.',
    'consent.validation.agreedInFuture': 'The date agreed cannot be after today.',
    'consent.record': 'Record an agreement reached outside the portal',
    'consent.recordExplain':
      'When both sides confirmed outside the portal (phone, meeting, email, letter), record it here; the pair can then be accepted and both sides see each other’s contact details.',
    'consent.enterpriseConfirmedBy': 'Confirmed for the enterprise by',
    'consent.universityConfirmedBy': 'Confirmed for the university by',
    'consent.channel': 'How',
    'consent.agreedOn': 'Date agreed',
    'consent.note': 'Note',
    'consent.done.recorded': 'The agreement is recorded; the pair can now be accepted.',
    'consent.basis': 'Consent',
    'consent.basis.portal_interest': 'Both sides said interested in the portal',
    'consent.basis.recorded_agreement': 'An agreement outside the portal, recorded by the task force',
    'consent.agreementLine':
      '{enterprise} (enterprise) and {university} (university) confirmed by {channel} on {date}',
    'consent.badge.recorded': 'Agreement recorded',
  },
};

/** Messages of the portal's defences: refused input, upload limits, login limits, outages. */
export const hardeningMessages = {
  'zh-CN': {
    'input.control_character': '“{field}”中含有不允许的控制字符（如 NUL），请删除后重新提交。',
    'input.unpaired_surrogate': '“{field}”中含有无效的 Unicode 字符（孤立的代理项），请删除后重新提交。',
    'input.type': '“{field}”的值类型不对：这里应是文字或数字。',
    'error.fieldProblem': '{field}：{message}',
    'error.503.heading': '服务暂时不可用',
    'error.503.message': '数据库暂时无法连接，您的操作没有被执行。请稍候约 {seconds} 秒后刷新页面重试。',
    'error.retry': '重试',
  },
  en: {
    'input.control_character':
      '"{field}" contains a control character that is not allowed (such as NUL); remove it and send again.',
    'input.unpaired_surrogate':
      '"{field}" contains an invalid Unicode character (an unpaired surrogate); remove it and send again.',
    'input.type': 'The value of "{field}" has the wrong type: text or a number belongs here.',
    'error.fieldProblem': '{field}: {message}',
    'error.503.heading': 'Service unavailable',
    'error.503.message':
      'The database cannot be reached right now and nothing was done. Wait about {seconds} seconds, then reload the page.',
    'error.retry': 'Try again',
  },
} as const;

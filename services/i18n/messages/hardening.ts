/** Messages of the portal's defences: refused input, upload limits, login limits, outages. */
export const hardeningMessages = {
  'zh-CN': {
    'input.control_character': '“{field}”中含有不允许的控制字符（如 NUL），请删除后重新提交。',
    'input.unpaired_surrogate': '“{field}”中含有无效的 Unicode 字符（孤立的代理项），请删除后重新提交。',
    'input.type': '“{field}”的值类型不对：这里应是文字或数字。',
    'error.503.heading': '服务暂时不可用',
    'error.503.message': '数据库暂时无法连接，您的操作没有被执行。请稍候约 {seconds} 秒后刷新页面重试。',
    'error.retry': '重试',
    'login.failed.waitSeconds': '该账号在此网络上的登录失败次数过多，请 {seconds} 秒后再试。',
    'login.failed.waitMinutes': '该账号在此网络上的登录失败次数过多，请 {minutes} 分钟后再试。',
    'upload.tooLarge': '文件超过 {maxMegabytes} MB 的上传上限，请拆分成几个文件后分别上传。',
    'admin.notSelfDisable': '管理员不能停用自己的账号。',
    'admin.lastAdmin': '这是最后一位在用的管理员，不能停用或取消其管理员身份。',
    'logins.locked.title': '被限制的登录',
    'logins.locked.explain':
      '同一账号在同一地址连续输错密码后，每次重试需等待的时间逐次加倍；账号本人在其他地址或曾登录过的设备上不受影响。',
    'logins.locked.address': '地址',
    'logins.locked.failures': '失败次数',
    'logins.locked.until': '限制至',
    'logins.locked.unlock': '解除限制',
    'logins.locked.none': '目前没有被限制的登录。',
    'logins.done.unlocked': '已解除该账号的登录限制。',
  },
  en: {
    'input.control_character':
      '"{field}" contains a control character that is not allowed (such as NUL); remove it and send again.',
    'input.unpaired_surrogate':
      '"{field}" contains an invalid Unicode character (an unpaired surrogate); remove it and send again.',
    'input.type': 'The value of "{field}" has the wrong type: text or a number belongs here.',
    'error.503.heading': 'Service unavailable',
    'error.503.message':
      'The database cannot be reached right now and nothing was done. Wait about {seconds} seconds, then reload the page.',
    'error.retry': 'Try again',
    'login.failed.waitSeconds':
      'Too many failed logins for this account from this network; try again in {seconds} seconds.',
    'login.failed.waitMinutes':
      'Too many failed logins for this account from this network; try again in {minutes} minutes.',
    'upload.tooLarge':
      'The file is over the {maxMegabytes} MB upload limit; split it into several files and upload each.',
    'admin.notSelfDisable': 'An administrator cannot disable their own account.',
    'admin.lastAdmin': 'This is the last active administrator: the account cannot be disabled or made staff.',
    'logins.locked.title': 'Limited logins',
    'logins.locked.explain':
      'After repeated wrong passwords for one account from one address, each next try waits twice as long; the account owner elsewhere, or on a device they logged in from before, is not affected.',
    'logins.locked.address': 'Address',
    'logins.locked.failures': 'Failures',
    'logins.locked.until': 'Limited until',
    'logins.locked.unlock': 'Lift the limit',
    'logins.locked.none': 'No logins are limited now.',
    'logins.done.unlocked': 'The limits on this account were lifted.',
  },
} as const;

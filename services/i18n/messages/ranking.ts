/** Messages of rankings kept in step with the change feed. */
export const rankingMessages = {
  'zh-CN': {
    'ranking.updating': '排名正在更新：您刚保存的内容已存好，稍后刷新即可看到最新排名。',
  },
  en: {
    'ranking.updating':
      'The ranking is being updated: what you saved is stored; refresh in a moment to see the latest ranking.',
  },
};

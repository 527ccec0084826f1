/**
 * Stop words. Short on purpose: only function words and the boilerplate of demands and
 * profiles; generic technical words (技术, 系统, material) are left to idf, which weighs them
 * by the collection instead of by guess.
 */

export const ENGLISH_STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are as at be because been before being
  below between both but by can could did do does doing down during each etc few for from further had
  has have having he her here hers him his how i if in into is it its itself just may me might more most
  must my no nor not now of off on once only or other our ours out over own per same she should so some
  such than that the their theirs them then there these they this those through to too under until up
  upon us use used using very via was we were what when where which while who whom why will with within
  without would you your yours based new study research develop developed development method methods
  approach including include includes toward towards well e g ie eg`
    .split(/\s+/)
    .filter(Boolean),
);

export const CHINESE_STOP_WORDS: ReadonlySet<string> = new Set(
  `的 了 和 与 及 或 在 是 对 为 等 其 将 由 从 并 而 且 以 于 之 也 就 都 被 把 让 向 给 中 上 下 内 外
  所 该 此 这 那 个 种 各 每 我 我们 你 您 他 她 它 他们 本 我司 公司 企业 需求 需要 希望 能够 可以 可 能
  进行 通过 基于 针对 面向 关于 有关 相关 以及 并且 或者 如何 一个 一种 一些 主要 具有 实现 开展 提供
  目前 现有 已经 已 正在 方面 方向 领域 问题 情况 要求 提出 提高 提升 解决 用于 采用 利用 包括 包含
  其中 同时 进一步 具备 拥有 负责 从事 担任 作为 等等 年 月 日 项 篇 人 名`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Characters that join Chinese phrases (的, 和, 与 …). A character bigram that contains one
 * straddles two words and matches by accident, so it is not indexed.
 */
export const CHINESE_JOINER_CHARACTERS: ReadonlySet<string> = new Set(
  '的了和与及或在是对为等其将由从并而且以于之也就都被把让向给'.split(''),
);

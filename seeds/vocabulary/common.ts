/**
 * Words no chain owns: people's names, places, and the general research and business phrases that
 * every profile and demand carries. They add realistic noise that a matcher has to see past.
 */

/** Common Chinese surnames, weighted roughly by how often they occur in Shandong. */
export const SURNAMES: readonly (readonly [string, number])[] = [
  ['王', 10],
  ['张', 9],
  ['李', 9],
  ['刘', 7],
  ['陈', 5],
  ['杨', 4],
  ['赵', 4],
  ['孙', 4],
  ['于', 4],
  ['周', 3],
  ['徐', 3],
  ['高', 3],
  ['曲', 3],
  ['姜', 3],
  ['丛', 2],
  ['鞠', 2],
  ['毕', 2],
  ['宋', 2],
  ['郭', 2],
  ['林', 2],
  ['马', 2],
  ['吴', 2],
  ['邹', 2],
  ['谭', 1],
  ['董', 2],
  ['梁', 1],
  ['韩', 2],
  ['唐', 1],
  ['冯', 1],
  ['程', 1],
  ['曹', 1],
  ['袁', 1],
  ['田', 1],
  ['汤', 1],
  ['蔡', 1],
  ['潘', 1],
  ['夏', 1],
  ['牟', 1],
  ['初', 1],
  ['隋', 1],
  ['慕', 1],
  ['谷', 1],
  ['崔', 1],
  ['苗', 1],
  ['邵', 1],
];

/** Characters used in given names; a name is one or two of them. */
export const GIVEN_NAME_CHARACTERS: readonly string[] = [
  ...'伟 芳 娜 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 秀 霞 平 刚 桂 英 华 玉 萍 红 鹏 飞 宁 晨 浩 宇 博 文 斌 辉 健 凯 琳 雪 婷 倩 颖 睿 轩 涵 晓 海 峰 波 东 亮 林 松 帆 然 成 志 国 建 新 春 梅 兰 斐 彤 琦 昊 昕 岩 莉 蕾 瑞 鑫 毅 晶 昭 慧'.split(
    ' ',
  ),
];

export const WEIHAI_DISTRICTS: readonly string[] = [
  '环翠区',
  '文登区',
  '荣成市',
  '乳山市',
  '火炬高技术产业开发区',
  '经济技术开发区',
  '临港经济技术开发区',
  '南海新区',
];

export const ROAD_NAMES: readonly string[] = [
  '海滨路',
  '青岛路',
  '文化路',
  '世昌大道',
  '统一路',
  '黄河街',
  '深圳路',
  '昆明路',
  '大连路',
  '齐鲁大道',
  '初村北海路',
  '香港路',
  '天津路',
  '科技路',
  '工业新区路',
  '沈阳路',
  '珠海路',
  '兴海路',
  '火炬路',
  '凤林路',
];

/** Syllables for synthetic brand names. Real famous firms of the city are deliberately avoided below. */
export const BRAND_CHARACTERS: readonly string[] = [
  ...'泓 瀚 博 睿 润 鼎 晟 祥 盛 远 恒 科 嘉 泰 宏 达 信 蓝 卓 航 锦 澜 帆 岳 鸿 源 诚 创 迈 拓 昇 越 耀 麒 骏 宸 翔 浦 汇 凯 沃 腾 川 屿'.split(
    ' ',
  ),
];

/** Two-character brands that are (or look like) real Weihai companies; synthetic names never use them. */
export const REAL_BRANDS_TO_AVOID: readonly string[] = [
  '光威',
  '威高',
  '迪尚',
  '三角',
  '好当家',
  '赤山',
  '泰祥',
  '家家悦',
  '华东',
  '文隆',
  '广泰',
  '天润',
  '三进',
  '蓝创',
  '海大',
  '鸿源',
  '宏达',
  '泰达',
];

/** Research phrases any profile may carry, whatever its field. */
export const GENERAL_RESEARCH_PHRASES: readonly string[] = [
  '产学研合作',
  '关键技术攻关',
  '工程化应用',
  '成果转化',
  '实验表征',
  '性能评价',
  '机理研究',
  '工艺优化',
  '理论建模',
  '标准制定',
];

/** Sources of funding named in projects. */
export const FUNDING_SOURCES: readonly string[] = [
  '国家自然科学基金面上项目',
  '国家自然科学基金青年基金项目',
  '国家重点研发计划课题',
  '山东省重点研发计划',
  '山东省自然科学基金',
  '威海市科技发展计划',
  '企业委托横向课题',
  '泰山学者工程专项',
];

/** Journals named in paper summaries; the English ones stand beside English titles. */
export const JOURNALS_ZH: readonly string[] = [
  '材料导报',
  '机械工程学报',
  '中国造船',
  '复合材料学报',
  '化工学报',
  '中国海洋大学学报',
  '电子学报',
  '食品科学',
];
/** English journals by chain, so an English paper names a venue of its own field. */
export const JOURNALS_EN: Readonly<Record<string, readonly string[]>> = {
  medical: ['Acta Biomaterialia', 'Biomaterials', 'Journal of Controlled Release'],
  carbon_fiber: ['Composites Part B', 'Composites Science and Technology', 'Carbon'],
  marine_equipment: ['Ocean Engineering', 'Marine Structures', 'Applied Ocean Research'],
  special_vehicle: ['Vehicle System Dynamics', 'Thin-Walled Structures', 'IEEE Trans. Vehicular Technology'],
  info_tech: ['IEEE Access', 'IEEE Internet of Things Journal', 'Pattern Recognition'],
  new_energy: ['Applied Energy', 'Journal of Power Sources', 'Renewable Energy'],
  marine_bio: ['Food Chemistry', 'Aquaculture', 'Marine Drugs'],
  fishing_tackle: ['Fisheries Research', 'Materials & Design', 'Wear'],
};

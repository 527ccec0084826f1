import type { Locale } from './imports.types.js';

type Params = Record<string, string | number>;
type Message = (params: Params) => { zh: string; en: string };

/**
 * Every problem an import can report, in both languages. Codes are stable (the portal and tests key on
 * them); wording can change.
 */
const MESSAGES = {
  file_empty: () => ({ zh: '文件是空的', en: 'The file is empty' }),
  file_unreadable: (p) => ({
    zh: `无法读取 XLSX 文件，文件可能已损坏或不完整（${p.reason}）。请在 Excel 中打开后重新保存为 .xlsx`,
    en: `The XLSX file cannot be read; it may be corrupt or truncated (${p.reason}). Open it in Excel and save it again as .xlsx`,
  }),
  limit_uncompressedBytes: (p) => ({
    zh: `工作簿解压后超过 ${Math.round(Number(p.max) / 1024 / 1024)} MB 的上限，不予读取。请拆分成几个文件分别导入`,
    en: `The workbook inflates past the ${Math.round(Number(p.max) / 1024 / 1024)} MB limit and was not read; split it into several files`,
  }),
  limit_rowsPerSheet: (p) => ({
    zh: `工作表超过每表 ${Number(p.max).toLocaleString('en')} 行的上限，不予读取。请拆分后分别导入`,
    en: `A sheet has more than the limit of ${Number(p.max).toLocaleString('en')} rows and was not read; split it into several files`,
  }),
  limit_cells: (p) => ({
    zh: `工作簿超过 ${Number(p.max).toLocaleString('en')} 个单元格的上限，不予读取`,
    en: `The workbook has more than the limit of ${Number(p.max).toLocaleString('en')} cells and was not read`,
  }),
  limit_sharedStrings: (p) => ({
    zh: `工作簿的共享字符串表超过 ${Number(p.max).toLocaleString('en')} 项的上限，不予读取`,
    en: `The workbook's shared-string table has more than the limit of ${Number(p.max).toLocaleString('en')} entries and was not read`,
  }),
  limit_xmlDepth: (p) => ({
    zh: `工作簿的 XML 嵌套超过 ${p.max} 层的上限，文件不是正常的 Excel 文件`,
    en: `The workbook's XML nests deeper than the limit of ${p.max} levels; it is not an ordinary Excel file`,
  }),
  limit_zipEntries: (p) => ({
    zh: `工作簿包含的部件超过 ${p.max} 个的上限，不予读取`,
    en: `The workbook has more than the limit of ${p.max} parts and was not read`,
  }),
  file_too_complex: (p) => ({
    zh: `读取该文件所需内存超过 ${p.heap} MB 的上限，已停止。请拆分成几个文件分别导入`,
    en: `Reading this file needs more than the ${p.heap} MB memory limit and was stopped; split it into several files`,
  }),
  import_busy: (p) => ({
    zh: `服务器正在处理其他 ${p.running} 个导入，请约一分钟后重试`,
    en: `The server is busy with ${p.running} other imports; try again in about a minute`,
  }),
  file_legacy_xls: () => ({
    zh: '这是旧版 Excel 97-2003（.xls）文件，请另存为 .xlsx 或 CSV 后再导入',
    en: 'This is an old Excel 97-2003 (.xls) file; save it as .xlsx or CSV and import that',
  }),
  encoding_unknown: () => ({
    zh: 'CSV 文件的编码无法识别：既不是 UTF-8 也不是 GB18030/GBK。请在 Excel 中另存为“CSV UTF-8（逗号分隔）”',
    en: 'The CSV file is neither UTF-8 nor GB18030/GBK. In Excel, save it as "CSV UTF-8 (Comma delimited)"',
  }),
  csv_unclosed_quote: (p) => ({
    zh: `第 ${p.row} 行开始的引号没有闭合，文件可能被截断`,
    en: `A quote opened on row ${p.row} is never closed; the file may be truncated`,
  }),
  no_sheet_with_data: () => ({
    zh: '工作簿中没有任何有数据的工作表',
    en: 'No sheet in the workbook holds any data',
  }),
  sheet_not_named: (p) => ({
    zh: `没有名为“${p.expected}”的工作表，已使用“${p.used}”`,
    en: `No sheet is named "${p.expected}"; used "${p.used}"`,
  }),
  header_not_found: (p) => ({
    zh: `在前 ${p.rows} 行中找不到表头：没有一列能对应到${p.list}的字段。请使用模板中的列名`,
    en: `No header row in the first ${p.rows} rows: no column matches a field of the ${p.list}. Use the template's column names`,
  }),
  looks_like_other_list: (p) => ({
    zh: `这个工作表看起来是${p.other}，而不是${p.list}`,
    en: `This sheet looks like the ${p.other}, not the ${p.list}`,
  }),
  required_column_missing: (p) => ({
    zh: `缺少必填列“${p.column}”`,
    en: `The required column "${p.column}" is missing`,
  }),
  unknown_column: (p) => ({
    zh: `不认识的列“${p.column}”，已忽略`,
    en: `Unknown column "${p.column}" ignored`,
  }),
  duplicate_column: (p) => ({
    zh: `“${p.column}”与第 ${p.first} 列对应同一字段，已忽略此列`,
    en: `"${p.column}" maps to the same field as column ${p.first}; this column is ignored`,
  }),
  no_data_rows: () => ({ zh: '只有表头，没有数据行', en: 'The sheet has headers but no data rows' }),
  cell_control_character: (p) => ({
    zh: `“${p.column}”中含有不允许的控制字符（如 NUL），请在表格中删除后重新导入`,
    en: `"${p.column}" contains a control character that is not allowed (such as NUL); remove it and import again`,
  }),
  cell_unpaired_surrogate: (p) => ({
    zh: `“${p.column}”中含有无效的 Unicode 字符（孤立的代理项）`,
    en: `"${p.column}" contains an invalid Unicode character (an unpaired surrogate)`,
  }),
  required_value_missing: (p) => ({ zh: `“${p.column}”不能为空`, en: `"${p.column}" must not be empty` }),
  invalid_choice: (p) => ({
    zh: `“${p.value}”不是有效的${p.column}，可选：${p.allowedZh}`,
    en: `"${p.value}" is not a valid ${p.column}; allowed: ${p.allowedEn}`,
  }),
  invalid_boolean: (p) => ({
    zh: `“${p.value}”应为“是”或“否”`,
    en: `"${p.value}" should be yes or no`,
  }),
  invalid_integer: (p) => ({
    zh: `“${p.value}”应为 ${p.min} 到 ${p.max} 之间的整数`,
    en: `"${p.value}" should be a whole number from ${p.min} to ${p.max}`,
  }),
  invalid_date: (p) => ({
    zh: `“${p.value}”不是可识别的日期，请写成 2024-03-01、2024/3/1 或 2024年3月1日`,
    en: `"${p.value}" is not a date; write it as 2024-03-01, 2024/3/1 or 2024年3月1日`,
  }),
  invalid_budget: (p) => ({
    zh: `“${p.value}”不是有效的预算（万元），请写成 50-200、100，或分列填写下限和上限`,
    en: `"${p.value}" is not a budget in 万元; write 50-200 or 100, or use separate min and max columns`,
  }),
  budget_order: (p) => ({
    zh: `预算下限 ${p.min} 大于上限 ${p.max}`,
    en: `The budget's minimum ${p.min} is above its maximum ${p.max}`,
  }),
  invalid_email: (p) => ({
    zh: `“${p.value}”不是有效的邮箱地址`,
    en: `"${p.value}" is not a valid email address`,
  }),
  invalid_phone: (p) => ({
    zh: `“${p.value}”不是有效的电话号码，请写成 0631-5687123 或 13800138000`,
    en: `"${p.value}" is not a telephone number; write it as 0631-5687123 or 13800138000`,
  }),
  too_long: (p) => ({
    zh: `“${p.column}”过长，最多 ${p.max} 个字符`,
    en: `"${p.column}" is too long: at most ${p.max} characters`,
  }),
  too_many_directions: (p) => ({
    zh: `“${p.column}”最多 ${p.max} 项`,
    en: `"${p.column}" holds at most ${p.max} entries`,
  }),
  invalid_value: (p) => ({
    zh: `“${p.value}”不是有效的${p.column}`,
    en: `"${p.value}" is not a valid ${p.column}`,
  }),
  formula_without_result: () => ({
    zh: '公式单元格没有计算结果，请在 Excel 中重新计算并保存，或改为填写数值',
    en: 'A formula cell has no computed result; recalculate and save in Excel, or type the value',
  }),
  cell_error: (p) => ({ zh: `单元格为错误值 ${p.value}`, en: `The cell holds the error ${p.value}` }),
  unknown_university: (p) => ({
    zh: `系统中没有高校“${p.value}”`,
    en: `No university "${p.value}" is known`,
  }),
  unknown_team: (p) => ({
    zh: `${p.university}没有名为“${p.value}”的团队，请先导入团队名单`,
    en: `${p.university} has no team "${p.value}"; import the teams list first`,
  }),
  unknown_enterprise: (p) => ({
    zh: `系统中没有企业“${p.value}”，请先导入企业名单`,
    en: `No enterprise "${p.value}" is known; import the enterprises list first`,
  }),
  unknown_faculty: (p) => ({
    zh: `${p.university}没有教师“${p.value}”，请先导入教师名单`,
    en: `${p.university} has no faculty member "${p.value}"; import the faculty roster first`,
  }),
  ambiguous_faculty: (p) => ({
    zh: `${p.university}有多位教师名为“${p.value}”，请填写所属团队以区分`,
    en: `${p.university} has several faculty named "${p.value}"; give the team to tell them apart`,
  }),
  chain_not_configured: (p) => ({
    zh: `创新链“${p.value}”尚未在系统中建立`,
    en: `The chain "${p.value}" is not set up in the system yet`,
  }),
  owner_missing: () => ({
    zh: '成果需要填写所属团队或完成教师（至少一项）',
    en: 'A result needs an owner team or an owner faculty member (at least one)',
  }),
  leader_not_found: (p) => ({
    zh: `负责人“${p.value}”不在该校教师名单中，暂不设置（导入教师名单后再导入一次即可）`,
    en: `Leader "${p.value}" is not among the university's faculty; left unset (import again after the roster)`,
  }),
  duplicate_row: (p) => ({
    zh: `与第 ${p.first} 行是同一条记录（${p.key}），请合并或删除其中一行`,
    en: `Same record as row ${p.first} (${p.key}); merge or delete one of the rows`,
  }),
} satisfies Record<string, Message>;

export type ProblemCode = keyof typeof MESSAGES;

export function formatMessage(code: ProblemCode, params: Params, locale: Locale): string {
  const text = (MESSAGES[code] as Message)(params);
  return locale === 'en' ? text.en : text.zh;
}

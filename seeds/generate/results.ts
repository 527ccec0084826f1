import { enumLabel } from '../../services/i18n/index.js';
import type { IpStatus } from '../../services/shared/enums.js';
import type { SeedFaculty, SeedResult, SeedTeam } from '../city.types.js';
import type { Random } from '../random.js';
import { subtopicByKey } from '../vocabulary/index.js';
import { pad, uniqueValue } from './helpers.js';

const ENDINGS = ['成套技术', '制备技术', '工艺包', '智能系统', '检测装置', '关键部件', '新产品'];
const IP_WEIGHTS: readonly (readonly [IpStatus, number])[] = [
  ['patent_granted', 45],
  ['patent_pending', 25],
  ['software_copyright', 10],
  ['know_how', 15],
  ['none', 5],
];
const READINESS = ['已完成小试', '已完成中试验证', '已有样机', '已在企业试用', '具备批量生产条件'];

/** Results ready for industry (高校可产业化成果): `total` of them, most owned by a team, some by one person. */
export function generateResults(
  random: Random,
  input: { teams: SeedTeam[]; faculty: SeedFaculty[]; total: number },
): SeedResult[] {
  const { teams, faculty, total } = input;
  const results: SeedResult[] = [];
  const keyWidth = Math.max(3, String(total).length);
  const titlesByOwner = new Map<string, Set<string>>();
  const owners = random.shuffle(teams);
  for (let index = 0; index < total; index++) {
    const team = owners[index % owners.length]!;
    // About three in ten results belong to one senior member rather than the team.
    const person = random.chance(0.3)
      ? random.pick(faculty.filter((member) => member.teamKey === team.key && member.title === 'professor'))
      : null;
    const ownerKey = person?.key ?? team.key;
    const taken = titlesByOwner.get(ownerKey) ?? new Set<string>();
    titlesByOwner.set(ownerKey, taken);
    const subtopic = subtopicByKey(random.pick(team.focus));
    const [first, second] = random.sample(subtopic.terms, 2);
    const title = uniqueValue(taken, () => `${random.pick(subtopic.terms)}${random.pick(ENDINGS)}`);
    results.push({
      key: `result:${pad(index + 1, keyWidth)}`,
      ownerTeamKey: person ? null : team.key,
      ownerFacultyKey: person?.key ?? null,
      chain: team.chain,
      title,
      summary: `基于${first}与${second}研究形成的${subtopic.zh}成果，${random.pick(READINESS)}，可面向${enumLabel('zh-CN', 'chain', team.chain)}企业推广应用。`,
      trl: random.int(4, 8),
      ipStatus: random.weighted(IP_WEIGHTS),
    });
  }
  return results;
}

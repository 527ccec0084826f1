import { normalizeKey } from './text-normalization.js';

export interface UniversityRef {
  id: number;
  code: string;
  nameZh: string;
  nameEn: string;
}
export interface TeamRef {
  id: number;
  universityId: number;
  nameZh: string;
  nameEn: string | null;
}
export interface EnterpriseRef {
  id: number;
  name: string;
}
export interface FacultyRef {
  id: number;
  universityId: number;
  teamId: number | null;
  name: string;
}

export interface ReferenceSources {
  chainCodes: string[];
  universities: UniversityRef[];
  teams: TeamRef[];
  enterprises: EnterpriseRef[];
  faculty: FacultyRef[];
}

/**
 * What rows may refer to, loaded once per import (one query a table) and looked up by normalised name,
 * so "哈尔滨工业大学(威海)" finds "哈尔滨工业大学（威海）".
 */
export class ReferenceData {
  readonly chainCodes: ReadonlySet<string>;
  private readonly universityByName = new Map<string, UniversityRef>();
  private readonly teamByName = new Map<string, TeamRef>();
  private readonly enterpriseByName = new Map<string, EnterpriseRef>();
  private readonly facultyByName = new Map<string, FacultyRef[]>();

  constructor(sources: ReferenceSources) {
    this.chainCodes = new Set(sources.chainCodes);
    for (const university of sources.universities) {
      for (const name of [university.code, university.nameEn, university.nameZh]) {
        this.universityByName.set(normalizeKey(name), university);
      }
    }
    for (const team of sources.teams) this.addTeam(team);
    for (const enterprise of sources.enterprises) {
      this.enterpriseByName.set(normalizeKey(enterprise.name), enterprise);
    }
    for (const member of sources.faculty) {
      const key = `${member.universityId}|${normalizeKey(member.name)}`;
      const namesakes = this.facultyByName.get(key);
      if (namesakes) namesakes.push(member);
      else this.facultyByName.set(key, [member]);
    }
  }

  private addTeam(team: TeamRef): void {
    if (team.nameEn) this.teamByName.set(`${team.universityId}|${normalizeKey(team.nameEn)}`, team);
    this.teamByName.set(`${team.universityId}|${normalizeKey(team.nameZh)}`, team);
  }

  findUniversity(text: string): UniversityRef | undefined {
    return this.universityByName.get(normalizeKey(text));
  }

  findTeam(universityId: number, text: string): TeamRef | undefined {
    return this.teamByName.get(`${universityId}|${normalizeKey(text)}`);
  }

  findEnterprise(text: string): EnterpriseRef | undefined {
    return this.enterpriseByName.get(normalizeKey(text));
  }

  /** A faculty member by name in a university; the team, when given, tells namesakes apart. */
  findFaculty(universityId: number, name: string, teamId: number | null): FacultyRef | 'none' | 'ambiguous' {
    const namesakes = this.facultyByName.get(`${universityId}|${normalizeKey(name)}`) ?? [];
    const inTeam = teamId === null ? namesakes : namesakes.filter((member) => member.teamId === teamId);
    const candidates = inTeam.length > 0 ? inTeam : namesakes;
    if (candidates.length === 0) return 'none';
    return candidates.length === 1 ? candidates[0]! : 'ambiguous';
  }
}

import type { SeedUniversity } from '../city.types.js';

/**
 * The universities in Weihai (驻威高校). The list is illustrative: the first nine are the city's real
 * institutions, named because they are public facts; the last two are plausible stand-ins. Every
 * team, person and result attached to them is synthetic. `weight` is a university's share of teams.
 */
export const UNIVERSITIES: readonly (SeedUniversity & { short: string; weight: number })[] = [
  {
    key: 'uni:hitwh',
    code: 'hitwh',
    nameZh: '哈尔滨工业大学（威海）',
    nameEn: 'Harbin Institute of Technology, Weihai',
    short: '哈工大（威海）',
    grantsDoctorates: true,
    weight: 34,
  },
  {
    key: 'uni:sduwh',
    code: 'sduwh',
    nameZh: '山东大学（威海）',
    nameEn: 'Shandong University, Weihai',
    short: '山大（威海）',
    grantsDoctorates: true,
    weight: 30,
  },
  {
    key: 'uni:bjtuwh',
    code: 'bjtuwh',
    nameZh: '北京交通大学威海校区',
    nameEn: 'Beijing Jiaotong University, Weihai Campus',
    short: '北交大威海校区',
    grantsDoctorates: true,
    weight: 14,
  },
  {
    key: 'uni:hrbustrc',
    code: 'hrbustrc',
    nameZh: '哈尔滨理工大学荣成学院',
    nameEn: 'Harbin University of Science and Technology, Rongcheng Campus',
    short: '哈理工荣成学院',
    grantsDoctorates: true,
    weight: 12,
  },
  {
    key: 'uni:tjuwh',
    code: 'tjuwh',
    nameZh: '天津大学威海海洋技术研究院',
    nameEn: 'Tianjin University Weihai Institute of Marine Technology',
    short: '天大威海研究院',
    grantsDoctorates: true,
    weight: 9,
  },
  {
    key: 'uni:sdjtuwh',
    code: 'sdjtuwh',
    nameZh: '山东交通学院威海校区',
    nameEn: 'Shandong Jiaotong University, Weihai Campus',
    short: '山交院威海校区',
    grantsDoctorates: false,
    weight: 12,
  },
  {
    key: 'uni:whvc',
    code: 'whvc',
    nameZh: '威海职业学院',
    nameEn: 'Weihai Vocational College',
    short: '威海职院',
    grantsDoctorates: false,
    weight: 12,
  },
  {
    key: 'uni:sddfvc',
    code: 'sddfvc',
    nameZh: '山东药品食品职业学院',
    nameEn: 'Shandong Drug and Food Vocational College',
    short: '山东药食职院',
    grantsDoctorates: false,
    weight: 9,
  },
  {
    key: 'uni:sdfau',
    code: 'sdfau',
    nameZh: '山东外事职业大学',
    nameEn: 'Shandong Foreign Affairs Vocational University',
    short: '山东外事职大',
    grantsDoctorates: false,
    weight: 7,
  },
  {
    key: 'uni:whovc',
    code: 'whovc',
    nameZh: '威海海洋职业学院',
    nameEn: 'Weihai Ocean Vocational College',
    short: '威海海洋职院',
    grantsDoctorates: false,
    weight: 8,
  },
  {
    key: 'uni:whtc',
    code: 'whtc',
    nameZh: '威海市技师学院',
    nameEn: 'Weihai Technician College',
    short: '威海技师学院',
    grantsDoctorates: false,
    weight: 6,
  },
];

/**
 * Which chains each university's teams lean to, so a food-and-drug college has pharma and marine
 * biology teams rather than shipbuilding ones. Chains not listed get a small base weight.
 */
export const UNIVERSITY_CHAIN_AFFINITY: Readonly<Record<string, readonly string[]>> = {
  'uni:hitwh': ['marine_equipment', 'carbon_fiber', 'info_tech', 'new_energy', 'medical'],
  'uni:sduwh': ['marine_bio', 'medical', 'info_tech', 'new_energy', 'carbon_fiber'],
  'uni:bjtuwh': ['special_vehicle', 'info_tech', 'new_energy'],
  'uni:hrbustrc': ['special_vehicle', 'carbon_fiber', 'info_tech', 'marine_equipment'],
  'uni:tjuwh': ['marine_equipment', 'new_energy', 'marine_bio'],
  'uni:sdjtuwh': ['special_vehicle', 'marine_equipment', 'info_tech'],
  'uni:whvc': ['fishing_tackle', 'special_vehicle', 'info_tech', 'marine_equipment'],
  'uni:sddfvc': ['medical', 'marine_bio'],
  'uni:sdfau': ['info_tech', 'fishing_tackle', 'new_energy'],
  'uni:whovc': ['marine_bio', 'fishing_tackle', 'marine_equipment'],
  'uni:whtc': ['special_vehicle', 'fishing_tackle', 'marine_equipment'],
};

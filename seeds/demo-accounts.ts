import type { UserRole } from '../services/shared/enums.js';

export interface DemoAccount {
  email: string;
  password: string;
  role: UserRole;
  /** What the account is, for the person trying the demo. */
  description: string;
}

/**
 * One login per role, with easy passwords, for trying the demo. They exist only in seeded data;
 * a real deployment imports real users and never runs the seed.
 */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    email: 'enterprise@xueqi.example',
    password: 'enterprise123',
    role: 'enterprise',
    description: '企业用户：一家碳纤维复合材料企业，其技术需求已对接高校团队，产学研合作正在推进',
  },
  {
    email: 'university@xueqi.example',
    password: 'university123',
    role: 'university',
    description: '高校用户：与该企业合作的碳纤维研发团队负责人',
  },
  {
    email: 'staff@xueqi.example',
    password: 'staff123',
    role: 'staff',
    description: '科技局工作人员：碳纤维复合材料创新链工作专班组长',
  },
  {
    email: 'admin@xueqi.example',
    password: 'admin123',
    role: 'admin',
    description: '管理员：账号、角色与批量导入',
  },
];

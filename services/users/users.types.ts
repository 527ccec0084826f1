import type { Locale } from '../i18n/index.js';
import type { UserRole, UserStatus } from '../shared/enums.js';

/** A signed-in person, as the rest of the app sees them: never the password hash. */
export interface User {
  id: number;
  email: string;
  displayName: string;
  role: UserRole;
  status: UserStatus;
  locale: Locale;
  enterpriseId: number | null;
  teamId: number | null;
  facultyId: number | null;
  staffId: number | null;
  createdAt: Date;
  lastLoginAt: Date | null;
}

export interface EnterpriseSignUp {
  email: string;
  password: string;
  displayName: string;
  enterpriseName: string;
  industry: string;
  size: string;
  contactPhone: string;
  chains: string[];
}

import type { UserRole } from '../shared/enums.js';

/** The lists of the bureau people are invited from. */
export const INVITEE_KINDS = ['faculty', 'team_leader', 'staff', 'enterprise'] as const;
export type InviteeKind = (typeof INVITEE_KINDS)[number];

/** Where a person in the lists stands: no account, invited (link sent), or an account active or disabled. */
export type AccountState = 'none' | 'invited' | 'active' | 'pending' | 'disabled';

/** A person of the bureau's lists who can be given an account, with what the account links to. */
export interface Invitee {
  kind: InviteeKind;
  /** The record's id in its list: faculty, team, staff or enterprise. */
  id: number;
  name: string;
  email: string | null;
  /** Where the person belongs: a university and team, a chain, or the firm's name. */
  context: string;
  role: UserRole;
  link: {
    facultyId: number | null;
    teamId: number | null;
    staffId: number | null;
    enterpriseId: number | null;
  };
  state: AccountState;
  /** For an invited person: whether the last link sent has expired. */
  invitationExpired: boolean;
}

export interface InviteeFilter {
  kind: InviteeKind;
  universityId?: number | null;
  /** Only those in this state. */
  state?: AccountState | null;
}

/** What a bulk invitation would do, before it is done. */
export interface BulkInvitePreview {
  toInvite: Invitee[];
  withoutEmail: Invitee[];
  /** Emails the list holds that are not addresses; each named, and skipped. */
  malformedEmail: Invitee[];
  /** The address already belongs to another account. */
  emailTaken: Invitee[];
  alreadyInvited: number;
  withAccount: number;
}

export interface AcceptedInvitation {
  userId: number;
}

/** Why a line of a pasted address list is not invited. */
export type ListedAddressSkip =
  | 'malformed'
  | 'unknown'
  | 'duplicate'
  | 'hasAccount'
  | 'alreadyInvited'
  | 'emailTaken';

/** What inviting a pasted list of addresses would do: who is invited, and each other line with its row. */
export interface ListedAddressPreview {
  toInvite: (Invitee & { row: number })[];
  skipped: { row: number; value: string; reason: ListedAddressSkip }[];
}

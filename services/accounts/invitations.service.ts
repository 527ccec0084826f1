import { type Actor, insertAuditEntries } from '../audit/index.js';
import type { Database } from '../db/index.js';
import { withDomainErrors } from '../db/index.js';
import type { Locale } from '../i18n/index.js';
import { ConflictError, NotFoundError, ValidationError } from '../shared/errors.js';
import { hashPassword } from '../users/index.js';
import { insertUser } from '../users/users.repository.js';
import { invitationSchema, isEmail, parseInput } from '../validation/index.js';
import { queueInvitationMail } from './account-mails.js';
import {
  findInvitationByHash,
  findUserIdByEmail,
  type InvitationRow,
  insertInvitation,
  lockInvitationByHash,
  markInvitationAccepted,
  revokeOpenInvitations,
} from './accounts.repository.js';
import {
  type BulkInvitePreview,
  INVITEE_KINDS,
  type Invitee,
  type InviteeFilter,
  type InviteeKind,
} from './accounts.types.js';
import { passwordProblem } from './password-policy.js';
import { findEmailsWithAccounts, findInvitees } from './people.repository.js';
import { hashToken, looksLikeToken, newToken } from './tokens.js';

/** How long an invitation link works. */
export const INVITATION_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

export function isInviteeKind(value: unknown): value is InviteeKind {
  return typeof value === 'string' && (INVITEE_KINDS as readonly string[]).includes(value);
}

export const listInvitees = (db: Database, filter: InviteeFilter) => findInvitees(db, filter);

/** Why a link does not open, for a page that says so plainly. */
export class TokenRefusedError extends ConflictError {
  constructor(readonly reason: 'unknown' | 'used' | 'expired' | 'revoked') {
    super(`this link is ${reason === 'unknown' ? 'not valid' : reason}`, {
      token: `account.token.${reason}`,
    });
  }
}

/**
 * What every set-password link checks before it touches the database: a token of our shape and a
 * password the policy accepts (typed twice alike); answers the hashes the transaction needs.
 */
export async function readSetPasswordForm(input: {
  token: unknown;
  password: unknown;
  confirmation: unknown;
}): Promise<{ tokenHash: string; passwordHash: string }> {
  if (!looksLikeToken(input.token)) throw new TokenRefusedError('unknown');
  const problem = passwordProblem(input.password, input.confirmation);
  if (problem) throw new ValidationError('password refused', { password: problem });
  return { tokenHash: hashToken(input.token), passwordHash: await hashPassword(String(input.password)) };
}

/** Writes one invitation (revoking any open one to the address), its mail and its audit entry. */
export async function sendInvitation(
  tx: Database,
  actor: Actor,
  person: Invitee,
  email: string,
  locale: Locale,
): Promise<void> {
  await revokeOpenInvitations(tx, email, person);
  const { token, tokenHash } = newToken();
  const invitation = await insertInvitation(tx, {
    email,
    displayName: person.name,
    role: person.role,
    locale,
    ...person.link,
    tokenHash,
    invitedByUserId: actor.userId,
    expiresAt: new Date(Date.now() + INVITATION_DAYS * DAY_MS),
  });
  await queueInvitationMail(tx, {
    to: email,
    name: person.name,
    locale,
    role: person.role,
    inviter: actor.label,
    token,
    days: INVITATION_DAYS,
  });
  await insertAuditEntries(tx, actor, [
    {
      action: person.state === 'invited' ? 'invitation.resent' : 'invitation.sent',
      entityType: 'invitation',
      entityId: invitation.id,
      after: { email, role: person.role, kind: person.kind, personId: person.id },
    },
  ]);
}

/**
 * Invites one person of the lists, or sends their link again (a new link; the old one stops
 * working). The address is the list's unless another is given. Someone with an account is told so.
 */
export async function invitePerson(
  db: Database,
  actor: Actor,
  input: { kind: unknown; id: number; email?: unknown; locale?: unknown },
): Promise<Invitee> {
  if (!isInviteeKind(input.kind)) throw new ValidationError('unknown list', { kind: 'validation.choose' });
  const kind = input.kind;
  const locale: Locale = input.locale === 'en' ? 'en' : 'zh-CN';
  return withDomainErrors(() =>
    db.transaction(async (tx) => {
      const [person] = await findInvitees(tx, { kind }, [input.id]);
      if (!person) throw new NotFoundError('no such person in the list');
      if (person.state !== 'none' && person.state !== 'invited')
        throw new ConflictError('this person already has an account', { email: 'account.invite.hasAccount' });
      const typed = parseInput(invitationSchema, { email: input.email }).email;
      const email = typed || parseInput(invitationSchema, { email: person.email ?? '' }).email;
      if (!email) throw new ValidationError('no email', { email: 'account.invite.noEmail' });
      if (await findUserIdByEmail(tx, email))
        throw new ConflictError('an account already uses this email', { email: 'account.invite.emailTaken' });
      await sendInvitation(tx, actor, person, email, locale);
      return person;
    }),
  );
}

/** Who a bulk invitation of this list would reach, and who it would skip and why. It writes nothing. */
export async function previewBulkInvite(db: Database, filter: InviteeFilter): Promise<BulkInvitePreview> {
  const people = await findInvitees(db, { kind: filter.kind, universityId: filter.universityId ?? null });
  const preview: BulkInvitePreview = {
    toInvite: [],
    withoutEmail: [],
    malformedEmail: [],
    emailTaken: [],
    alreadyInvited: 0,
    withAccount: 0,
  };
  const candidates: Invitee[] = [];
  for (const person of people) {
    // An expired link is as good as none: the bulk invitation sends a new one.
    if (person.state === 'invited' && !person.invitationExpired) preview.alreadyInvited += 1;
    else if (person.state !== 'none' && person.state !== 'invited') preview.withAccount += 1;
    else if (!person.email?.trim()) preview.withoutEmail.push(person);
    else if (!isEmail(person.email.trim().toLowerCase())) preview.malformedEmail.push(person);
    else candidates.push(person);
  }
  const taken = await findEmailsWithAccounts(
    db,
    candidates.map((person) => person.email!.trim()),
  );
  const seen = new Set<string>();
  for (const person of candidates) {
    const email = person.email!.trim().toLowerCase();
    // Two people of one list sharing an address: the first is invited, the second named as taken.
    if (taken.has(email) || seen.has(email)) preview.emailTaken.push(person);
    else preview.toInvite.push(person);
    seen.add(email);
  }
  return preview;
}

/**
 * Invites everyone of a list (optionally one university's) who has an address and no account,
 * in one transaction: all of them, or, if anything fails, none. Those skipped are returned by name.
 */
export async function bulkInvite(
  db: Database,
  actor: Actor,
  filter: InviteeFilter,
  locale: Locale,
): Promise<BulkInvitePreview> {
  return withDomainErrors(() =>
    db.transaction(async (tx) => {
      const preview = await previewBulkInvite(tx, filter);
      for (const person of preview.toInvite)
        await sendInvitation(tx, actor, person, person.email!.trim().toLowerCase(), locale);
      return preview;
    }),
  );
}

function refusalOf(invitation: InvitationRow | null): TokenRefusedError | null {
  if (!invitation) return new TokenRefusedError('unknown');
  if (invitation.acceptedAt) return new TokenRefusedError('used');
  if (invitation.revokedAt) return new TokenRefusedError('revoked');
  if (invitation.expiresAt.getTime() <= Date.now()) return new TokenRefusedError('expired');
  return null;
}

/** The invitation a link opens, for the set-password form; a bad link throws TokenRefusedError. */
export async function findOpenInvitation(
  db: Database,
  token: unknown,
): Promise<{ email: string; displayName: string; role: string }> {
  const invitation = looksLikeToken(token) ? await findInvitationByHash(db, hashToken(token)) : null;
  const refusal = refusalOf(invitation);
  if (refusal) throw refusal;
  return { email: invitation!.email, displayName: invitation!.displayName, role: invitation!.role };
}

/**
 * Accepting: the person sets a password and gets an active account linked to their record in the
 * lists (an imported faculty member to their existing profile). The link is used up in the same
 * transaction, so a second click, or a second tab, is refused.
 */
export async function acceptInvitation(
  db: Database,
  input: { token: unknown; password: unknown; confirmation: unknown },
): Promise<{ userId: number }> {
  const { tokenHash, passwordHash } = await readSetPasswordForm(input);
  return withDomainErrors(() =>
    db.transaction(async (tx) => {
      const invitation = await lockInvitationByHash(tx, tokenHash);
      const refusal = refusalOf(invitation);
      if (refusal) throw refusal;
      const open = invitation!;
      if (await findUserIdByEmail(tx, open.email))
        throw new ConflictError('an account already uses this email', { token: 'account.invite.emailTaken' });
      const user = await insertUser(tx, {
        email: open.email,
        passwordHash,
        displayName: open.displayName,
        role: open.role,
        status: 'active',
        locale: open.locale,
        facultyId: open.facultyId,
        teamId: open.teamId,
        staffId: open.staffId,
        enterpriseId: open.enterpriseId,
      });
      await markInvitationAccepted(tx, open.id, user.id);
      await insertAuditEntries(tx, { userId: user.id, label: user.email }, [
        {
          action: 'invitation.accepted',
          entityType: 'user',
          entityId: user.id,
          after: { email: user.email, role: user.role, invitationId: open.id },
        },
      ]);
      return { userId: user.id };
    }),
  );
}

import type { Actor } from '../audit/index.js';
import type { Database } from '../db/index.js';
import { withDomainErrors } from '../db/index.js';
import type { Locale } from '../i18n/index.js';
import { ValidationError } from '../shared/errors.js';
import { isEmail } from '../shared/validation.js';
import type { InviteeKind, ListedAddressPreview } from './accounts.types.js';
import { sendInvitation } from './invitations.service.js';
import { findEmailsWithAccounts, findInvitees } from './people.repository.js';

/** A pasted list longer than a whole city's faculty roster is a mistake, not a list. */
const MAX_LINES = 5_000;

/**
 * A list of addresses pasted or copied from a spreadsheet column, one per line, checked against one
 * of the bureau's lists: each line is invited, or named with its row and why it is not.
 */
export async function previewListedAddresses(
  db: Database,
  input: { kind: InviteeKind; text: unknown },
): Promise<ListedAddressPreview> {
  const lines = typeof input.text === 'string' ? input.text.split(/\r?\n/) : [];
  if (lines.length > MAX_LINES)
    throw new ValidationError('too many lines', { addresses: 'invitations.addresses.tooMany' });
  const people = await findInvitees(db, { kind: input.kind });
  const byEmail = new Map(
    people.filter((person) => person.email).map((person) => [person.email!.trim().toLowerCase(), person]),
  );
  const preview: ListedAddressPreview = { toInvite: [], skipped: [] };
  const seen = new Set<string>();
  const candidates: ListedAddressPreview['toInvite'] = [];
  for (const [index, line] of lines.entries()) {
    const value = line.trim().replace(/^["']|["',;]+$/g, '');
    if (value === '') continue;
    const row = index + 1;
    const email = value.toLowerCase();
    const person = byEmail.get(email);
    if (!isEmail(email)) preview.skipped.push({ row, value, reason: 'malformed' });
    else if (seen.has(email)) preview.skipped.push({ row, value, reason: 'duplicate' });
    else if (!person) preview.skipped.push({ row, value, reason: 'unknown' });
    else if (person.state === 'invited' && !person.invitationExpired)
      preview.skipped.push({ row, value, reason: 'alreadyInvited' });
    else if (person.state !== 'none' && person.state !== 'invited')
      preview.skipped.push({ row, value, reason: 'hasAccount' });
    else candidates.push({ ...person, row });
    seen.add(email);
  }
  const taken = await findEmailsWithAccounts(
    db,
    candidates.map((person) => person.email!.trim()),
  );
  for (const person of candidates) {
    if (taken.has(person.email!.trim().toLowerCase()))
      preview.skipped.push({ row: person.row, value: person.email!, reason: 'emailTaken' });
    else preview.toInvite.push(person);
  }
  preview.skipped.sort((left, right) => left.row - right.row);
  return preview;
}

/** Invites every good line of the list in one transaction; the others are returned with their rows. */
export async function inviteListedAddresses(
  db: Database,
  actor: Actor,
  input: { kind: InviteeKind; text: unknown; locale: Locale },
): Promise<ListedAddressPreview> {
  return withDomainErrors(() =>
    db.transaction(async (tx) => {
      const preview = await previewListedAddresses(tx, input);
      for (const person of preview.toInvite)
        await sendInvitation(tx, actor, person, person.email!.trim().toLowerCase(), input.locale);
      return preview;
    }),
  );
}

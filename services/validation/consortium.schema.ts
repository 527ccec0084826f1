import * as z from 'zod';
import { CHAIN_CODES, CONSORTIUM_ROLES, CONSORTIUM_STATUSES } from '../shared/enums.js';
import { choice, chosenId, recordId, requiredText, text } from './rules.js';

export const CONSORTIUM_MEMBER_KINDS = ['enterprise', 'team', 'university'] as const;

/** A consortium as staff found it or edit it; a new one is forming unless they say otherwise. */
export const consortiumSchema = z.object({
  name: requiredText(200),
  technologyLine: requiredText(500),
  chainCode: choice(CHAIN_CODES, 'validation.chooseChain'),
  description: text(4_000),
  status: z
    .unknown()
    .optional()
    .transform((status): unknown => (status === undefined || status === '' ? 'forming' : status))
    .pipe(choice(CONSORTIUM_STATUSES)),
  leadEnterpriseId: chosenId(),
});

/** A firm, a university team or a university joining with its role. */
export const consortiumMemberSchema = z.object({
  kind: choice(CONSORTIUM_MEMBER_KINDS),
  memberId: chosenId(),
  role: choice(CONSORTIUM_ROLES),
});

/**
 * A joint task: its title, or the linked demand's when none is typed. Whether the links exist and
 * tell one story is the service's to check, against the database.
 */
export const consortiumTaskSchema = z.object({
  title: text(200),
  description: text(4_000),
  demandId: recordId(),
  collaborationId: recordId(),
  projectId: recordId(),
});

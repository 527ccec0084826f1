import * as z from 'zod';
import { todayInCity } from '../shared/city-date.js';
import { AGREEMENT_CHANNELS } from '../shared/enums.js';
import { choice, pastDate, requiredText, text } from './rules.js';

/** Who confirmed on each side of a pair, how and when, as staff record an agreement made outside the portal. */
export const agreementSchema = z.object({
  enterpriseConfirmedBy: requiredText(100),
  universityConfirmedBy: requiredText(100),
  channel: choice(AGREEMENT_CHANNELS),
  agreedOn: pastDate(todayInCity, 'consent.validation.agreedInFuture'),
  note: text(1_000),
});

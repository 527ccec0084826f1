import * as z from 'zod';
import { COLLABORATION_STAGES } from '../shared/enums.js';
import { choice, isoDate, money, required, requiredText, wholeNumber } from './rules.js';

/** Patents or products counted by hand: six digits is already more than any collaboration yields. */
const count = () => wholeNumber(0, 999_999, 'validation.count').transform((value) => value ?? 0);

/** What a collaboration has yielded, as staff record it. */
export const outcomesSchema = z.object({
  contractValue: money(),
  revenue: money().transform((value) => value ?? 0),
  patentsGranted: count(),
  newProducts: count(),
});

/** A milestone staff set on a collaboration: what is due, at which stage, by when. */
export const milestoneSchema = z.object({
  title: requiredText(200),
  stage: choice(COLLABORATION_STAGES),
  dueOn: required(isoDate()),
});

/** The day a milestone was done; none means today (the service checks it is not after today). */
export const milestoneDoneSchema = z.object({ doneOn: isoDate() });

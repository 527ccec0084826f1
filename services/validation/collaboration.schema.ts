import * as z from 'zod';
import { money, wholeNumber } from './rules.js';

/** Patents or products counted by hand: six digits is already more than any collaboration yields. */
const count = () => wholeNumber(0, 999_999, 'validation.count').transform((value) => value ?? 0);

/** What a collaboration has yielded, as staff record it. */
export const outcomesSchema = z.object({
  contractValue: money(),
  revenue: money().transform((value) => value ?? 0),
  patentsGranted: count(),
  newProducts: count(),
});

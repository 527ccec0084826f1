import { todayInCity } from '../shared/city-date.js';
import { demandSchema, parseInput } from '../validation/index.js';
import type { DemandFields, DemandSubmission } from './demands.types.js';

/**
 * Checks a demand as typed and says every problem at once, as message keys per field. The
 * deadline may stay in the past only if it was already stored so (an old demand being edited).
 */
export function parseDemandInput(
  input: DemandSubmission,
  storedDeadline: string | null = null,
): DemandFields {
  return parseInput(
    demandSchema.check((context) => {
      const { deadline } = context.value;
      if (typeof deadline === 'string' && deadline !== storedDeadline && deadline < todayInCity())
        context.issues.push({
          code: 'custom',
          message: 'validation.datePast',
          path: ['deadline'],
          continue: true,
          input: deadline,
        });
    }),
    input,
  );
}

import * as z from 'zod';
import { CHAIN_CODES, DEMAND_CLASSES, VISIBILITIES } from '../shared/enums.js';
import { budget, budgetRange, choice, isoDate, requiredText, textOrNull, trl } from './rules.js';

export const DEMAND_TITLE_MAX = 120;
export const DEMAND_DESCRIPTION_MAX = 5_000;

/** A demand's fields, one rule each: the portal's form, POST /api/v1/demands and the demands list. */
export const demandFields = {
  title: requiredText(DEMAND_TITLE_MAX),
  titleEn: textOrNull(DEMAND_TITLE_MAX),
  description: requiredText(DEMAND_DESCRIPTION_MAX),
  chainCode: choice(CHAIN_CODES),
  demandClass: choice(DEMAND_CLASSES),
  expectedTrl: trl(),
  budgetMin: budget(),
  budgetMax: budget(),
  deadline: isoDate(),
  visibility: choice(VISIBILITIES),
};

/** A whole demand as a firm or the API submits it. */
export const demandSchema = z.object(demandFields).check(budgetRange);

export type DemandInput = z.output<typeof demandSchema>;

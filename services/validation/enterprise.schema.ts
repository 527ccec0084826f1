import * as z from 'zod';
import { todayInCity } from '../shared/city-date.js';
import { CHAIN_CODES, ENTERPRISE_SIZES, SERVICE_KINDS } from '../shared/enums.js';
import {
  choice,
  chosenId,
  email,
  optionalEmail,
  optionalPhone,
  pastDate,
  requiredText,
  text,
} from './rules.js';

export const ENTERPRISE_NAME_MAX = 120;
export const INDUSTRY_MAX = 60;
export const PERSON_NAME_MAX = 60;
export const ADDRESS_MAX = 200;
export const PROFILE_TEXT_MAX = 5_000;

/**
 * An enterprise's fields, one rule each: the firm's company page, the sign-up form and the
 * enterprises list all write them, so an address or a phone number passes or fails alike in all three.
 */
export const enterpriseFields = {
  name: requiredText(ENTERPRISE_NAME_MAX),
  industry: requiredText(INDUSTRY_MAX),
  size: choice(ENTERPRISE_SIZES),
  description: text(PROFILE_TEXT_MAX),
  address: text(ADDRESS_MAX),
  contactName: requiredText(PERSON_NAME_MAX),
  contactPhone: optionalPhone(),
  contactEmail: optionalEmail(),
};

/** What a firm may change on its own company page (its name is the bureau's record). */
export const companySchema = z.object(enterpriseFields).omit({ name: true });

/** A firm signing itself up: the enterprise, and the person whose account it becomes. */
export const enterpriseSignUpSchema = z.object({
  email: email(),
  enterpriseName: enterpriseFields.name,
  displayName: enterpriseFields.contactName,
  industry: enterpriseFields.industry,
  size: enterpriseFields.size,
  contactPhone: enterpriseFields.contactPhone,
  chains: z
    .array(z.unknown())
    .optional()
    .transform((chains) =>
      (chains ?? []).filter((chain): chain is (typeof CHAIN_CODES)[number] =>
        (CHAIN_CODES as readonly unknown[]).includes(chain),
      ),
    )
    .refine((chains) => chains.length > 0, 'validation.chooseChain'),
});

/** A visit or service a task force gave a firm, logged on the day it happened or later. */
export const enterpriseServiceSchema = z.object({
  enterpriseId: chosenId(),
  servedOn: pastDate(todayInCity),
  kind: choice(SERVICE_KINDS),
  note: text(1_000),
});

import * as z from 'zod';
import { email, optionalEmail, text } from './rules.js';

/** "Forgot password": the address typed, checked by the same email rule as every other form. */
export const passwordResetRequestSchema = z.object({ email: email() });

/** The first administrator (`npm run admin:create`); the name defaults to the address's local part. */
export const administratorSchema = z.object({ email: email(), displayName: text(60) });

/** An invitation's address; none typed means the one the list already holds. */
export const invitationSchema = z.object({ email: optionalEmail() });

import { dictionary } from '@zxcvbn-ts/language-common';

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

/**
 * The 49,000 most common passwords of the leaked-password lists zxcvbn ships, and a few the lists
 * lack but Chinese users pick often. Compared lower-cased: 'Password123' is as weak as 'password123'.
 */
const COMMON_PASSWORDS = new Set([
  ...dictionary['passwords-common'].map((password) => password.toLowerCase()),
  'woaini1314',
  'woaiwojia123',
  '5201314520',
  '1314520520',
  'aini1314520',
  'xueqi12345',
  'xueqi123456',
]);

/** One character repeated, or a run of consecutive digits or letters: as weak as any listed password. */
function isTrivialPattern(password: string): boolean {
  if (/^(.)\1+$/.test(password)) return true;
  const codes = [...password].map((character) => character.charCodeAt(0));
  return codes.every((code, index) => index === 0 || Math.abs(code - codes[index - 1]!) === 1);
}

/**
 * Why a password will not do, as a message key, or null when it is fine. `confirmation` is the
 * second typing of it on a form.
 */
export function passwordProblem(password: unknown, confirmation?: unknown): string | null {
  if (typeof password !== 'string' || password.length < MIN_PASSWORD_LENGTH)
    return 'account.password.tooShort';
  if (password.length > MAX_PASSWORD_LENGTH) return 'account.password.tooLong';
  if (COMMON_PASSWORDS.has(password.toLowerCase()) || isTrivialPattern(password))
    return 'account.password.common';
  if (confirmation !== undefined && confirmation !== password) return 'account.password.mismatch';
  return null;
}

import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';

/**
 * A browser an account has logged in from before carries a signed cookie naming that account. When
 * many addresses guess at an account, its owner's own browser is still let in: what an attacker
 * cannot forge is what keeps the owner from being locked out.
 */
const DEVICE_COOKIE = 'xueqi.device';
const DEVICE_LIFETIME_MS = 180 * 24 * 60 * 60 * 1000;

function signature(secret: string, account: string, nonce: string): string {
  return createHmac('sha256', secret).update(`known-device|${account}|${nonce}`).digest('base64url');
}

function cookieValue(request: Request, name: string): string | null {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return null;
}

export function isKnownDevice(request: Request, account: string, secret: string): boolean {
  const value = cookieValue(request, DEVICE_COOKIE);
  const [nonce, given] = value?.split('.') ?? [];
  if (!nonce || !given || account === '') return false;
  const expected = Buffer.from(signature(secret, account, nonce));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

export function rememberDevice(response: Response, account: string, secret: string, secure: boolean): void {
  const nonce = randomBytes(12).toString('base64url');
  response.cookie(DEVICE_COOKIE, `${nonce}.${signature(secret, account, nonce)}`, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    maxAge: DEVICE_LIFETIME_MS,
  });
}

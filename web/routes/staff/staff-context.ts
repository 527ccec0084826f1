import type { Request, Response } from 'express';
import { chainOfStaff, isChainCode } from '../../../services/admin/index.js';
import type { Database } from '../../../services/db/index.js';
import { enumLabel } from '../../../services/i18n/index.js';
import { CHAIN_CODES, type ChainCode } from '../../../services/shared/enums.js';
import { DomainError, NotFoundError, ValidationError } from '../../../services/shared/errors.js';
import { safeLocalPath } from '../../locale.js';
import { flash } from '../../navigation.js';
import { staffChainOfRequest } from '../../sessions.js';

/**
 * The chain a page shows: the one asked for (`?chain=all` for the whole city), else the chain of
 * the staff member's task force, else the whole city.
 */
export async function chosenChain(db: Database, request: Request): Promise<ChainCode | null> {
  const asked = request.query.chain;
  if (asked === 'all') return null;
  if (isChainCode(asked)) return asked;
  const readWithSession = staffChainOfRequest(request);
  if (readWithSession !== undefined) return isChainCode(readWithSession) ? readWithSession : null;
  return chainOfStaff(db, request.user?.staffId ?? null);
}

export function chainOptions(request: Request, selected: ChainCode | null) {
  return [
    { value: 'all', label: request.t('staff.allChains'), selected: selected === null },
    ...CHAIN_CODES.map((code) => ({
      value: code,
      label: enumLabel(request.locale, 'chain', code),
      selected: code === selected,
    })),
  ];
}

export function optionsOf(
  request: Request,
  kind: string,
  codes: readonly string[],
  selected: unknown = null,
) {
  return codes.map((code) => ({
    value: code,
    label: enumLabel(request.locale, kind, code),
    selected: code === selected,
  }));
}

/** The message key a refused action shows: the one the service named, or the first field's. */
export function messageKeyOf(error: DomainError): string {
  return error.messageKey(error instanceof ValidationError ? 'error.400.message' : 'error.409.message');
}

/**
 * Runs a form's action, then returns to the page it came from with a message: the success key,
 * or why the action was refused. Only domain errors become messages; anything else is a real failure.
 */
export async function actThenReturn(
  request: Request,
  response: Response,
  fallback: string,
  successKey: string,
  action: () => Promise<string | undefined | unknown>,
  /** Where to return when the form's `back` should be refined (the queue adds the row's anchor). */
  returnTo?: string,
): Promise<void> {
  const back =
    returnTo ?? safeLocalPath((request.body as Record<string, unknown> | undefined)?.back, fallback);
  try {
    const destination = await action();
    flash(request, 'success', successKey);
    response.redirect(typeof destination === 'string' ? destination : back);
  } catch (error) {
    if (!(error instanceof DomainError) || error instanceof NotFoundError) throw error;
    flash(request, 'error', messageKeyOf(error));
    response.redirect(back);
  }
}

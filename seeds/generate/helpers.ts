import type { Random } from '../random.js';
import { GIVEN_NAME_CHARACTERS, SURNAMES } from '../vocabulary/common.js';

/** `n` as a zero-padded string, for keys that sort in creation order. */
export function pad(value: number, width = 3): string {
  return String(value).padStart(width, '0');
}

/** A date `days` after (or before) an ISO date, as an ISO date. Pure arithmetic: no clock is read. */
export function addDays(isoDate: string, days: number): string {
  const time = Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000;
  return new Date(time).toISOString().slice(0, 10);
}

/** A day of the given year, uniformly. */
export function dayOfYear(random: Random, year: number): string {
  return addDays(`${year}-01-01`, random.int(0, 364));
}

/**
 * Builds a text from required sentences, then adds optional ones (in order) while it stays within
 * `max` characters, so generated descriptions land in the lengths the portal is designed for.
 */
export function fitText(required: readonly string[], optional: readonly string[], max: number): string {
  let text = required.join('');
  for (const sentence of optional) {
    if (text.length + sentence.length <= max) text += sentence;
  }
  return text;
}

/** A synthetic person's name: a weighted surname and one or two given-name characters. */
export function personName(random: Random): string {
  const surname = random.weighted(SURNAMES);
  const first = random.pick(GIVEN_NAME_CHARACTERS);
  if (random.chance(0.3)) return surname + first;
  let second = random.pick(GIVEN_NAME_CHARACTERS);
  while (second === first) second = random.pick(GIVEN_NAME_CHARACTERS);
  return surname + first + second;
}

/** A name not yet in `taken`, which is updated. */
export function uniquePersonName(random: Random, taken: Set<string>): string {
  for (;;) {
    const name = personName(random);
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}

/** Tries `make` until it gives a value not in `taken` (updated), falling back to a numbered variant. */
export function uniqueValue(taken: Set<string>, make: (attempt: number) => string): string {
  for (let attempt = 0; attempt < 30; attempt++) {
    const value = make(attempt);
    if (!taken.has(value)) {
      taken.add(value);
      return value;
    }
  }
  for (let suffix = 2; ; suffix++) {
    const value = `${make(0)}（${suffix}）`;
    if (!taken.has(value)) {
      taken.add(value);
      return value;
    }
  }
}

/** Splits `total` into `parts` whole numbers between `min` and `max` that add up exactly. */
export function splitTotal(random: Random, total: number, parts: number, min: number, max: number): number[] {
  if (parts * min > total || parts * max < total) throw new Error(`cannot split ${total} into ${parts}`);
  const sizes = Array.from({ length: parts }, () => random.int(min, max));
  let sum = sizes.reduce((a, b) => a + b, 0);
  while (sum !== total) {
    const index = random.int(0, parts - 1);
    if (sum > total && sizes[index]! > min) {
      sizes[index]!--;
      sum--;
    } else if (sum < total && sizes[index]! < max) {
      sizes[index]!++;
      sum++;
    }
  }
  return sizes;
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

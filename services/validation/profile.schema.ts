import * as z from 'zod';
import { IP_STATUSES, WORK_KINDS } from '../shared/enums.js';
import { choice, requiredText, text, trl, wholeNumber } from './rules.js';

export const MAX_DIRECTIONS = 20;
export const DIRECTION_MAX = 40;
export const LONG_TEXT_MAX = 5_000;
export const WORK_TITLE_MAX = 200;
export const SUMMARY_MAX = 2_000;

/**
 * Research directions typed one a line (or separated by commas, 、 or ；), sent as a JSON array, or
 * read from a list's cell: each trimmed, duplicates dropped.
 */
export const directions = () =>
  z
    .unknown()
    .optional()
    .transform((value) => {
      const parts = Array.isArray(value)
        ? value.map((item) => (typeof item === 'string' ? item : ''))
        : typeof value === 'string'
          ? value.split(/[\n\r,，、;；]+/)
          : [];
      return [...new Set(parts.map((part) => part.normalize('NFC').trim()).filter(Boolean))];
    })
    .pipe(
      z
        .array(z.string().max(DIRECTION_MAX, 'validation.tooLong'))
        .max(MAX_DIRECTIONS, 'validation.tooManyDirections'),
    );

const requiredDirections = () => directions().refine((list) => list.length > 0, 'validation.required');

export const teamFields = {
  description: requiredText(LONG_TEXT_MAX),
  researchDirections: requiredDirections(),
};
export const teamSchema = z.object(teamFields);

/** A faculty member's own page, and the roster's columns for the same fields. */
export const facultyFields = {
  bio: text(LONG_TEXT_MAX),
  researchDirections: requiredDirections(),
};
export const facultySchema = z.object(facultyFields);

export const workSchema = z.object({
  kind: choice(WORK_KINDS),
  title: requiredText(WORK_TITLE_MAX),
  summary: text(SUMMARY_MAX),
  year: wholeNumber(1950, 2100, 'validation.year'),
});

/** A result ready for industry, from a profile page or the results list. */
export const resultFields = {
  title: requiredText(WORK_TITLE_MAX),
  summary: text(SUMMARY_MAX),
  trl: trl(),
  ipStatus: choice(IP_STATUSES),
};
export const resultSchema = z.object(resultFields);

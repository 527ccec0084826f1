import { facultySchema, parseInput, resultSchema, teamSchema, workSchema } from '../validation/index.js';
import type { ResultFields, WorkFields } from './profiles.repository.js';
import type { Submission } from './profiles.types.js';

export const parseTeamInput = (input: Submission) => parseInput(teamSchema, input);
export const parseFacultyInput = (input: Submission) => parseInput(facultySchema, input);
export const parseWorkInput = (input: Submission): WorkFields => parseInput(workSchema, input);
export const parseResultInput = (input: Submission): ResultFields => parseInput(resultSchema, input);

export * from './collaboration.schema.js';
export * from './consortium.schema.js';
export * from './demand.schema.js';
export * from './enterprise.schema.js';
export { cleanText, FieldProblems, parseOptionalDate, parseOptionalInteger } from './field-problems.js';
export * from './profile.schema.js';
export * from './project.schema.js';
export * from './rules.js';
export { checkFields, fieldProblemsOf, parseInput } from './validate.js';

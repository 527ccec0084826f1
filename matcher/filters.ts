import type { MatchAttributes, MatchFilters } from './types.js';

function oneOf(wanted: string | string[] | undefined, actual: string | undefined): boolean {
  if (wanted === undefined) return true;
  if (actual === undefined) return false;
  return Array.isArray(wanted) ? wanted.includes(actual) : wanted === actual;
}

/** A predicate on a document's attributes, or undefined when nothing is filtered. */
export function compileFilters(
  filters: MatchFilters | undefined,
): ((attributes: MatchAttributes | undefined) => boolean) | undefined {
  if (!filters) return undefined;
  const { chain, university, title, doctoralSupervisor } = filters;
  if (
    chain === undefined &&
    university === undefined &&
    title === undefined &&
    doctoralSupervisor === undefined
  ) {
    return undefined;
  }
  return (attributes) =>
    oneOf(chain, attributes?.chain) &&
    oneOf(university, attributes?.university) &&
    oneOf(title, attributes?.title) &&
    (doctoralSupervisor === undefined || (attributes?.doctoralSupervisor ?? false) === doctoralSupervisor);
}

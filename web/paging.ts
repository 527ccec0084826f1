/** The matcher's score (0–1) as every page shows it: a whole number from 0 to 100. */
export function scorePoints(score: number): number {
  if (!Number.isFinite(score)) return 0;
  return Math.min(100, Math.max(0, Math.round(score * 100)));
}

export interface Pager {
  page: number;
  pages: number;
  previous: string | null;
  next: string | null;
  /** A few page numbers around the current one, with the first and last, gaps marked. */
  links: { page: number; href: string; current: boolean; gap: boolean }[];
}

/** Links to the pages of a list; `hrefOf` builds the URL of a page with the list's other filters kept. */
export function pagerOf(page: number, pages: number, hrefOf: (page: number) => string): Pager | null {
  if (pages <= 1) return null;
  const shown = new Set(
    [1, pages, page - 2, page - 1, page, page + 1, page + 2].filter((n) => n >= 1 && n <= pages),
  );
  const sorted = [...shown].sort((left, right) => left - right);
  const links = sorted.map((number, index) => ({
    page: number,
    href: hrefOf(number),
    current: number === page,
    gap: index > 0 && number - sorted[index - 1]! > 1,
  }));
  return {
    page,
    pages,
    previous: page > 1 ? hrefOf(page - 1) : null,
    next: page < pages ? hrefOf(page + 1) : null,
    links,
  };
}

/** A list's query without its page: a new filter or order starts again at page 1. */
export function withoutPage(search: URLSearchParams): URLSearchParams {
  const copy = new URLSearchParams(search);
  copy.delete('page');
  return copy;
}

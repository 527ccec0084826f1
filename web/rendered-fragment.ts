import type { Response } from 'express';

/**
 * A template rendered to a string, without the layout and with nothing of the viewer in reach but
 * their language: what comes out may be kept and shown to anyone who reads that language.
 */
export function renderFragment(
  response: Response,
  view: string,
  model: Record<string, unknown>,
): Promise<string> {
  return new Promise((resolve, reject) => {
    response.app.render(
      view,
      { ...model, locale: response.locals.locale, layout: false },
      (error: Error | null, html?: string) => (error ? reject(error) : resolve(html ?? '')),
    );
  });
}

/**
 * Fragments rendered once for each object they are made of. The objects are answers kept until the
 * index changes (see MatchingService.rememberUntilIndexChanges): while one is kept its fragments
 * are, and once the index leaves it, both go with the garbage. Nothing to invalidate, so nothing
 * to get wrong; the first requests after a change share one rendering.
 */
export class FragmentsOf<Source extends object, Fragments> {
  private readonly rendered = new WeakMap<Source, Promise<Fragments>>();

  /** `render` must make the fragments from `source` alone: any request's gives the same. */
  get(source: Source, render: (source: Source) => Promise<Fragments>): Promise<Fragments> {
    let fragments = this.rendered.get(source);
    if (!fragments) {
      fragments = render(source);
      this.rendered.set(source, fragments);
      // A rendering that failed is tried again by the next request, not kept.
      fragments.catch(() => this.rendered.delete(source));
    }
    return fragments;
  }
}

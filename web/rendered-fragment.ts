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
 * index changes (see MatchingService.rememberUntilIndexChanges) or until a write moves a change
 * counter (KeptWhileUnchanged): while one is kept its fragment is, and once it is let go, both go
 * with the garbage, so there is nothing to invalidate.
 * A fragment made of something read beside the answer (a demand's row) names it in its stamp, and
 * is rendered again when the stamp differs. The first requests after a change share one rendering.
 */
export class FragmentsOf<Source extends object, Fragment> {
  private readonly rendered = new WeakMap<Source, { stamp: string; fragment: Promise<Fragment> }>();

  /** `render` must make the fragment from `source` and what `stamp` names alone. */
  get(source: Source, stamp: string, render: (source: Source) => Promise<Fragment>): Promise<Fragment> {
    const known = this.rendered.get(source);
    if (known?.stamp === stamp) return known.fragment;
    const fragment = render(source);
    const kept = { stamp, fragment };
    this.rendered.set(source, kept);
    // A rendering that failed is tried again by the next request, not kept.
    fragment.catch(() => {
      if (this.rendered.get(source) === kept) this.rendered.delete(source);
    });
    return fragment;
  }
}

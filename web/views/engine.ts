import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Handlebars, { type HelperDelegate, type TemplateDelegate } from 'handlebars';

// preventIndent: an indented partial would otherwise indent every line of a textarea's value,
// adding spaces to multi-line text each time a form is saved.
const COMPILE_OPTIONS = { preventIndent: true };

type RenderCallback = (error: Error | null, html?: string) => void;

/**
 * The portal's view engine: Handlebars with the partials of `views/partials` and the helpers
 * registered once, each template compiled on its first use and kept for the life of the process,
 * in every mode (templates change only with a deploy). A page renders inside `views/layouts/main`
 * unless its model says `layout: false`. express-handlebars, which this replaces, looked every
 * partial up again, merged its helpers and copied its options on each render: a tenth of a
 * ranked page's CPU.
 */
export function viewEngine(viewsDir: string, helpers: Record<string, HelperDelegate>) {
  const handlebars = Handlebars.create();
  handlebars.registerHelper(helpers);
  const compiled = new Map<string, TemplateDelegate>();
  const template = (file: string) => {
    let known = compiled.get(file);
    if (!known) {
      known = handlebars.compile(readFileSync(file, 'utf8').trim(), COMPILE_OPTIONS);
      compiled.set(file, known);
    }
    return known;
  };
  const partialsDir = path.join(viewsDir, 'partials');
  for (const file of readdirSync(partialsDir).filter((name) => name.endsWith('.hbs'))) {
    handlebars.registerPartial(path.basename(file, '.hbs'), template(path.join(partialsDir, file)));
  }
  const layout = template(path.join(viewsDir, 'layouts', 'main.hbs'));

  // Express passes the view's full path and the model merged with app.locals and res.locals.
  return (file: string, model: object, callback: RenderCallback) => {
    try {
      const body = template(file)(model).trim();
      const inLayout = (model as { layout?: unknown }).layout !== false;
      callback(null, inLayout ? layout({ ...model, body }).trim() : body);
    } catch (error) {
      callback(error as Error);
    }
  };
}

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';
import { engine } from 'express-handlebars';
import type { ParentMessage, PortalMessage } from './messages.js';

/**
 * The reference the portal is compared with: bare Express 5 and express-handlebars in production
 * mode (templates compiled once), rendering a layout and a 50-row table of about the size of a
 * ranked demand page from memory, with no session, no database and no matcher.
 */
const VIEWS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'views');
const rows = Array.from({ length: 50 }, (_, index) => ({
  rank: index + 1,
  name: `碳纤维复合材料研究团队 ${index + 1}`,
  university: '哈尔滨工业大学（威海）',
  score: 90 - index,
  terms: ['碳纤维', '固化', '树脂基体', 'composite', 'curing'],
  evidence: `2021 年的专利《一种低温快速固化碳纤维预浸料的制备方法 ${index}》`,
}));

const app = express();
app.set('env', 'production');
app.enable('view cache');
app.engine(
  'hbs',
  engine({ extname: '.hbs', defaultLayout: 'main', layoutsDir: path.join(VIEWS, 'layouts') }),
);
app.set('view engine', 'hbs');
app.set('views', VIEWS);
app.get('/', (_request, response) => response.render('page', { title: '需求详情 Demand', rows }));

const server = app.listen(0, '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  process.send?.({ type: 'ready', url: `http://127.0.0.1:${port}`, city: null } satisfies PortalMessage);
});
process.on('message', (message: ParentMessage) => {
  if (message.type === 'stop') server.close(() => process.exit(0));
});

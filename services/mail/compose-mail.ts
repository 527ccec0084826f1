import type { MailContent } from './mail.types.js';

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]!);
}

/** Plain text first (every client shows it), with each link on a line of its own so it stays clickable. */
function toText(content: MailContent): string {
  const lines = [content.greeting, '', ...content.paragraphs.flatMap((paragraph) => [paragraph, ''])];
  for (const item of content.items ?? []) lines.push(`- ${item.text}`, `  ${item.url}`);
  if (content.items?.length) lines.push('');
  if (content.action) lines.push(`${content.action.label}:`, content.action.url, '');
  lines.push('--', content.footer);
  return `${lines.join('\n')}\n`;
}

/** Simple HTML: no images, no styles sheet, readable in any client and on a phone. */
function toHtml(content: MailContent, locale: string): string {
  const parts = [
    `<p>${escapeHtml(content.greeting)}</p>`,
    ...content.paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`),
  ];
  if (content.items?.length)
    parts.push(
      `<ul>${content.items.map((item) => `<li><a href="${escapeHtml(item.url)}">${escapeHtml(item.text)}</a></li>`).join('')}</ul>`,
    );
  if (content.action)
    parts.push(
      `<p><a href="${escapeHtml(content.action.url)}" style="font-weight:bold">${escapeHtml(content.action.label)}</a></p>`,
    );
  parts.push(`<hr><p style="color:#666;font-size:small">${escapeHtml(content.footer)}</p>`);
  return `<!doctype html><html lang="${escapeHtml(locale)}"><head><meta charset="utf-8"><title>${escapeHtml(content.subject)}</title></head><body>${parts.join('')}</body></html>`;
}

export function composeMail(
  content: MailContent,
  locale: string,
): { subject: string; text: string; html: string } {
  return { subject: content.subject, text: toText(content), html: toHtml(content, locale) };
}

let portalAddress = 'http://localhost:3000';

/**
 * The portal's public address (PUBLIC_URL), which links in mails start with. Mails are written inside
 * the transactions of the changes they tell of, deep in services that know nothing of the config,
 * so the server sets it once at start-up.
 */
export function setPortalAddress(publicUrl: string): void {
  portalAddress = publicUrl.replace(/\/+$/, '');
}

export function portalLink(path: string): string {
  return `${portalAddress}${path.startsWith('/') ? path : `/${path}`}`;
}

/**
 * The domain as the cookie store keeps it: a leading dot for a Domain cookie (sent to subdomains too), the bare
 * host for a host-only cookie. Chromium and Firefox both report `cookies.Cookie.domain` this way, so two imports
 * of the same cookie from different formats end up with the same identity.
 */
export function storedDomain(domain: string, hostOnly: boolean): string {
  const bare = domain.replace(/^\.+/, '');
  return hostOnly ? bare : `.${bare}`;
}

/** The demo shop's fixed names and secrets, shared by the site, its pages, `npm start` and the tests. */

export const DEMO_USER = 'alice';
export const DEMO_PASSWORD = 'wonderland';
/** express-session's README example secret: a dictionary hit on the signed `connect.sid`. */
export const DEMO_SESSION_SECRET = 'keyboard cat';
/** The most common tutorial JWT secret: a dictionary hit on the token in localStorage. */
export const DEMO_JWT_SECRET = 'secret';
/** Where the page script keeps the token (and so where any script on the origin can read it). */
export const DEMO_TOKEN_KEY = 'access_token';
/** The site's host name and the parent the too-broad cookie is scoped to (`*.localhost` is always loopback). */
export const DEMO_HOST = 'shop.demo.localhost';
export const DEMO_PARENT_DOMAIN = 'demo.localhost';
export const DEMO_TOKEN_LIFETIME = '7d';

/** What a visit and a login leave behind, and what is wrong with each: printed by `npm start`. */
export const DEMO_WEAKNESSES: readonly string[] = [
  `connect.sid (express-session): no Secure, no SameSite, signed with "${DEMO_SESSION_SECRET}"; set on the first visit and NOT regenerated at login, so the same id survives it (session fixation)`,
  `${DEMO_TOKEN_KEY} in localStorage: a JWT signed with "${DEMO_JWT_SECRET}", valid ${DEMO_TOKEN_LIFETIME}, readable by any script, sent as Authorization: Bearer to /api/me`,
  'csrf_token: an anti-CSRF cookie without SameSite',
  `sso_session: set at login with Domain=${DEMO_PARENT_DOMAIN}, so every sibling subdomain receives it`,
];

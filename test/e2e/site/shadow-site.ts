import type express from 'express';
import { sendPage, staticPage } from './send-page';
import { serveSite, type ServedSite, siteApp } from './serve-site';

/**
 * A site and its parent domain, each setting a `sid`: the parent's (Domain=parent) reaches the site's pages
 * beside the site's own host-only one, so the Cookie header carries the name twice (cookie shadowing). Its
 * hosts need a resolver rule (`*.test` to 127.0.0.1).
 */
export const SHADOW_PARENT = 'shadow.test';
export const SHADOW_HOST = `app.${SHADOW_PARENT}`;
/** The page whose request the tool is asked about; it shows the Cookie header the browser really sent. */
export const SHADOW_PAGE = '/account/home';

/** What the `<pre id="sent">` of SHADOW_PAGE shows: the header as received, or this when there was none. */
export const NO_HEADER = '(no Cookie header)';

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function createShadowApp(): express.Express {
  const app = siteApp();
  // On the parent domain: a session id for every subdomain.
  const parentWide = `sid=parent-wide; Path=/; Domain=${SHADOW_PARENT}; HttpOnly; SameSite=Lax`;
  staticPage(app, '/parent-login', 'parent', '<p id="ready">parent</p>', [parentWide]);
  // On the site: its own session id, a cookie for /account and one for /admin only.
  const own = [
    'sid=app-own; Path=/; HttpOnly; SameSite=Lax',
    'cart=3; Path=/account; SameSite=Lax',
    'admin_view=1; Path=/admin; SameSite=Strict',
  ];
  staticPage(app, '/login', 'login', '<p id="ready">logged in</p>', own);
  app.get(SHADOW_PAGE, (req, res) => {
    const header = req.headers.cookie ?? NO_HEADER;
    sendPage(res, 'account', `<pre id="sent">${escapeHtml(header)}</pre>`);
  });
  return app;
}

export function startShadowSite(): Promise<ServedSite> {
  return serveSite(createShadowApp(), SHADOW_HOST);
}

import { sendPage, staticPage } from './send-page';
import { serveSite, type ServedSite, siteApp } from './serve-site';

/**
 * One server answering under several `*.localhost` names (each its own site: `localhost` is a public suffix, and
 * Chromium resolves every `*.localhost` name to loopback and treats it as a secure context over http).
 * - `top.localhost/` is the page: its own cookie, and an iframe from `emb.localhost`.
 * - `emb.localhost/frame` sets a partitioned (CHIPS) cookie and an unpartitioned third-party cookie.
 * - `top.localhost/?hosts=N` also loads an image from each of `s0.localhost` … `s<N-1>.localhost`.
 * - `?own=0` leaves out the page's own cookie (any of the names serves the page: `bare.localhost/?own=0`).
 * - `?frame=plain` embeds `emb.localhost/frame-plain` instead, which sets one cookie with neither Secure nor
 *   SameSite (`ffp`): Firefox sets no Secure cookie over plain http on a non-loopback host, and keeps this one,
 *   set in a third-party frame, in the frame's partition under the top-level site (Total Cookie Protection).
 *   `?frame=none` embeds nothing.
 */
export const TOP = 'top.localhost';
export const EMBED = 'emb.localhost';
export const manyHost = (i: number) => `s${i}.localhost`;
/** The body of both frames' pages. */
const EMBEDDED = '<p id="in">embedded</p>';

export function startThirdPartySite(): Promise<ServedSite> {
  let port = 0;
  const app = siteApp();
  app.get('/', (req, res) => {
    const hosts = Math.min(Number(req.query['hosts'] ?? 0) || 0, 100);
    const images = Array.from(
      { length: hosts },
      (_, i) => `<img alt="" width="1" height="1" src="http://${manyHost(i)}:${port}/pixel.gif">`,
    ).join('');
    if (req.query['own'] !== '0') res.cookie('own', 'top-1', { path: '/' });
    const frame = req.query['frame'] === 'plain' ? 'frame-plain' : 'frame';
    const iframe =
      req.query['frame'] === 'none'
        ? ''
        : `<iframe id="emb" title="embedded" src="http://${EMBED}:${port}/${frame}"></iframe>`;
    sendPage(res, 'third-party site', `<h1>top</h1>${iframe}${images}`);
  });
  const frameCookies = [
    'chip=emb-partitioned; Path=/; Secure; SameSite=None; Partitioned',
    'tp=emb-unpartitioned; Path=/; Secure; SameSite=None',
  ];
  staticPage(app, '/frame', 'frame', EMBEDDED, frameCookies);
  staticPage(app, '/frame-plain', 'frame', EMBEDDED, ['ffp=emb-plain; Path=/']);
  app.get('/pixel.gif', (_req, res) => {
    res.type('gif').send(Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64'));
  });
  return serveSite(app, TOP).then((site) => {
    port = site.port;
    return site;
  });
}

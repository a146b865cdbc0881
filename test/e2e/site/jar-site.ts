import { siteApp } from './serve-site';
import { listenLoopback } from '../../../scripts/listen-loopback';
import { hostileValues, ordinaryValues } from '../../fakes/hostile-values';

/** Cookies per jar: a third of the 180 a browser keeps per host, each near the 4,096-byte limit. */
export const JAR_COOKIES = 60;
/** name + value, under the 4,096 bytes Chromium and Firefox accept for one cookie. */
export const JAR_COOKIE_BYTES = 4000;

export type JarKind = 'hostile' | 'ordinary';

/** The jar's cookies, in the order the page sets them: the generator's values, cycled, under `h00`/`o00`… names. */
export function jarCookies(kind: JarKind): { name: string; value: string }[] {
  const name = (i: number) => `${kind[0]}${String(i).padStart(2, '0')}`;
  const size = JAR_COOKIE_BYTES - name(0).length;
  const values = (kind === 'hostile' ? hostileValues(size) : ordinaryValues(size)).map((v) => v.value);
  return Array.from({ length: JAR_COOKIES }, (_, i) => ({ name: name(i), value: values[i % values.length]! }));
}

/**
 * Script, not Set-Cookie headers: 60 × 4 KB of headers is near Chromium's 256 KB response-header limit, and a
 * script sets `"`, `\` and inner spaces the same way in both browsers. Each jar lives under its own path so the
 * two never share a tab's cookies. The page never requests anything once the cookies exist: every later request
 * would carry 240 KB of Cookie header.
 */
function jarPage(kind: JarKind): string {
  // `<` is a cookie-octet: escape it so no value can close the script element.
  const data = JSON.stringify(jarCookies(kind)).replace(/</g, '\\u003c');
  const script = `const jar = ${data};
window.setJar = () => {
  for (const c of jar) document.cookie = c.name + '=' + c.value + '; path=/jar/${kind}/; max-age=3600';
  document.getElementById('ready').textContent = 'set ' + jar.length;
};`;
  return `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>${kind} jar</title></head><body><p id="ready">loaded</p><script>${script}</script></body></html>`;
}

export interface JarSite {
  /** `http://<host>:<port>/jar/<kind>/` */
  url(kind: JarKind): string;
  stop(): Promise<void>;
}

/**
 * A site with `/jar/hostile/` and `/jar/ordinary/`: pages whose `window.setJar()` sets the hostile or the ordinary
 * 4 KB cookies (on call, so a test can start its clock first).
 */
export async function startJarSite(host = '127.0.0.1'): Promise<JarSite> {
  const app = siteApp();
  app.get('/jar/:kind/', (req, res) => {
    const kind = req.params.kind;
    if (kind !== 'hostile' && kind !== 'ordinary') {
      res.sendStatus(404);
      return;
    }
    res.type('html').send(jarPage(kind));
  });
  const { port, stop } = await listenLoopback(app);
  return { url: (kind) => `http://${host}:${port}/jar/${kind}/`, stop };
}

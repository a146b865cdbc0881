import type { Response, Router } from 'express';

/**
 * Answers with a small HTML page of the test sites. `title`, `body` and `script` are the sites' own fixed markup
 * (never request input unescaped), written as they are.
 */
export function sendPage(res: Response, title: string, body: string, script = ''): void {
  res
    .type('html')
    .send(
      `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body>${body}${
        script ? `<script>${script}</script>` : ''
      }</body></html>`,
    );
}

/** Sends each of `headers` as a Set-Cookie header of its own, in order: the test sites' cookies, written raw. */
export function setCookies(res: Response, ...headers: string[]): void {
  for (const header of headers) res.append('Set-Cookie', header);
}

/** `GET path` on `app` answers a fixed page, after setting `cookies` (raw Set-Cookie headers, in order). */
export function staticPage(app: Router, path: string, title: string, body: string, cookies: string[] = []): void {
  app.get(path, (_req, res) => {
    setCookies(res, ...cookies);
    sendPage(res, title, body);
  });
}

import type { Response } from 'express';

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

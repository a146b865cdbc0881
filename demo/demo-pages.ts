import { DEMO_PASSWORD, DEMO_TOKEN_KEY, DEMO_USER } from './demo-constants';

/**
 * The demo shop's two pages. Their scripts do what many single-page apps do: log in with fetch, keep the JWT in
 * localStorage and send it as `Authorization: Bearer`. Server answers are shown with textContent only.
 */

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem}
label{display:block;margin:.5rem 0}input{font:inherit}pre{background:#f3f3f3;padding:.75rem;white-space:pre-wrap}
.note{color:#555;font-size:.9em}`;

function page(title: string, body: string, script: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title><style>${STYLE}</style></head><body>${body}<script>${script}</script></body></html>`;
}

const key = JSON.stringify(DEMO_TOKEN_KEY);

export function homePage(loggedIn: boolean): string {
  const status = loggedIn
    ? '<p id="status">You are logged in. <a href="/account">Your account</a></p>'
    : '<p id="status">Not logged in.</p>';
  return page(
    'Demo tea shop',
    `<h1>Demo tea shop</h1>${status}
<form id="login"><input type="hidden" name="csrf" id="csrf">
<label>User <input name="user" value="${DEMO_USER}" autocomplete="off"></label>
<label>Password <input name="password" type="password" value="${DEMO_PASSWORD}"></label>
<button type="submit">Log in</button></form><p id="error" role="alert"></p>
<p class="note">A deliberately insecure demo for SessionScope: open the extension before and after logging in.</p>`,
    `const form = document.getElementById('login');
const csrf = document.cookie.split('; ').find((c) => c.startsWith('csrf_token='));
document.getElementById('csrf').value = csrf ? csrf.slice('csrf_token='.length) : '';
form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const res = await fetch('/login', { method: 'POST', body: new URLSearchParams(new FormData(form)) });
  const body = await res.json();
  if (!res.ok) { document.getElementById('error').textContent = body.error; return; }
  localStorage.setItem(${key}, body.token);
  location.assign('/account');
});`,
  );
}

export function accountPage(): string {
  return page(
    'Your account - demo tea shop',
    `<h1>Your account</h1><p>What <code>/api/me</code> answers to the token in localStorage:</p><pre id="me">…</pre>
<button id="logout">Log out</button> <a href="/">Home</a>`,
    `const out = document.getElementById('me');
const token = localStorage.getItem(${key});
if (!token) out.textContent = 'No token in localStorage: log in first.';
else fetch('/api/me', { headers: { Authorization: 'Bearer ' + token } })
  .then((res) => res.json()).then((me) => { out.textContent = JSON.stringify(me, null, 2); });
document.getElementById('logout').addEventListener('click', async () => {
  await fetch('/logout', { method: 'POST' });
  localStorage.removeItem(${key});
  location.assign('/');
});`,
  );
}

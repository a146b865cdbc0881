import { benchCookies } from './bench-cookies';

// The reference list's work without the cookies API: one <li> per cookie.
const list = document.getElementById('list')!;
for (const c of benchCookies()) {
  const li = document.createElement('li');
  li.className = 'ref-row';
  li.textContent = c.name + '=' + c.value;
  list.append(li);
}

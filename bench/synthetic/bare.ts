// The keystroke witness (bench/panel-bench.ts): an input whose handler writes its value into one element, and
// nothing else. Timed as the panel's filter box is, it shows what any page's keystroke costs in this browser.
const input = document.querySelector<HTMLInputElement>('input')!;
const echo = document.getElementById('echo')!;
input.addEventListener('input', () => {
  echo.textContent = input.value;
});

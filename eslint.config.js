import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/**
 * Layers: entries (background, popup, devtools) → ui / protocol / platform → core, and cli → headless → core
 * (only headless drives a browser). Each zone lists what it may
 * not import, so the direction holds without anyone having to remember it.
 */
const upper = ['background', 'popup', 'devtools', 'ui', 'platform', 'protocol', 'headless', 'cli'];
/** The extension's own layers: the command line and its library never load them. */
const extension = ['background', 'popup', 'devtools', 'ui', 'platform', 'protocol'];
const noImportOf = (dirs, extra = []) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        ...dirs.map((d) => ({ group: [`**/${d}/*`, `**/${d}`], message: `This layer may not import src/${d}.` })),
        ...extra,
      ],
    },
  ],
});
const noPolyfill = {
  group: ['webextension-polyfill'],
  message: 'Only src/platform imports webextension-polyfill: use its wrappers.',
};
const noPuppeteer = {
  group: ['puppeteer-core', 'puppeteer-core/*', '@puppeteer/*', 'playwright-core', 'playwright-core/*'],
  message: 'Only src/headless drives a browser.',
};
const noPreact = { group: ['preact', 'preact/*', '@preact/*'], message: 'core stays free of UI code.' };

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'artifacts/**', 'coverage/**', 'test/fixtures/generated/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'no-console': 'error',
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  { files: ['src/core/**'], rules: noImportOf(upper, [noPolyfill, noPreact, noPuppeteer]) },
  // cli → headless → core: the command line and the library share core with the extension, nothing else.
  { files: ['src/headless/**'], rules: noImportOf([...extension, 'cli'], [noPolyfill, noPreact]) },
  { files: ['src/cli/**'], rules: noImportOf(extension, [noPolyfill, noPreact, noPuppeteer]) },
  {
    files: ['src/protocol/**'],
    rules: noImportOf(
      ['background', 'popup', 'devtools', 'ui', 'platform', 'headless', 'cli'],
      [noPolyfill, noPreact, noPuppeteer],
    ),
  },
  {
    files: ['src/platform/**'],
    rules: noImportOf(['background', 'popup', 'devtools', 'ui', 'headless', 'cli'], [noPreact, noPuppeteer]),
  },
  {
    files: ['src/ui/**'],
    rules: noImportOf(['background', 'popup', 'devtools', 'headless', 'cli'], [noPolyfill, noPuppeteer]),
  },
  {
    files: ['src/background/**', 'src/popup/**', 'src/devtools/**'],
    rules: noImportOf(['headless', 'cli'], [noPolyfill, noPuppeteer]),
  },
  {
    files: ['src/background/**'],
    rules: noImportOf(['popup', 'devtools', 'ui', 'headless', 'cli'], [noPolyfill, noPreact, noPuppeteer]),
  },
);

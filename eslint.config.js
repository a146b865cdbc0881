import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/**
 * Layers: entries (background, popup, devtools) → ui → state → protocol / core; entries → platform → core; and
 * cli → headless → core, where only headless drives a browser. Each zone lists what it may not import, so the
 * direction holds without anyone having to remember it.
 */
/** The extension's own layers: the command line and its library never load them. */
const extension = ['background', 'popup', 'devtools', 'ui', 'state', 'platform', 'protocol'];
const upper = [...extension, 'headless', 'cli'];
const outside = ['headless', 'cli'];
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
const noPreact = { group: ['preact', 'preact/*', '@preact/*'], message: 'This layer stays free of UI code.' };
// State may use signals, but not components, hooks or rendering: it receives what it needs from the entries.
const noComponents = {
  group: ['preact', 'preact/*', '@preact/preset-vite', '**/*.tsx', '**/*.css'],
  message: 'src/state holds state and controllers only: components and rendering live in src/ui.',
};

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
      ['background', 'popup', 'devtools', 'ui', 'state', 'platform', ...outside],
      [noPolyfill, noPreact, noPuppeteer],
    ),
  },
  {
    files: ['src/platform/**'],
    rules: noImportOf(['background', 'popup', 'devtools', 'ui', 'state', ...outside], [noPreact, noPuppeteer]),
  },
  // Browser access reaches state injected (as the popup's and the panel's start functions pass it), never imported.
  {
    files: ['src/state/**'],
    rules: noImportOf(
      ['background', 'popup', 'devtools', 'ui', 'platform', ...outside],
      [noPolyfill, noComponents, noPuppeteer],
    ),
  },
  {
    files: ['src/state/**/*.tsx'],
    rules: {
      'no-restricted-syntax': ['error', { selector: 'Program', message: 'src/state has no JSX: use a .ts file.' }],
    },
  },
  // Components read slices from context and raise events; the browser is the entries' business.
  {
    files: ['src/ui/**'],
    rules: {
      ...noImportOf(['background', 'popup', 'devtools', 'platform', ...outside], [noPolyfill, noPuppeteer]),
      // no-restricted-imports does not see `import()`: a lazy import of the browser layer is still an import.
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ImportExpression[source.value=/(^|\\/)(platform|background|popup|devtools)(\\/|$)/]',
          message: 'Components never reach the browser: the entries inject what they need.',
        },
      ],
    },
  },
  {
    files: ['src/background/**', 'src/popup/**', 'src/devtools/**'],
    rules: noImportOf(outside, [noPolyfill, noPuppeteer]),
  },
  {
    files: ['src/background/**'],
    rules: noImportOf(['popup', 'devtools', 'ui', 'state', ...outside], [noPolyfill, noPreact, noPuppeteer]),
  },
);

import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/**
 * Layers: entries (background, popup, devtools) → ui → state → protocol / core; entries → platform → core. Each
 * zone lists what it may not import, so the direction holds without anyone having to remember it.
 */
const upper = ['background', 'popup', 'devtools', 'ui', 'state', 'platform', 'protocol'];
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
  { files: ['src/core/**'], rules: noImportOf(upper, [noPolyfill, noPreact]) },
  {
    files: ['src/protocol/**'],
    rules: noImportOf(['background', 'popup', 'devtools', 'ui', 'state', 'platform'], [noPolyfill, noPreact]),
  },
  { files: ['src/platform/**'], rules: noImportOf(['background', 'popup', 'devtools', 'ui', 'state'], [noPreact]) },
  // Browser access reaches state injected (as the popup's and the panel's start functions pass it), never imported.
  {
    files: ['src/state/**'],
    rules: noImportOf(['background', 'popup', 'devtools', 'ui', 'platform'], [noPolyfill, noComponents]),
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
      ...noImportOf(['background', 'popup', 'devtools', 'platform'], [noPolyfill]),
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
  { files: ['src/background/**', 'src/popup/**', 'src/devtools/**'], rules: noImportOf([], [noPolyfill]) },
  {
    files: ['src/background/**'],
    rules: noImportOf(['popup', 'devtools', 'ui', 'state'], [noPolyfill, noPreact]),
  },
);

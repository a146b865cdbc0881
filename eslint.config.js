import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/**
 * Layers: entries (background, popup, devtools) → ui / protocol / platform → core. Each zone lists what it may
 * not import, so the direction holds without anyone having to remember it.
 */
const upper = ['background', 'popup', 'devtools', 'ui', 'platform', 'protocol'];
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
  { files: ['src/core/**'], rules: noImportOf(upper, [noPolyfill, noPreact]) },
  {
    files: ['src/protocol/**'],
    rules: noImportOf(['background', 'popup', 'devtools', 'ui', 'platform'], [noPolyfill, noPreact]),
  },
  { files: ['src/platform/**'], rules: noImportOf(['background', 'popup', 'devtools', 'ui'], [noPreact]) },
  { files: ['src/ui/**'], rules: noImportOf(['background', 'popup', 'devtools'], [noPolyfill]) },
  { files: ['src/background/**', 'src/popup/**', 'src/devtools/**'], rules: noImportOf([], [noPolyfill]) },
  {
    files: ['src/background/**'],
    rules: noImportOf(['popup', 'devtools', 'ui'], [noPolyfill, noPreact]),
  },
);

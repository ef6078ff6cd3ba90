// One linter for the whole repo. Package boundaries are enforced here:
// shared ← server, widget, builder-ui, e2e; widget ← builder-ui; nothing imports server.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const deepImports = {
  group: ['@waymark/*/src/*', '**/shared/src/**', '**/widget/src/**', '**/server/src/**'],
  message: 'Import a package through its entry point (@waymark/<name>), never its source folders.',
};

/** @param {string[]} forbidden @param {Array<{name: string, message: string, allowTypeImports?: boolean}>} [paths] */
const boundary = (forbidden, paths = []) => ({
  '@typescript-eslint/no-restricted-imports': [
    'error',
    {
      paths,
      patterns: [
        deepImports,
        {
          group: forbidden,
          message: 'This import crosses a package boundary (see docs/architecture.md).',
        },
      ],
    },
  ],
});

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '.data/**',
      'coverage/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[property.name='innerHTML']",
          message: 'Never use innerHTML: render nodes.',
        },
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Never inject HTML strings.',
        },
      ],
    },
  },
  { files: ['**/*.mjs', '**/*.cjs'], languageOptions: { globals: globals.node } },
  { files: ['server/demo/**/*.js'], languageOptions: { globals: globals.browser } },
  {
    files: ['shared/**/*.ts'],
    rules: boundary([
      '@waymark/*',
      'preact',
      'preact/*',
      '@nestjs/*',
      'typeorm',
      'pg',
      '@floating-ui/*',
    ]),
  },
  {
    files: ['widget/**/*.{ts,tsx}'],
    rules: boundary(
      ['@waymark/server', '@waymark/builder-ui', '@waymark/e2e'],
      [
        {
          name: 'zod',
          message: 'The widget bundle never ships zod: import types only.',
          allowTypeImports: true,
        },
      ],
    ),
  },
  { files: ['builder-ui/**/*.{ts,tsx}'], rules: boundary(['@waymark/server', '@waymark/e2e']) },
  {
    files: ['server/**/*.ts'],
    rules: boundary(['@waymark/widget', '@waymark/builder-ui', '@waymark/e2e', 'preact']),
  },
  { files: ['e2e/**/*.ts'], rules: boundary(['@waymark/server', '@waymark/builder-ui']) },
);

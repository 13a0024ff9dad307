import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

export default ts.config(
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // The SES simulator reads and writes mail only through the MIME engine's public faces.
    files: ['src/lib/ses/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '/mime/(?!index\\.ts$|dkim/index\\.ts$)',
              message:
                'Import the MIME engine through src/lib/mime/index.ts (or its DKIM face, dkim/index.ts).',
            },
          ],
        },
      ],
    },
  },
  { ignores: ['dist/', 'node_modules/', 'test-results/', 'playwright-report/'] },
);

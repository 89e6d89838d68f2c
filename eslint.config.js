// Lint, including the layer table of docs/architecture.md: which folder may import what.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const noElectron = {
  name: 'electron',
  message: 'Only src/main/shell, src/main/index.ts and src/preload may import electron.',
};
const mainOnly = { group: ['**/main/**', '**/main'], message: 'This layer may not import src/main.' };
const rendererOnly = { group: ['**/renderer/**'], message: 'Only the renderer imports renderer code.' };
const sandboxOnly = { group: ['**/sandbox/**'], message: 'Simulators are reached over HTTP, not imported.' };
const reactPaths = ['react', 'react-dom', 'react-dom/client', '@mantine/*', 'zustand', '@tabler/icons-react'];

export default tseslint.config(
  { ignores: ['node_modules', 'out', 'dist', 'e2e/artifacts', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
    },
  },
  {
    files: ['src/shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            mainOnly,
            rendererOnly,
            sandboxOnly,
            { group: ['node:*', ...reactPaths], message: 'src/shared runs everywhere: zod only.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/**'],
    ignores: ['src/main/shell/**', 'src/main/index.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            rendererOnly,
            sandboxOnly,
            { group: reactPaths, message: 'Main is Electron-free and React-free.' },
            {
              group: ['**/shell/**', '**/main/index*'],
              message: 'Services do not reach into the Electron shell.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/shell/**', 'src/main/index.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [rendererOnly, sandboxOnly] }] },
  },
  {
    files: ['src/preload/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            mainOnly,
            rendererOnly,
            sandboxOnly,
            { group: ['zod', 'node:*'], message: 'The sandboxed preload requires only electron.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            mainOnly,
            sandboxOnly,
            { group: ['node:*'], message: 'The renderer reaches main only through window.api.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/sandbox/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            mainOnly,
            rendererOnly,
            {
              group: ['**/shared/**'],
              message: 'Simulators are written from vendor docs, independent of the code they test.',
            },
          ],
        },
      ],
    },
  },
);

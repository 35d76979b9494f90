// Lint, with the layer boundaries of DESIGN.md enforced per folder.
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

// Bare names anchored with '/' (gitignore semantics): 'events' alone would also match the
// renderer's own features/events/ folder; '/events' matches only the Node module.
const NODE_BUILTINS = [
  'node:*',
  ...[
    'fs',
    'fs/*',
    'path',
    'os',
    'child_process',
    'worker_threads',
    'http',
    'https',
    'net',
    'crypto',
    'url',
    'util',
    'stream',
    'events',
  ].map((n) => `/${n}`),
];
const noImport = (groups, message) => ({ group: groups, message });

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'reports/**', 'coverage/**', '.tmp-*/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mts}'],
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }],
    },
  },
  {
    // Config files must default-export for their tools.
    files: ['*.config.{ts,mts,mjs}'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['src/shared/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            noImport(
              ['electron', 'better-sqlite3', 'react', 'react-dom', 'lightweight-charts', ...NODE_BUILTINS],
              'src/shared is pure TypeScript: no Electron, Node, DOM or UI libraries.',
            ),
            noImport(
              ['**/main/**', '**/preload/**', '**/renderer/**'],
              'src/shared imports nothing from main, preload or renderer.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            noImport(
              ['electron', 'better-sqlite3', ...NODE_BUILTINS],
              'The renderer is sandboxed: it reaches the main process only through window.catalyst.',
            ),
            noImport(['**/main/**', '**/preload/**'], 'The renderer imports only src/shared and its own code.'),
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/**'],
    ignores: ['src/main/shell/**', 'src/main/ipc/**', 'src/main/index.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            noImport(
              ['electron'],
              'Only src/main/shell, src/main/ipc and src/main/index.ts may import electron; services run under plain Node.',
            ),
            noImport(['**/renderer/**', '**/preload/**'], 'The main process imports only src/shared and its own code.'),
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/shell/**', 'src/main/ipc/**', 'src/main/index.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            noImport(['**/renderer/**', '**/preload/**'], 'The main process imports only src/shared and its own code.'),
          ],
        },
      ],
    },
  },
  {
    files: ['src/preload/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            noImport(['**/main/**', '**/renderer/**'], 'The preload imports only src/shared and electron.'),
            noImport(['better-sqlite3', ...NODE_BUILTINS], 'A sandboxed preload has no Node modules.'),
          ],
        },
      ],
    },
  },
  {
    // electron-builder loads its hooks with require(): they are CommonJS.
    files: ['scripts/**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);

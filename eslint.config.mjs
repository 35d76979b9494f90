// Lint, with the layer boundaries of DESIGN.md enforced per folder.
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { dirname, relative, resolve, sep } from 'node:path';

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

const FEATURES_DIR = resolve(import.meta.dirname, 'src', 'renderer', 'src', 'features');

/**
 * `catalyst/no-other-feature`: a file in a renderer feature imports no other feature. Relative
 * specifiers are resolved against the file, so the rule holds at any folder depth. Applied to
 * the features that others build on (the chart): they must not know their users.
 */
const noOtherFeature = {
  meta: {
    type: 'problem',
    schema: [],
    messages: {
      otherFeature:
        'features/{{own}} imports no other feature (here features/{{other}}): pass what it needs in (props, specs, primitives) instead.',
    },
  },
  create(context) {
    const file = resolve(context.filename);
    const [own] = relative(FEATURES_DIR, file).split(sep);
    const check = (source) => {
      if (!source || typeof source.value !== 'string' || !source.value.startsWith('.')) return;
      const rel = relative(FEATURES_DIR, resolve(dirname(file), source.value));
      if (rel === '' || rel.startsWith('..')) return;
      const [other] = rel.split(sep);
      if (other !== own) context.report({ node: source, messageId: 'otherFeature', data: { own, other } });
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
    };
  },
};

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
    // The chart is what compare mode, export and the study build on: it knows none of them.
    // The chart's text alternative likewise: it is given bars, dates and events.
    files: ['src/renderer/src/features/chart/**', 'src/renderer/src/features/chart-summary/**'],
    plugins: { catalyst: { rules: { 'no-other-feature': noOtherFeature } } },
    rules: { 'catalyst/no-other-feature': 'error' },
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

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

/** What every file of src/main (outside the Electron adapters) may not import. */
const mainPatterns = () => [
  noImport(
    ['electron'],
    'Only src/main/shell, src/main/ipc and src/main/index.ts may import electron; services run under plain Node.',
  ),
  noImport(['**/renderer/**', '**/preload/**'], 'The main process imports only src/shared and its own code.'),
];

/**
 * The layers of src/main, lowest first: db (repositories, migrations) ← sync (the fetch
 * engine, providers) ← services ← app (the composition root) ← rpc/ipc/cli/web/shell (the
 * ways in). A folder never imports one above it. Folder names are matched as path segments.
 */
const ENTRY_FOLDERS = ['rpc', 'ipc', 'shell', 'cli', 'web'];
const MAIN_LAYERS = {
  db: {
    banned: ['services', 'sync', 'worker', 'app', ...ENTRY_FOLDERS],
    why: 'src/main/db (repositories, migrations, backups) imports only src/shared, the logger and itself: it is the lowest layer.',
  },
  sync: {
    banned: ['services', 'worker', 'app', ...ENTRY_FOLDERS],
    why: 'src/main/sync (the fetch engine and providers) imports only src/shared, db and log: services drive it, not the reverse.',
  },
  worker: {
    banned: ['services', 'app', ...ENTRY_FOLDERS],
    why: 'src/main/worker runs the fetch engine in a thread: it imports sync, db and log, never services or the entry points.',
  },
  services: {
    banned: ['worker', 'app', ...ENTRY_FOLDERS],
    why: 'Services are plain: they import neither rpc, ipc, shell, cli, web, app nor worker (the composition root in src/main/app wires those).',
  },
  rpc: {
    banned: ['db', 'services', 'sync', 'worker', 'app', 'ipc', 'shell', 'cli', 'web'],
    why: 'src/main/rpc (the router, push) knows only the contract in src/shared: handlers are handed to it.',
  },
};

/** What every file of the renderer may not import. */
const rendererPatterns = () => [
  noImport(
    ['electron', 'better-sqlite3', ...NODE_BUILTINS],
    'The renderer is sandboxed: it reaches the main process only through window.catalyst.',
  ),
  noImport(['**/main/**', '**/preload/**'], 'The renderer imports only src/shared and its own code.'),
];

/**
 * The layers of the renderer, lowest first: api (the client over window.catalyst) ← ui
 * (feature-free components) ← features and app (the shell: layout, selection, change signal,
 * commands), which may use each other. A lower folder never imports a higher one.
 */
const RENDERER_LAYERS = {
  api: {
    banned: ['ui', 'features', 'app'],
    why: 'src/renderer/src/api (the client over window.catalyst) imports only src/shared: it is the renderer’s lowest layer.',
  },
  ui: {
    banned: ['features', 'app'],
    why: 'src/renderer/src/ui holds feature-free components: it imports only src/shared, api and itself.',
  },
};

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
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: rendererPatterns() }],
    },
  },
  // Layers inside the renderer: api and ui know no feature and not the app shell.
  ...Object.entries(RENDERER_LAYERS).map(([folder, { banned, why }]) => ({
    files: [`src/renderer/src/${folder}/**`],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            ...rendererPatterns(),
            noImport(
              banned.map((b) => `**/${b}/**`),
              why,
            ),
          ],
        },
      ],
    },
  })),
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
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: mainPatterns() }] },
  },
  // Layers inside the main process (docs/architecture.md): each folder imports only the ones
  // below it, so a service runs in a test without a router, a worker or Electron.
  ...Object.entries(MAIN_LAYERS).map(([folder, { banned, why }]) => ({
    files: [`src/main/${folder}/**`],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            ...mainPatterns(),
            noImport(
              banned.map((b) => `**/${b}/**`),
              why,
            ),
          ],
        },
      ],
    },
  })),
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
      // tsconfig.preload.json already makes these type errors; lint says why, in the editor.
      'no-restricted-globals': [
        'error',
        ...['process', 'Buffer', 'require', 'module', '__dirname', '__filename', 'global', 'setImmediate'].map(
          (name) => ({ name, message: 'A sandboxed preload has no Node globals: it sees only electron and the DOM.' }),
        ),
      ],
    },
  },
  {
    // electron-builder loads its hooks with require(): they are CommonJS.
    files: ['scripts/**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);

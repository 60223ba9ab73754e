// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// The import boundaries of docs/ARCHITECTURE.md, enforced. Each zone lists what its
// files must not import; the messages say why so a contributor knows where code belongs.
const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'url', 'process'];

const coreRestrictions = {
  patterns: [
    {
      group: nodeBuiltins,
      message: 'src/core is pure and runs in the browser: no Node built-ins. Do I/O in model-loader or cli.',
    },
    {
      group: ['yaml', 'js-yaml', 'commander', 'fastify', 'kysely', 'pg', 'better-sqlite3', '@peculiar/*'],
      message: 'src/core stays free of parsers, frameworks and drivers; take plain data as input.',
    },
    {
      group: [
        '**/model-loader/**',
        '**/cli/**',
        '**/server/**',
        '**/persistence/**',
        '**/scanner/**',
        '**/web/**',
        '**/attest/**',
        '**/exchange/**',
        '**/reports/**',
      ],
      message: 'src/core must not depend on outer layers.',
    },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'reports/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', '.ci/*.mjs', 'bin/*'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      // Fastify plugins and handlers are async by contract even when they await nothing.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='process'][callee.property.name='exit']",
          message: 'Only src/cli/main.ts may call process.exit; throw a typed error instead.',
        },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      'no-restricted-imports': ['error', coreRestrictions],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'src/core has no process; pass configuration in.' },
        { name: 'fetch', message: 'src/core does no I/O.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'src/core never reads the clock; inject `now`.' },
        { object: 'Math', property: 'random', message: 'src/core never draws randomness; inject it.' },
      ],
    },
  },
  {
    files: ['src/model-loader/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/cli/**',
                '**/server/**',
                '**/persistence/**',
                '**/scanner/**',
                '**/web/**',
                'commander',
              ],
              message: 'src/model-loader may import only src/core, Node built-ins and the YAML parser.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/exchange/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/server/**',
                '**/cli/**',
                '**/persistence/**',
                '**/scanner/**',
                '**/web/**',
                'commander',
                'fastify',
                '@fastify/*',
              ],
              message:
                'src/exchange converts files (xlsx, CSV, OSCAL) and may use core, io, model-loader and assessment-io only; the server and the CLI call it.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/reports/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/server/**',
                '**/cli/**',
                '**/persistence/**',
                '**/web/**',
                '**/attest/**',
                '**/exchange/**',
                'commander',
                'fastify',
                'kysely',
              ],
              message:
                'src/reports builds PDF and HTML from plain data and may use core, io, model-loader and assessment-io only; the server and the CLI call it.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/persistence/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/server/**', '**/cli/**', '**/web/**', 'fastify', '@fastify/*', 'commander'],
              message:
                'src/persistence holds SQL and row mapping only; HTTP and CLI concerns live outside it.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/attest/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/server/**',
                '**/cli/**',
                '**/persistence/**',
                '**/model-loader/**',
                '**/assessment-io/**',
                '**/web/**',
                'fastify',
                'kysely',
                'commander',
              ],
              message: 'src/attest signs and verifies with Node crypto; it may use only src/core and src/io.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/scanner/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/server/**',
                '**/cli/**',
                '**/persistence/**',
                '**/web/**',
                '**/exchange/**',
                '**/reports/**',
                'fastify',
                'kysely',
                'commander',
              ],
              message:
                'src/scanner collects certificates from files, endpoints and exports and may use core, io and attest only; the server and the CLI call it.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/cli/commands/**', '**/cli/program*', '**/cli/run*', '**/web/**', 'commander'],
              message:
                'src/server must not depend on the CLI; the CLI starts the server, not the other way round.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/web/**/*.ts', 'src/web/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: nodeBuiltins,
              message: 'src/web runs in the browser: no Node built-ins.',
            },
            {
              group: [
                '**/model-loader/**',
                '**/persistence/**',
                '**/cli/**',
                '**/assessment-io/**',
                '**/io/**',
                '**/server/app*',
                '**/server/main*',
                '**/server/assessments/**',
                '**/server/auth/**',
                'fastify',
                'kysely',
                'pg',
                'better-sqlite3',
                'yaml',
                'js-yaml',
              ],
              message: 'src/web may use the pure core and the shared API contract only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/cli/main.ts', 'bench/**/*.ts', 'scripts/**/*.ts', '.ci/**/*.mjs'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);

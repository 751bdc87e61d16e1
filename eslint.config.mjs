import nx from '@nx/eslint-plugin';
import reactHooks from 'eslint-plugin-react-hooks';

/**
 * Lint for the whole workspace. `@nx/enforce-module-boundaries` holds the architecture:
 * apps depend on shared libs, shared libs depend only on shared libs, and the API and the
 * web app never import each other.
 */
export default [
  { ignores: ['**/dist', '**/node_modules', '.data', '.nx', 'libs/*/dist', 'coverage', 'tmp'] },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.mjs'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: [],
          depConstraints: [
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:api', 'scope:shared'] },
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:web', 'scope:shared'] },
            { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: ['scope:shared'] },
          ],
        },
      ],
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    files: ['apps/web/**/*.tsx', 'apps/web/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    // Focus after a state change goes through useFocusAfterRender: a frame can come before
    // React's commit on a loaded machine, and the element is then not there yet.
    files: ['apps/web/src/**/*.tsx', 'apps/web/src/**/*.ts'],
    ignores: [
      'apps/web/src/**/*.spec.tsx',
      'apps/web/src/**/*.spec.ts',
      'apps/web/src/modules/ui/feedback/*.ts',
    ],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "CallExpression[callee.name='requestAnimationFrame'] CallExpression[callee.property.name=/^(focus|select)$/]",
          message:
            'Move focus with useFocusAfterRender (ui/feedback): a frame can come before the commit.',
        },
        {
          selector:
            "CallExpression[callee.name='useEffect'] CallExpression[callee.property.name='focus']",
          message:
            'Move focus in useLayoutEffect (or useFocusAfterRender): a passive effect runs after the commit has been seen, so focus sits on <body> meanwhile.',
        },
      ],
    },
  },
];

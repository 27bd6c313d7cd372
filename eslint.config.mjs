import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '.nx/**', '.platform/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          // Test harness: allowed in every project's tests; kept out of production code below.
          allow: ['@hub/test-support'],
          // Say once which kind of project may use which: services use libraries and contracts,
          // libraries use libraries and contracts, contracts use nothing; tools and test suites
          // may use libraries and contracts but never a service's internals.
          depConstraints: [
            { sourceTag: 'type:service', onlyDependOnLibsWithTags: ['type:lib', 'type:contract'] },
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib', 'type:contract'] },
            { sourceTag: 'type:contract', onlyDependOnLibsWithTags: [] },
            {
              sourceTag: 'type:tool',
              onlyDependOnLibsWithTags: ['type:tool', 'type:lib', 'type:contract'],
            },
            {
              sourceTag: 'type:test',
              onlyDependOnLibsWithTags: ['type:tool', 'type:lib', 'type:contract'],
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      'services/*/src/**/*.ts',
      'services/libs/*/src/**/*.ts',
      'tools/*/src/**/*.ts',
      'contracts/src/**/*.ts',
    ],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: '@hub/test-support', message: 'The test harness is for tests only.' }] },
      ],
    },
  },
  {
    // NestJS modules and controllers are classes whose meaning lives in their decorators.
    rules: { '@typescript-eslint/no-extraneous-class': ['error', { allowWithDecorator: true }] },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  prettier,
);

// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const domains = [
  'users',
  'boutiques',
  'products',
  'orders',
  'payments',
  'delivery',
  'drivers',
  'notifications',
  'reviews',
  'analytics',
  'chat',
  'promotions',
  'wishlist',
  'disputes',
  'audit',
];

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '.data/**',
      '.infra/**',
      'e2e/src/generated/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['vitest.config.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { arguments: false } },
      ],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      // type-graphql and typegoose decorators need runtime class references in signatures.
      '@typescript-eslint/no-unsafe-declaration-merging': 'off',
    },
  },
  // A subgraph never imports another subgraph: data crosses domains through federation and events.
  ...domains.map((domain) => ({
    files: [`subgraphs/${domain}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: domains
                .filter((d) => d !== domain)
                .flatMap((d) => [`@vitrine/${d}`, `**/subgraphs/${d}/**`]),
              message:
                'A subgraph never imports another subgraph; use entity references or events.',
            },
            { group: ['@vitrine/gateway'], message: 'Subgraphs do not depend on the gateway.' },
          ],
        },
      ],
    },
  })),
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);

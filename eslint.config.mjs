// Lint: typescript-eslint everywhere, and n8n's own rules for community nodes on what ships (nodes/,
// credentials/), the rules n8n applies before it verifies a community package.
import { configs as n8nConfigs } from '@n8n/eslint-plugin-community-nodes';
import tseslint from 'typescript-eslint';

export default tseslint.config(
	{ ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.n8n-dev/**', '**/*.js', '**/*.mjs', '**/*.d.ts'] },
	...tseslint.configs.recommended,
	{
		files: ['nodes/**/*.ts', 'credentials/**/*.ts', 'package.json'],
		...n8nConfigs.recommended,
	},
	{
		// The package.json rules read package.json through the TypeScript parser: only n8n's rules apply there.
		files: ['package.json'],
		rules: { '@typescript-eslint/no-unused-expressions': 'off' },
	},
	{
		files: ['**/*.ts'],
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
		},
	},
);

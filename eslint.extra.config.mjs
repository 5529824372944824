// n8n's strict lint config exactly as @n8n/node-cli ships it (eslint.config.mjs must stay its two-line default for
// `n8n-node lint`'s strict mode), plus the rules we add on top. `npm run lint` runs both.
import { config } from '@n8n/node-cli/eslint';

export default [
	...config,
	{
		files: ['**/*.ts'],
		rules: {
			// == hides type confusion in payload checks
			eqeqeq: ['error', 'always'],
			// a thrown string has no stack and no name: throw Errors
			'no-throw-literal': 'error',
			// `__proto__` in our own code is never wanted (payloads that carry it are refused at runtime)
			'no-proto': 'error',
			'@typescript-eslint/consistent-type-imports': [
				'error',
				{ fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
			],
		},
	},
	{
		ignores: ['coverage/**', '.n8n-dev/**', 'cli/dist/**', 'bench/.*.bundle.js'],
	},
];

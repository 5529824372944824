// Unit tests run against the TypeScript sources on the machine's Node; e2e tests start a real n8n (Node 24,
// installed by scripts/install-n8n.sh) with the built dist/ loaded, one n8n per test file, one file at a time.
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: { warnOnly: false } }];

/** @type {import('jest').Config} */
module.exports = {
	projects: [
		{
			displayName: 'unit',
			testEnvironment: 'node',
			transform: { '^.+\\.ts$': tsJest },
			testMatch: ['<rootDir>/test/**/*.test.ts'],
			testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/'],
		},
		{
			displayName: 'e2e',
			testEnvironment: 'node',
			transform: { '^.+\\.ts$': tsJest },
			testMatch: ['<rootDir>/test/e2e/**/*.e2e.test.ts'],
			// installs the pinned n8n on a fresh machine before the first suite (minutes; cached afterwards)
			globalSetup: '<rootDir>/test/e2e/globalSetup.js',
			slowTestThreshold: 60,
		},
	],
	maxWorkers: 1,
	testTimeout: 180_000,
	verbose: true,
};

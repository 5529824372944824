// Unit tests run against the TypeScript sources on the machine's Node; e2e tests start a real n8n (Node 24,
// installed by scripts/install-n8n.sh) with the built dist/ loaded, one n8n (or one queue-mode set) per test file,
// four files at a time: most of an e2e suite's time is waiting (n8n's one-minute polls, vendors' retries), and
// every suite has its own ports, user folder, PostgreSQL database and Redis prefix.
// The per-vendor suites and the tarball install run twice: on the pinned n8n 2.x (config.n8nVersion) and on the
// pinned 1.x (config.n8nVersion1x), the same test code (test/e2e/harness.ts reads the project's N8N_VERSION).
const { config } = require('./package.json');

const tsJest = ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: { warnOnly: false } }];

/** The suites that also run on n8n 1.x; fuzz, load and queue mode run on 2.x only. */
const onBothVersions = ['beebox', 'gengo', 'smartcat', 'phrase', 'install'].map(
	(suite) => `<rootDir>/test/e2e/${suite}.e2e.test.ts`,
);

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
			globalTeardown: '<rootDir>/test/e2e/globalTeardown.js',
			slowTestThreshold: 60,
		},
		{
			displayName: 'e2e n8n 1.x',
			testEnvironment: 'node',
			transform: { '^.+\\.ts$': tsJest },
			testMatch: onBothVersions,
			globals: { N8N_VERSION: config.n8nVersion1x, N8N_NODE_VERSION: config.nodeVersion1x },
			// a file of its own: jest runs one global setup per file, with the first project naming it
			globalSetup: '<rootDir>/test/e2e/globalSetup.n8n1.js',
			globalTeardown: '<rootDir>/test/e2e/globalTeardown.js',
			slowTestThreshold: 60,
		},
	],
	// the longest suites first (test/sequencer.js); four at a time on 2 cores: an end-to-end suite spends much of
	// its time waiting on n8n (one-minute polls, retries, answers) and so do the slowest unit tests (exports polled
	// every 3 s); with four workers both cores stay busy from the first minute to the last suites (vmstat: 0-3 %
	// idle), with three a fifth of the time was idle
	testSequencer: '<rootDir>/test/sequencer.js',
	maxWorkers: 4,
	testTimeout: 180_000,
	verbose: true,
};

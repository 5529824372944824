// Mutation testing (`npm run test:mutation`, StrykerJS): how many deliberate bugs in nodes/ and credentials/ the
// unit tests catch. The score is in CONTRIBUTING.md ("Mutation testing"). Incremental: a run reuses the results of
// mutants whose code and tests did not change (stryker-incremental.json, kept out of git).
import { availableParallelism } from 'node:os';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
	testRunner: 'jest',
	jest: { projectType: 'custom', configFile: 'jest.unit.config.js', enableFindRelatedTests: true },
	mutate: ['nodes/**/*.ts', 'credentials/**/*.ts'],
	coverageAnalysis: 'perTest',
	incremental: true,
	incrementalFile: 'reports/mutation/stryker-incremental.json',
	reporters: ['clear-text', 'progress', 'json', 'html'],
	jsonReporter: { fileName: 'reports/mutation/mutation.json' },
	htmlReporter: { fileName: 'reports/mutation/mutation.html' },
	// Four jest processes a core: a mutant's run mostly waits (simulated vendors, Retry-After, export polling);
	// on 2 cores, 2 processes left the CPU ~95 % idle, 6 left it ~75 % idle, 14 used it all.
	concurrency: availableParallelism() * 4,
	timeoutMS: 10_000,
	ignoreStatic: true,
	thresholds: { high: 85, low: 80, break: null },
	tempDirName: '.stryker-tmp',
	cleanTempDir: true,
};

// Mutation testing (`npm run test:mutation`, StrykerJS): how many deliberate bugs in nodes/ and credentials/ the
// unit tests catch. The score is in CONTRIBUTING.md ("Mutation testing").
//
// One part at a time: MUTATION_PART=common|beebox|gengo|phrase|smartcat|credentials mutates that folder only and
// writes reports/mutation/<part>.json (and .html); without it, everything goes into reports/mutation/all.json.
// `npm run mutation:score` adds the parts' reports up. Incremental: a run reuses the results of mutants whose code
// and tests did not change (reports/mutation/<part>.incremental.json, kept out of git like all of reports/).
import { availableParallelism } from 'node:os';

export const PARTS = {
	common: 'nodes/common/**/*.ts',
	beebox: 'nodes/Beebox/**/*.ts',
	gengo: 'nodes/Gengo/**/*.ts',
	phrase: 'nodes/Phrase/**/*.ts',
	smartcat: 'nodes/Smartcat/**/*.ts',
	credentials: 'credentials/**/*.ts',
};
const part = process.env.MUTATION_PART ?? 'all';
if (part !== 'all' && !(part in PARTS))
	throw new Error(`MUTATION_PART must be one of ${Object.keys(PARTS).join(', ')}`);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
	testRunner: 'jest',
	jest: { projectType: 'custom', configFile: 'jest.unit.config.js', enableFindRelatedTests: true },
	mutate: part === 'all' ? Object.values(PARTS) : [PARTS[part]],
	coverageAnalysis: 'perTest',
	incremental: true,
	incrementalFile: `reports/mutation/${part}.incremental.json`,
	reporters: ['clear-text', 'progress', 'json', 'html'],
	jsonReporter: { fileName: `reports/mutation/${part}.json` },
	htmlReporter: { fileName: `reports/mutation/${part}.html` },
	// Four jest processes a core: a mutant's run mostly waits (simulated vendors, Retry-After, export polling);
	// on 2 cores, 2 processes left the CPU ~95 % idle, 6 left it ~75 % idle, 14 used it all.
	concurrency: availableParallelism() * 4,
	// a mutant's time limit is 1.5 × its tests' time in the first run + this: generous, because with four
	// processes a core a test runs slower than it did in that first run
	timeoutMS: 20_000,
	ignoreStatic: true,
	thresholds: { high: 85, low: 80, break: null },
	tempDirName: '.stryker-tmp',
	cleanTempDir: true,
};

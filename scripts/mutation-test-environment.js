// Jest test environment for mutation testing (jest.unit.config.js, used by stryker.config.mjs).
//
// 1. Stop at the first failing test of a mutant. A mutant is killed by the first test that fails; Stryker still
//    lets jest run every other test that covers it (jest has no programmatic bail), and some of ours wait out a
//    vendor's Retry-After or an export for seconds. After a failure in a run for a mutant (Stryker names it in
//    __STRYKER_ACTIVE_MUTANT__), the rest of that run's tests are skipped, in this file and in the files after it.
// 2. Load n8n-workflow once for the process, not once per test file (scripts/mutation-n8n-workflow.js): a
//    mutant's run loads several test files, and n8n-workflow is most of what each costs to load.
// Outside a mutant run this is jest's node environment plus the shared n8n-workflow; Stryker's first run checks
// that every test passes with it.
const { TestEnvironment } = require('jest-environment-node');

const shared = { 'n8n-workflow': require('n8n-workflow') };
const ACTIVE_MUTANT = '__STRYKER_ACTIVE_MUTANT__';
/** The mutant whose run already has a failing test; module state lives as long as Stryker's jest process. */
let killed;

function skipAll(block) {
	for (const child of block.children) {
		if (child.type === 'describeBlock') skipAll(child);
		else child.mode = 'skip';
	}
}

class MutationTestEnvironment extends TestEnvironment {
	constructor(config, context) {
		super(config, context);
		this.global.__mutationTestingShared = shared;
	}

	async handleTestEvent(event, state) {
		const mutant = process.env[ACTIVE_MUTANT];
		if (mutant === undefined) return;
		if (event.name === 'test_fn_failure' || event.name === 'hook_failure') {
			killed = mutant;
			skipAll(state.rootDescribeBlock);
		} else if (event.name === 'run_start' && killed === mutant) {
			skipAll(state.rootDescribeBlock);
		}
	}
}

module.exports = MutationTestEnvironment;

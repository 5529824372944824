// Jest test sequencer for mutation testing (jest.unit.config.js, used by stryker.config.mjs).
//
// For each mutant Stryker runs jest with a test name pattern: the tests that executed the mutated code in its first
// run. Jest still loads every candidate test file and only then skips the tests whose names do not match, and
// loading a file (its module graph: n8n-workflow, zod, the simulators) costs ~0.35 s. This sequencer records each
// file's test names and run time when a run has no name pattern (Stryker's first, complete run); in a run with a
// pattern it drops the files none of whose tests match it, and puts the quickest files first, so that the first
// failure (which ends a mutant's run: mutation-test-environment.js) tends to come early. The same tests run as
// without it. A file it knows nothing about is always kept, so a stale or missing record only costs time. It acts
// only inside Stryker's processes (a developer's `jest -c jest.unit.config.js -t …` runs as usual).
const fs = require('node:fs');
const path = require('node:path');
const Sequencer = require('@jest/test-sequencer').default;

class MutationTestSequencer extends Sequencer {
	constructor(options) {
		super(options);
		this.pattern = options.globalConfig.testNamePattern;
		// Stryker's test-runner processes have STRYKER_MUTATOR_WORKER; a mutant's run, __STRYKER_ACTIVE_MUTANT__
		this.inStryker = process.env.STRYKER_MUTATOR_WORKER !== undefined;
		this.mutantRun = process.env.__STRYKER_ACTIVE_MUTANT__ !== undefined;
		const rootDir = options.contexts[0]?.config.rootDir ?? process.cwd();
		this.recordFile = path.join(rootDir, '.jest-test-names.json');
	}

	readRecord() {
		try {
			return JSON.parse(fs.readFileSync(this.recordFile, 'utf8'));
		} catch {
			return undefined;
		}
	}

	async sort(tests) {
		const sorted = await super.sort(tests);
		const record = this.pattern && this.mutantRun ? this.readRecord() : undefined;
		if (!record) return sorted;
		// jest-circus matches the pattern against each test's full name, case-insensitively
		const pattern = new RegExp(this.pattern, 'i');
		const runtime = (test) => record[test.path]?.runtime ?? Infinity;
		return sorted
			.filter((test) => {
				const names = record[test.path]?.names;
				return !Array.isArray(names) || names.some((name) => pattern.test(name));
			})
			.sort((a, b) => runtime(a) - runtime(b));
	}

	cacheResults(tests, results) {
		super.cacheResults(tests, results);
		if (this.pattern || !this.inStryker) return;
		const record = this.readRecord() ?? {};
		for (const file of results.testResults) {
			record[file.testFilePath] = {
				names: file.testResults.map((test) => test.fullName),
				runtime: file.perfStats.runtime,
			};
		}
		fs.writeFileSync(this.recordFile, JSON.stringify(record));
	}
}

module.exports = MutationTestSequencer;

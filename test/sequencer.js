// The order jest starts test files in (jest.config.js, `testSequencer`). With a few workers, the run lasts as long
// as the worker that gets the most: starting the longest files first and the short ones last fills the workers
// evenly. Jest orders by the durations it cached in an earlier run on the same machine, and by file size where it
// has none, which on a fresh clone (CI, a new contributor) puts the long end-to-end suites anywhere. So the order
// comes from the durations measured here (seconds, `npm test` with four workers on 2 cores, n8n installed,
// 2026-12-07, load and fuzz on the legacy expression engine), longest first; a file not listed (a new one) goes by jest's own order after them, the unit tests
// last: they are many short files that fill the gaps at the end.
const Sequencer = require('@jest/test-sequencer').default;

/** Measured duration of each end-to-end suite, in seconds, by project (`displayName`) and file name. */
const MEASURED = {
	e2e: {
		'outage.e2e.test.ts': 396,
		'smartcat.e2e.test.ts': 177,
		'load.e2e.test.ts': 166,
		'phrase.e2e.test.ts': 141,
		'beebox.e2e.test.ts': 140,
		'queue.e2e.test.ts': 123,
		'gengo.e2e.test.ts': 87,
		'editor.e2e.test.ts': 67,
		// under jest's 60 s slow-test threshold, so not printed: estimates
		'fuzz.e2e.test.ts': 55,
		'install.e2e.test.ts': 40,
		'security.e2e.test.ts': 50,
	},
	'e2e n8n 1.x': {
		'beebox.e2e.test.ts': 170,
		'smartcat.e2e.test.ts': 112,
		'phrase.e2e.test.ts': 88,
		'gengo.e2e.test.ts': 79,
		'install.e2e.test.ts': 35,
	},
};

/** @param {{ path: string, context: { config: { displayName?: string | { name: string } } } }} test */
function measured(test) {
	const { displayName } = test.context.config;
	const project = typeof displayName === 'string' ? displayName : displayName?.name;
	const file = test.path.split(/[\\/]/).pop() ?? '';
	return MEASURED[project ?? '']?.[file];
}

class LongestFirst extends Sequencer {
	async sort(tests) {
		const byJest = await super.sort(tests);
		const known = byJest.filter((test) => measured(test) !== undefined);
		const unknown = byJest.filter((test) => measured(test) === undefined);
		known.sort((a, b) => (measured(b) ?? 0) - (measured(a) ?? 0));
		return [...known, ...unknown];
	}
}

module.exports = LongestFirst;
module.exports.MEASURED = MEASURED;

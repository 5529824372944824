// The order jest starts test files in (jest.config.js, `testSequencer`). With a few workers, the run lasts as long
// as the worker that gets the most: starting the longest files first and the short ones last fills the workers
// evenly. Jest orders by the durations it cached in an earlier run on the same machine, and by file size where it
// has none, which on a fresh clone (CI, a new contributor) puts the long end-to-end suites anywhere. So the order
// comes from the durations measured here (seconds on 2 cores, n8n installed, `npm test`), longest first; a file
// not listed (a new one) goes by jest's own order after them, the unit tests last: they are many short files that
// fill the gaps at the end.
const Sequencer = require('@jest/test-sequencer').default;

/** Measured duration of each end-to-end suite, in seconds, by project (`displayName`) and file name. */
const MEASURED = {
	e2e: {
		'fuzz.e2e.test.ts': 300,
		'queue.e2e.test.ts': 280,
		'outage.e2e.test.ts': 250,
		'gengo.e2e.test.ts': 200,
		'smartcat.e2e.test.ts': 200,
		'phrase.e2e.test.ts': 200,
		'beebox.e2e.test.ts': 200,
		'load.e2e.test.ts': 180,
		'security.e2e.test.ts': 120,
		'install.e2e.test.ts': 120,
	},
	'e2e n8n 1.x': {
		'gengo.e2e.test.ts': 110,
		'smartcat.e2e.test.ts': 110,
		'phrase.e2e.test.ts': 110,
		'beebox.e2e.test.ts': 110,
		'install.e2e.test.ts': 100,
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

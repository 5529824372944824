// The order jest starts test files in (jest.config.js, `testSequencer`). With a few workers, the run lasts as long
// as the worker that gets the most: starting the longest files first and the short ones last fills the workers
// evenly. Jest orders by the durations it cached in an earlier run on the same machine, and by file size where it
// has none, which on a fresh clone (CI, a new contributor) puts the long end-to-end suites anywhere. So the order
// comes from the durations measured here (seconds, one `npm test` with four workers on 2 cores, n8n installed,
// 2026-12-07, one n8n per vendor file; load, fuzz and outage on the legacy expression engine; each suite takes
// longer inside the run than alone), longest first; a file not listed (a new one) goes by jest's own order after them, the unit tests
// last: they are many short files that fill the gaps at the end.
const Sequencer = require('@jest/test-sequencer').default;

/** Measured duration of each end-to-end suite, in seconds, by project (`displayName`) and file name. */
const MEASURED = {
	e2e: {
		'outage.e2e.test.ts': 410,
		'gengo.e2e.test.ts': 179,
		'smartcat.e2e.test.ts': 177,
		'load.e2e.test.ts': 159,
		'phrase.e2e.test.ts': 151,
		'queue.e2e.test.ts': 148,
		'beebox.e2e.test.ts': 144,
		'fuzz.e2e.test.ts': 115,
		'security.e2e.test.ts': 110,
		'editor.e2e.test.ts': 108,
		'install.e2e.test.ts': 50,
	},
	'e2e n8n 1.x': {
		'phrase.e2e.test.ts': 158,
		'beebox.e2e.test.ts': 158,
		'smartcat.e2e.test.ts': 154,
		'gengo.e2e.test.ts': 118,
		'install.e2e.test.ts': 30,
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

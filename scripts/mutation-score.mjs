// `npm run mutation:score`: the mutation score of each part measured with MUTATION_PART=<part> npm run
// test:mutation (reports/mutation/<part>.json, see stryker.config.mjs), and of all of them together. The score
// is Stryker's: killed and timed-out mutants over all valid ones (survivors and mutants no test reaches count
// against it); "of covered" leaves out the mutants no test reaches.
import { existsSync, readFileSync } from 'node:fs';

import { PARTS as PART_GLOBS } from '../stryker.config.mjs';

// the parts stryker.config.mjs knows, so the two never disagree
const PARTS = Object.keys(PART_GLOBS);
const count = (statuses, ...names) => names.reduce((sum, name) => sum + (statuses[name] ?? 0), 0);
const total = {};
const rows = [];
const missing = [];
for (const part of PARTS) {
	const file = `reports/mutation/${part}.json`;
	if (!existsSync(file)) {
		missing.push(part);
		continue;
	}
	const statuses = {};
	for (const { mutants } of Object.values(JSON.parse(readFileSync(file, 'utf8')).files)) {
		for (const { status } of mutants) {
			statuses[status] = (statuses[status] ?? 0) + 1;
			total[status] = (total[status] ?? 0) + 1;
		}
	}
	rows.push([part, statuses]);
}
const line = (name, s) => {
	const detected = count(s, 'Killed', 'Timeout');
	const valid = detected + count(s, 'Survived', 'NoCoverage');
	const covered = detected + count(s, 'Survived');
	const pct = (a, b) => (b ? ((100 * a) / b).toFixed(1) : '-').padStart(6);
	return `${name.padEnd(12)} ${pct(detected, valid)} % ${pct(detected, covered)} %   killed ${count(s, 'Killed')}, timed out ${count(s, 'Timeout')}, survived ${count(s, 'Survived')}, no test ${count(s, 'NoCoverage')}`;
};
console.log(`${'part'.padEnd(12)}  score   of covered`);
for (const [part, statuses] of rows) console.log(line(part, statuses));
console.log(line('total', total));
if (missing.length)
	console.log(`not measured: ${missing.join(', ')} (MUTATION_PART=<part> npm run test:mutation)`);

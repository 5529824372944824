/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- developer tooling: runs in Node.js, never inside n8n, so n8n's rules for node code do not apply (CONTRIBUTING.md, "Lint") */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import publicEventCodes from '../fixtures/public/beebox/callbacks-parameters-event-codes.json';

import { BeeboxTrigger } from '../../nodes/Beebox/BeeboxTrigger.node';
import {
	BEEBOX_EVENT_GROUPS,
	canonicalEventCode,
	eventGroup,
	humanize,
} from '../../nodes/Beebox/events';

/** The event codes of Wordbee's "Callbacks - Parameters" page, transcribed into a public fixture (source in the file). */
const documented: string[] = Object.values(publicEventCodes.groups).flat();

/** The Events table of the trigger's page (docs/nodes/wordbee-beebox-trigger.md): group → codes, as users read them. */
function codesInReadme(): Record<string, string[]> {
	const text = readFileSync(
		join(__dirname, '..', '..', 'docs', 'nodes', 'wordbee-beebox-trigger.md'),
		'utf8',
	);
	const section = text.slice(text.indexOf('## Events'), text.indexOf('## Output'));
	const rows = [...section.matchAll(/^\| ([A-Za-z ]+) \| ([A-Za-z, ]+) \|$/gm)].filter(
		(m) => m[1] !== 'Group',
	);
	return Object.fromEntries(rows.map((m) => [m[1], m[2].split(', ')]));
}

const ourCodes = BEEBOX_EVENT_GROUPS.flatMap((g) => g.events.map(([code]) => code as string));

describe('Beebox event codes', () => {
	it("are exactly the ones Wordbee's callbacks page lists, in its groups and order", () => {
		expect(documented).toHaveLength(40);
		expect(ourCodes).toEqual(documented);
	});

	it("are the ones the trigger's documentation page lists, group by group", () => {
		const documented = codesInReadme();
		expect(Object.keys(documented)).toHaveLength(5);
		expect(documented).toEqual(
			Object.fromEntries(BEEBOX_EVENT_GROUPS.map((g) => [g.group, g.events.map(([code]) => code)])),
		);
	});

	it('are 40 distinct codes in five groups', () => {
		expect(new Set(ourCodes).size).toBe(ourCodes.length);
		expect(ourCodes).toHaveLength(40);
		expect(BEEBOX_EVENT_GROUPS.map((g) => g.group)).toEqual([
			'File',
			'Job',
			'TMS Link',
			'Project',
			'Administration',
		]);
	});

	it("map the CreateTranslatedFiles spelling of Wordbee's callbacks page, and pass other codes through", () => {
		expect(canonicalEventCode('CreateTranslatedFiles')).toBe('CreatedTranslatedFiles');
		expect(canonicalEventCode('Brand New')).toBe('Brand New');
		expect(eventGroup('PackageTmsDownloadResults')).toBe('Job');
		expect(eventGroup('Brand New')).toBeNull();
	});

	it("all appear in the node's event filter, with readable names", () => {
		const options =
			new BeeboxTrigger().description.properties.find((p) => p.name === 'events')?.options ?? [];
		const values = options.map((o) => ('value' in o ? o.value : undefined));
		expect(values).toEqual(['*', ...ourCodes]);
		expect(humanize('PackageTmsCheckResultsDone')).toBe('Package TMS Check Results Done');
		expect(humanize('TmsSendLinkRequest')).toBe('TMS Send Link Request');
	});
});

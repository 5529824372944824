import { jobPartWanted, projectNameOf, type PhraseJobFilters } from '../../nodes/Phrase/filters';
import type { PhraseJobPart } from '../../nodes/Phrase/schemas';

/** The Phrase TMS Trigger's job-part filters, each on its own: a part passes only the filters it meets. */
const part = (fields: Record<string, unknown>) => fields as unknown as PhraseJobPart;

const PART = part({
	uid: 'j1',
	status: 'COMPLETED',
	targetLang: 'de_de',
	workflowLevel: 2,
	project: { uid: 'p1', name: 'Website Relaunch', lastWorkflowLevel: 2 },
	assignedTo: [
		{
			linguist: {
				userName: 'Anna.K',
				email: 'anna@lsp.example',
				uid: 'u-9',
				id: 42,
				firstName: 'Anna',
				lastName: 'Keller',
			},
			vendor: { name: 'Big LSP' },
			note: 'not a name',
			nobody: null,
		},
	],
});

const wanted = (filters: PhraseJobFilters, event = 'JOB_STATUS_CHANGED', p = PART, metadata = {}) =>
	jobPartWanted(event, p, metadata, filters);

describe('jobPartWanted', () => {
	it('passes everything without filters', () => {
		expect(wanted({})).toBe(true);
		expect(wanted({}, 'JOB_ASSIGNED', part({ uid: 'bare' }))).toBe(true);
	});

	it.each([
		[{ projectUid: ' p1 ' }, true],
		[{ projectUid: 'p2' }, false],
		[{ projectNameContains: ' relaunch ' }, true],
		[{ projectNameContains: 'intranet' }, false],
		[{ targetLang: ' DE_DE ' }, true],
		[{ targetLang: 'fr_fr' }, false],
		[{ workflowLevel: 2 }, true],
		[{ workflowLevel: 1 }, false],
		[{ lastWorkflowLevelOnly: true }, true],
		[{ statuses: ['api:DELIVERED'] }, true],
		[{ statuses: ['api:COMPLETED'] }, false],
		[{ statuses: [] }, true],
	])('%j → %s', (filters, expected) => {
		expect(wanted(filters)).toBe(expected);
	});

	it('a part without the filtered field does not pass', () => {
		const bare = part({ uid: 'bare' });
		for (const filters of [
			{ projectUid: 'p1' },
			{ projectNameContains: 'a' },
			{ targetLang: 'de' },
			{ workflowLevel: 1 },
			{ lastWorkflowLevelOnly: true },
			{ statuses: ['api:NEW'] },
		])
			expect([filters, wanted(filters, 'JOB_STATUS_CHANGED', bare)]).toEqual([filters, false]);
	});

	it('"last workflow step only": the part must be at the project\'s last level', () => {
		const earlier = part({ ...PART, workflowLevel: 1 });
		expect(wanted({ lastWorkflowLevelOnly: true }, 'JOB_STATUS_CHANGED', earlier)).toBe(false);
		const unknownLast = part({ ...PART, project: { uid: 'p1', lastWorkflowLevel: null } });
		expect(wanted({ lastWorkflowLevelOnly: true }, 'JOB_STATUS_CHANGED', unknownLast)).toBe(false);
	});

	it('the assignee filter applies to JOB_ASSIGNED only, and matches any name the assignment gives', () => {
		for (const name of ['anna.k', 'ANNA@lsp.example', 'u-9', '42', 'big lsp', 'Anna', 'keller'])
			expect([name, wanted({ assignee: ` ${name} ` }, 'JOB_ASSIGNED')]).toEqual([name, true]);
		for (const name of ['not a name', 'someone else', ''])
			expect([name, wanted({ assignee: name || 'x' }, 'JOB_ASSIGNED')]).toEqual([name, false]);
		expect(wanted({ assignee: 'someone else' }, 'JOB_STATUS_CHANGED')).toBe(true);
	});

	it('the status filter applies to JOB_STATUS_CHANGED only', () => {
		expect(wanted({ statuses: ['api:NEW'] }, 'JOB_CREATED')).toBe(true);
	});
});

describe('projectNameOf', () => {
	it("takes the metadata's project name first, then the part's, else nothing", () => {
		expect(projectNameOf(PART, { project: { name: 'From metadata' } })).toBe('From metadata');
		expect(projectNameOf(PART, {})).toBe('Website Relaunch');
		expect(projectNameOf(PART, null)).toBe('Website Relaunch');
		expect(projectNameOf(part({ uid: 'x' }), undefined)).toBe('');
	});

	it('the name filter reads the metadata too', () => {
		expect(
			jobPartWanted(
				'JOB_CREATED',
				part({ uid: 'x' }),
				{ project: { name: 'Relaunch' } },
				{
					projectNameContains: 'relaunch',
				},
			),
		).toBe(true);
	});
});

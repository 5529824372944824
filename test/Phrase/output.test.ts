import {
	buildAllJobsItem,
	buildAllJobsUncheckedItem,
	buildPhraseBatchItem,
	buildPhraseJobItem,
	buildPhraseOtherItem,
	occurredAtOf,
} from '../../nodes/Phrase/output';
import type { PhraseDelivery, PhraseJobPart } from '../../nodes/Phrase/schemas';

/**
 * The Phrase TMS items' eventKeys and times: saved workflows deduplicate on eventKey (Remove Duplicates, the
 * catch-up), so each rule is pinned here to the character.
 */
const at = new Date('2026-01-01T00:00:00Z');
const delivery = (fields: Record<string, unknown>) => fields as unknown as PhraseDelivery;
const part = (fields: Record<string, unknown>) => fields as unknown as PhraseJobPart;

const ASSIGNED = [
	{ linguist: { userName: 'anna', id: 7 }, vendor: { name: 'LSP' }, note: 'x', none: null },
];
const PARTS = [
	part({ uid: 'j1', status: 'COMPLETED', dateDue: '2026-02-01T00:00:00Z', assignedTo: ASSIGNED }),
	part({ uid: 'j2', status: 'NEW' }),
];

describe('occurredAtOf: Phrase timestamps', () => {
	it.each([
		[1741357466, '2025-03-07T14:24:26.000Z'],
		['1741357466', '2025-03-07T14:24:26.000Z'],
		[' 1741357466.5 ', '2025-03-07T14:24:26.500Z'],
		[1741357466000, '2025-03-07T14:24:26.000Z'],
		[99_999_999_999, '5138-11-16T09:46:39.000Z'],
		[100_000_000_000, '1973-03-03T09:46:40.000Z'],
		['2025-03-07T14:24:21Z', '2025-03-07T14:24:21.000Z'],
	])('%j → %s', (timestamp, iso) => {
		expect(occurredAtOf(timestamp as never)?.toISOString()).toBe(iso);
	});

	it.each([undefined, null, '', 'soon'])('%j → null', (timestamp) => {
		expect(occurredAtOf(timestamp as never)).toBeNull();
	});
});

describe('eventKey rules', () => {
	it('one item per job part: by eventUid and part, else by what the event says about the part', () => {
		const key = (event: string, p: PhraseJobPart, eventUid?: string) =>
			buildPhraseJobItem(delivery({ event, eventUid }), p, at).eventKey;
		expect(key('JOB_STATUS_CHANGED', PARTS[0], 'ev-1')).toBe('phrase:JOB_STATUS_CHANGED:ev-1:j1');
		expect(key('JOB_STATUS_CHANGED', PARTS[0])).toBe('phrase:JOB_STATUS_CHANGED:j1:COMPLETED');
		// an empty eventUid is none
		expect(key('JOB_STATUS_CHANGED', PARTS[0], '')).toBe('phrase:JOB_STATUS_CHANGED:j1:COMPLETED');
		expect(key('JOB_DUE_DATE_CHANGED', PARTS[0])).toBe(
			'phrase:JOB_DUE_DATE_CHANGED:j1:2026-02-01T00:00:00Z',
		);
		expect(key('JOB_ASSIGNED', PARTS[0])).toBe(
			`phrase:JOB_ASSIGNED:j1:${JSON.stringify(ASSIGNED)}`,
		);
		expect(key('JOB_ASSIGNED', PARTS[1])).toBe('phrase:JOB_ASSIGNED:j2:[]');
		expect(key('JOB_DUE_DATE_CHANGED', PARTS[1])).toBe('phrase:JOB_DUE_DATE_CHANGED:j2:');
		expect(key('JOB_CREATED', part({ uid: 'j3' }))).toBe('phrase:JOB_CREATED:j3:');
	});

	it('one item per delivery: by eventUid, else every part with its detail', () => {
		expect(
			buildPhraseBatchItem(delivery({ event: 'JOB_STATUS_CHANGED', eventUid: 'ev-1' }), PARTS, at)
				.eventKey,
		).toBe('phrase:JOB_STATUS_CHANGED:ev-1');
		const batch = buildPhraseBatchItem(delivery({ event: 'JOB_STATUS_CHANGED' }), PARTS, at);
		expect([batch.vendor, batch.eventKey, batch.eventUid]).toEqual([
			'phrase',
			'phrase:JOB_STATUS_CHANGED:j1:COMPLETED,j2:NEW',
			null,
		]);
	});

	it('other events: the job and time, or the project and its status or due date', () => {
		const key = (body: Record<string, unknown>) =>
			buildPhraseOtherItem(delivery(body), at).eventKey;
		expect(key({ event: 'JOB_UNEXPORTED', jobUid: 'j1', timestamp: 1741357466 })).toBe(
			'phrase:JOB_UNEXPORTED:j1:1741357466',
		);
		expect(key({ event: 'JOB_UNEXPORTED', jobUid: 'j1' })).toBe('phrase:JOB_UNEXPORTED:j1:');
		expect(
			key({ event: 'PROJECT_STATUS_CHANGED', project: { uid: 'p1', status: 'COMPLETED' } }),
		).toBe('phrase:PROJECT_STATUS_CHANGED:p1:COMPLETED');
		expect(
			key({
				event: 'PROJECT_DUE_DATE_CHANGED',
				project: { uid: 'p1', dateDue: '2026-03-01' },
				timestamp: 5,
			}),
		).toBe('phrase:PROJECT_DUE_DATE_CHANGED:p1:2026-03-01');
		expect(key({ event: 'PROJECT_CREATED', project: { uid: 'p1' }, timestamp: 5 })).toBe(
			'phrase:PROJECT_CREATED:p1:5',
		);
		expect(key({ event: 'PROJECT_DELETED' })).toBe('phrase:PROJECT_DELETED::');
		expect(key({ event: 'PROJECT_CREATED', eventUid: 'ev-9', project: { uid: 'p1' } })).toBe(
			'phrase:PROJECT_CREATED:ev-9',
		);
	});

	it("ANALYSIS_CREATED: the project is the analysis's", () => {
		const item = buildPhraseOtherItem(
			delivery({ event: 'ANALYSIS_CREATED', analyse: { uid: 'a1', project: { uid: 'p7' } } }),
			at,
		);
		expect([item.vendor, item.projectId, item.eventUid, item.eventKey]).toEqual([
			'phrase',
			'p7',
			null,
			'phrase:ANALYSIS_CREATED::',
		]);
		const odd = buildPhraseOtherItem(
			delivery({ event: 'ANALYSIS_CREATED', analyse: { uid: 'a1', project: 'p7' } }),
			at,
		);
		expect(odd.projectId ?? null).toBeNull();
	});

	it('"all jobs reached", unchecked: keyed by eventUid, else by the parts that changed', () => {
		const check = {
			projectUid: 'p1',
			workflowLevel: 2,
			apiStatus: 'COMPLETED',
			reason: 'too many jobs',
		};
		const item = (body: Record<string, unknown>) =>
			buildAllJobsUncheckedItem(delivery(body), check, PARTS, at);
		expect(item({ event: 'JOB_STATUS_CHANGED', eventUid: 'ev-1' }).eventKey).toBe(
			'phrase:allJobsUnchecked:p1:2:COMPLETED:ev-1',
		);
		const unchecked = item({ event: 'JOB_STATUS_CHANGED' });
		expect([unchecked.vendor, unchecked.eventKey, unchecked.eventUid]).toEqual([
			'phrase',
			'phrase:allJobsUnchecked:p1:2:COMPLETED:j1,j2',
			null,
		]);
	});

	it('"all jobs reached": keyed by project, workflow step and status, once, whichever delivery completed it', () => {
		const check = {
			projectUid: 'p1',
			workflowLevel: 2,
			apiStatus: 'COMPLETED',
			jobCount: 2,
			jobs: [],
			jobsComplete: true,
		};
		const keys = [{ eventUid: 'ev-1' }, { eventUid: 'ev-2' }, {}].map(
			(uid) =>
				buildAllJobsItem(delivery({ event: 'JOB_STATUS_CHANGED', ...uid }), check, at).eventKey,
		);
		expect(new Set(keys)).toEqual(new Set(['phrase:allJobsReached:p1:2:COMPLETED']));
	});
});

describe('the job item', () => {
	it('lists the assignees flattened, with their role; other fields of an assignment are left out', () => {
		const item = buildPhraseJobItem(delivery({ event: 'JOB_ASSIGNED' }), PARTS[0], at);
		expect([item.vendor, item.eventUid, item.assignedTo]).toEqual([
			'phrase',
			null,
			[
				{ type: 'linguist', userName: 'anna', id: 7 },
				{ type: 'vendor', name: 'LSP' },
			],
		]);
	});
});

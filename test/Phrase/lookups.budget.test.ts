import type { IDataObject, IHttpRequestOptions, IWebhookFunctions } from 'n8n-workflow';

import { WorkBudget } from '../../nodes/common/delivery/workBudget';
import { allJobsReached, jobItemsWithFullJobs } from '../../nodes/Phrase/lookups';
import { scriptedContext } from '../helpers/scriptedContext';
import type { PhraseDelivery, PhraseJobPart } from '../../nodes/Phrase/schemas';

/**
 * The Phrase TMS Trigger's lookups inside one delivery, against scripted API answers: what happens at the edge
 * of the delivery's call budget, for parts without a project, and how each call's time is bounded.
 */
const at = new Date('2026-01-01T00:00:00Z');
const BUDGET_REASON = "the delivery's lookup limit (50 Phrase API calls, 20 s) was reached";

function context(answer: (options: IHttpRequestOptions) => unknown) {
	const scripted = scriptedContext({ credentials: { region: 'eu' }, answers: answer });
	return {
		ctx: scripted.ctx as IWebhookFunctions,
		requests: scripted.requests,
		errors: scripted.logs.error,
		responses: scripted.responses,
	};
}

const delivery = { event: 'JOB_STATUS_CHANGED' } as unknown as PhraseDelivery;
// COMPLETED_BY_LINGUIST is what webhooks call the API's COMPLETED (nodes/Phrase/statuses.ts)
const part = (uid: string, fields: Record<string, unknown> = {}) =>
	({
		uid,
		status: 'COMPLETED_BY_LINGUIST',
		project: { uid: 'p1' },
		...fields,
	}) as unknown as PhraseJobPart;

describe('Fetch Full Job', () => {
	it('looks up each part while the budget lasts; the rest, and parts without a project, say why not', async () => {
		const { ctx, requests } = context(() => ({ uid: 'from-api' }));
		const items = await jobItemsWithFullJobs(
			ctx,
			delivery,
			[part('j1'), part('j2', { project: undefined }), part('j3')],
			at,
			new WorkBudget({ calls: 1, ms: 20_000 }),
		);
		expect(items.map((item) => [item.job ?? null, item.jobLookupSkipped ?? null])).toEqual([
			[{ uid: 'from-api' }, null],
			[null, 'the job part names no project uid'],
			[null, BUDGET_REASON],
		]);
		expect(requests).toHaveLength(1);
		// a call may last what is left of the delivery's time, at most 10 s, at least 1 s; no 429 is waited out
		expect(requests[0].timeout).toBe(10_000);
	});

	it('a short remaining time bounds the call, never below 1 s', async () => {
		const { ctx, requests } = context(() => ({ uid: 'x' }));
		await jobItemsWithFullJobs(
			ctx,
			delivery,
			[part('j1')],
			at,
			new WorkBudget({ calls: 5, ms: 3_000 }),
		);
		await jobItemsWithFullJobs(
			ctx,
			delivery,
			[part('j1')],
			at,
			new WorkBudget({ calls: 5, ms: 10 }),
		);
		expect(requests[0].timeout).toBeGreaterThan(2_000);
		expect(requests[0].timeout).toBeLessThanOrEqual(3_000);
		expect(requests[1].timeout).toBe(1_000);
	});

	it('a failed lookup: 503 for Phrase to retry, the reason in the log', async () => {
		const { ctx, errors } = context(() => Object.assign(new Error('socket hang up'), {}));
		const rejected = await jobItemsWithFullJobs(ctx, delivery, [part('j1')], at).catch(
			(e: unknown) => e as IDataObject,
		);
		expect(rejected).toMatchObject({
			httpStatus: 503,
			message: 'could not fetch the jobs from Phrase TMS; retry later',
		});
		expect(errors).toEqual([
			'Phrase TMS Trigger: fetching jobs failed: Phrase TMS API unreachable: socket hang up',
		]);
	});
});

describe('"all jobs reached"', () => {
	const page = (totalElements: number, content: IDataObject[] = [], totalPages = 1) => ({
		content,
		totalElements,
		totalPages,
	});
	const query = (options: IHttpRequestOptions) => new URL(options.url).searchParams;

	it('no job has the status yet: no item (the trigger answers), and one call made', async () => {
		const { ctx, requests, responses } = context(() => page(0));
		expect(await allJobsReached(ctx, delivery, [part('j1')], 'COMPLETED', at)).toEqual([]);
		expect(requests).toHaveLength(1);
		expect(query(requests[0]).getAll('status')).toEqual(['COMPLETED']);
		// a lookup returns data: answering the delivery is the trigger's decision
		expect(responses).toEqual([]);
	});

	it('checks only parts that have the status and a project; a step per project and workflow level', async () => {
		const { ctx, requests } = context((options) =>
			query(options).get('status') ? page(2, [{ uid: 'a' }, { uid: 'b' }]) : page(2),
		);
		const result = await allJobsReached(
			ctx,
			delivery,
			[
				part('j1'),
				part('j2', { status: 'NEW' }),
				part('j3', { project: undefined }),
				part('j4', { workflowLevel: 2 }),
			],
			'COMPLETED',
			at,
		);
		expect(
			requests.map((r) => `${query(r).get('workflowLevel')}:${query(r).get('status')}`),
		).toEqual(['1:COMPLETED', '1:null', '2:COMPLETED', '2:null']);
		expect(result.map((item) => [item.workflowLevel, item.jobCount])).toEqual([
			[1, 2],
			[2, 2],
		]);
	});

	it('the budget runs out between the two counts, or before the first: an unchecked item, not a lost event', async () => {
		for (const calls of [0, 1]) {
			const { ctx, requests } = context(() => page(3, [{ uid: 'a' }]));
			const result = await allJobsReached(
				ctx,
				delivery,
				[part('j1')],
				'COMPLETED',
				at,
				new WorkBudget({ calls, ms: 20_000 }),
			);
			expect(requests).toHaveLength(calls);
			expect(result.map((item) => item.allJobsCheckSkipped)).toEqual([BUDGET_REASON]);
		}
	});

	it('lists the jobs page by page, and stops at an empty page', async () => {
		const { ctx, requests } = context((options) => {
			const q = query(options);
			if (!q.get('status')) return page(120);
			const number = Number(q.get('pageNumber'));
			return number === 0
				? page(
						120,
						Array.from({ length: 50 }, (_, i) => ({ uid: `a${i}` })),
						3,
					)
				: number === 1
					? page(120, [])
					: page(120, [{ uid: 'never' }], 3);
		});
		const result = await allJobsReached(ctx, delivery, [part('j1')], 'COMPLETED', at);
		expect(requests).toHaveLength(3);
		expect(result[0]).toMatchObject({ jobCount: 120, jobsComplete: false });
	});

	it('a failed listing: 503 for Phrase to retry, the project in the log', async () => {
		const { ctx, errors } = context(() => new Error('socket hang up'));
		const rejected = await allJobsReached(ctx, delivery, [part('j1')], 'COMPLETED', at).catch(
			(e: unknown) => e as IDataObject,
		);
		expect(rejected).toMatchObject({
			httpStatus: 503,
			message: "could not list the project's jobs in Phrase TMS; retry later",
		});
		expect(errors).toEqual([
			'Phrase TMS Trigger: listing the jobs of project p1 failed: Phrase TMS API unreachable: socket hang up',
		]);
	});
});

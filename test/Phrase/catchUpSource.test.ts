import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { WorkBudget } from '../../nodes/common/delivery/workBudget';
import { itemsOfCall, phraseCatchUpSource } from '../../nodes/Phrase/catchUpSource';
import { scriptedContext } from '../helpers/scriptedContext';

/**
 * What the Phrase TMS Catch-Up Trigger makes of Phrase's webhook call history, against scripted pages: one
 * observation per event (its earliest failed call), the node's URL filter, paging and its end.
 */
const URL = 'https://n8n.example/webhook/x/phrase';
const delivery = (eventUid: string, jobUid = 'j1') =>
	JSON.stringify({
		event: 'JOB_STATUS_CHANGED',
		eventUid,
		timestamp: 1741357466,
		jobParts: [{ uid: jobUid, status: 'COMPLETED', project: { uid: 'p1' } }],
	});

/**
 * Whose calls: the account's, or with a `webhookUrl` that URL's ("A Given Webhook URL"), unless a test says
 * otherwise. `global`: the workflow's static data.
 */
function context(pages: unknown[], parameters: IDataObject = {}, global: IDataObject = {}) {
	const scripted = scriptedContext({
		credentials: { region: 'eu' },
		answers: pages.map((body) => ({ statusCode: 200, body })),
		parameters: { webhooks: 'webhookUrl' in parameters ? 'url' : 'account', ...parameters },
	});
	const ctx = {
		...(scripted.ctx as object),
		getNode: () => ({ name: 'Catch-Up' }),
		getWorkflowStaticData: () => global,
	} as unknown as IPollFunctions;
	return { ctx, warnings: scripted.logs.warn, requests: scripted.requests };
}

const call = (fields: IDataObject) => ({ url: URL, body: delivery('ev-1'), ...fields });

describe('phraseCatchUpSource', () => {
	it('one observation per event, from its earliest failed call; calls without a body are no event', async () => {
		const { ctx } = context([
			{
				content: [
					call({ uid: 'c2', eventUid: 'ev-1', createdAt: '2026-01-01T00:05:00Z' }),
					call({ uid: 'c1', eventUid: 'ev-1', createdAt: '2026-01-01T00:01:00Z' }),
					call({ uid: 'c3', eventUid: 'ev-1', createdAt: '2026-01-01T00:09:00Z' }),
					call({
						uid: 'r1',
						parentUid: 'c9',
						createdAt: '2026-01-02T00:00:00Z',
						body: delivery('ev-2'),
					}),
					call({ uid: 'c4', createdAt: '2026-01-03T00:00:00Z', body: delivery('ev-3') }),
					call({ uid: 'c5', eventUid: 'ev-4', body: null }),
				],
				totalPages: 1,
			},
		]);
		const { observations, complete } = await phraseCatchUpSource(
			ctx,
			new WorkBudget({ calls: 5, ms: 60_000 }),
		);
		expect(complete).toBe(true);
		expect(
			observations.map((o) => [o.key, o.signature, o.changedAt?.toISOString() ?? null]),
		).toEqual([
			['event:ev-1', 'failed', '2026-01-01T00:01:00.000Z'],
			['event:c9', 'failed', '2026-01-02T00:00:00.000Z'],
			['event:c4', 'failed', '2026-01-03T00:00:00.000Z'],
		]);
	});

	it("with a Webhook URL, only that URL's calls (the URL given with spaces around it)", async () => {
		const { ctx, requests } = context(
			[
				// no webhook of the account calls it any more: its calls are found by their URL
				{ content: [{ uid: 'wh-other', url: 'https://elsewhere.example/hook' }], totalPages: 1 },
				{
					content: [
						call({ uid: 'a', eventUid: 'ev-a' }),
						call({ uid: 'b', eventUid: 'ev-b', url: 'https://elsewhere.example/hook' }),
					],
					totalPages: 1,
				},
			],
			{ webhookUrl: ` ${URL} ` },
		);
		const { observations } = await phraseCatchUpSource(
			ctx,
			new WorkBudget({ calls: 5, ms: 60_000 }),
		);
		expect(observations.map((o) => o.key)).toEqual(['event:ev-a']);
		expect(requests.map((r) => r.url.replace(/^.*\/api2/, ''))).toEqual([
			'/v2/webhooks',
			'/v1/webhooksCalls?pageNumber=0&pageSize=50&status=FAIL',
		]);
	});

	it("the trigger's webhook: its calls through the webhookUid filter, and a call of another webhook in Phrase's answer is dropped", async () => {
		const { ctx, requests } = context(
			[
				{
					content: [
						{ uid: 'whOurs', url: `${URL}/` },
						{ uid: 'whCms', url: 'https://cms/x' },
					],
				},
				{
					content: [
						call({ uid: 'a', eventUid: 'ev-a', webhookSettings: { uid: 'whOurs' } }),
						// Phrase ignored the filter, or answered more than asked: not ours
						call({ uid: 'b', eventUid: 'ev-b', webhookSettings: { uid: 'whCms' } }),
					],
					totalPages: 1,
				},
			],
			{ webhooks: 'workflow' },
			{ phraseTmsTriggerWebhooks: { 'Phrase TMS Trigger': { url: URL } } },
		);
		const listing = await phraseCatchUpSource(ctx, new WorkBudget({ calls: 5, ms: 60_000 }));
		expect(listing.observations.map((o) => o.key)).toEqual(['event:ev-a']);
		expect(listing.complete).toBe(true);
		expect(requests.at(-1)?.url).toMatch(
			/webhooksCalls\?pageNumber=0&pageSize=50&status=FAIL&webhookUid=whOurs$/,
		);
	});

	it('a budget spent on listing the webhooks leaves the listing incomplete, with nothing read', async () => {
		const { ctx } = context([{ content: [{ uid: 'whOurs', url: URL }], totalPages: 2 }], {
			webhookUrl: URL,
		});
		const listing = await phraseCatchUpSource(ctx, new WorkBudget({ calls: 1, ms: 60_000 }));
		expect([listing.complete, listing.observations]).toEqual([false, []]);
	});

	it('reads page after page until the last; an empty page ends it too; the budget leaves it incomplete', async () => {
		const page = (uid: string, totalPages: number) => ({
			content: [call({ uid, eventUid: uid })],
			totalPages,
		});
		const all = context([page('a', 3), page('b', 3), page('c', 3)]);
		const read = await phraseCatchUpSource(all.ctx, new WorkBudget({ calls: 10, ms: 60_000 }));
		expect([read.complete, read.observations.length, all.requests.length]).toEqual([true, 3, 3]);

		const empty = context([page('a', 9), { content: [], totalPages: 9 }]);
		const ended = await phraseCatchUpSource(empty.ctx, new WorkBudget({ calls: 10, ms: 60_000 }));
		expect([ended.complete, empty.requests.length]).toEqual([true, 2]);

		const short = context([page('a', 3), page('b', 3), page('c', 3)]);
		const cut = await phraseCatchUpSource(short.ctx, new WorkBudget({ calls: 2, ms: 60_000 }));
		expect([cut.complete, cut.observations.length, short.requests.length]).toEqual([false, 2, 2]);
	});

	it('says how many calls it could not read', async () => {
		const { ctx, warnings } = context([
			{
				content: [call({ uid: 'a', eventUid: 'ev-a' }), { no: 'uid' }, { neither: 1 }],
				totalPages: 1,
			},
		]);
		await phraseCatchUpSource(ctx, new WorkBudget({ calls: 5, ms: 60_000 }));
		expect(warnings).toEqual(['Phrase TMS Catch-Up Trigger: 2 webhook calls were unreadable']);
	});
});

describe('itemsOfCall', () => {
	it('the items the trigger makes of the body; a body that is no Phrase webhook is skipped with a warning', () => {
		const { ctx, warnings } = context([]);
		const items = itemsOfCall(ctx, { uid: 'c1', body: delivery('ev-1') } as never);
		expect(items.map((item) => item.eventKey)).toEqual(['phrase:JOB_STATUS_CHANGED:ev-1:j1']);
		for (const body of ['not json', '{"event": 5}', null])
			expect(itemsOfCall(ctx, { uid: 'c2', body } as never)).toEqual([]);
		expect(warnings).toEqual(
			Array(3).fill(
				'Phrase TMS Catch-Up Trigger: webhook call c2 carries no Phrase webhook the trigger would accept; skipped',
			),
		);
	});
});

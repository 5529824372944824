/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- developer tooling: runs in Node.js, never inside n8n, so n8n's rules for node code do not apply (CONTRIBUTING.md, "Lint") */
import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { WorkBudget } from '../../nodes/common/delivery/workBudget';
import { smartcatCatchUpSource } from '../../nodes/Smartcat/catchUpSource';
import { SMARTCAT_CALLBACK_SECRET } from '../../nodes/Smartcat/registration';
import { SmartcatCatchUpTrigger } from '../../nodes/Smartcat/SmartcatCatchUpTrigger.node';
import { SmartcatTrigger } from '../../nodes/Smartcat/SmartcatTrigger.node';
import projectList from '../fixtures/public/smartcat/api-project-list-zapier-2019.json';
import { deliverWithDerivedSecret } from '../helpers/derivedSecret';
import { fakePollContext, type FakeNodeOptions } from '../helpers/fakeContext';
import { deliverTo } from '../helpers/webhookContext';
import { SmartcatSimulator } from '../simulators/smartcat';

const catchUp = new SmartcatCatchUpTrigger();
const ACCOUNT = { accountId: 'cu-account', apiKey: 'cu-api-key' };
/** Stands for the header value registration derived from the API key (deliverWithDerivedSecret). */
const SECRET = 'catch-up-test-secret-0123456789';
const webhook = deliverWithDerivedSecret(
	deliverTo(new SmartcatTrigger()),
	SMARTCAT_CALLBACK_SECRET,
	SECRET,
	{},
);
const P1 = '1e2d703f-9def-4d27-ab4d-350cbbe8c44b';
const P2 = 'b5bf9123-31b3-4e45-9ee9-8c14d15a4145';

let smartcat: SmartcatSimulator;
beforeEach(async () => {
	smartcat = await new SmartcatSimulator({
		...ACCOUNT,
		projects: [
			{ id: P1, name: 'Website', status: 'inProgress' },
			{ id: P2, name: 'App', status: 'created' },
		],
		documents: [
			{ id: 'a882f5712d0c9d1bb54f2504_9', name: 'Home', status: 'inProgress', projectId: P1 },
			{ id: '189_25', name: 'Pricing', status: 'inProgress', projectId: P1 },
		],
	}).start();
});
afterEach(async () => smartcat.stop());

const credentials = () => ({
	smartcatApi: { ...ACCOUNT, server: 'custom', baseUrl: smartcat.url },
});

/** One catch-up trigger (its static data kept across polls). */
function poller(options: FakeNodeOptions = {}) {
	const fake = fakePollContext({ nodeType: catchUp, credentials: credentials(), ...options });
	return {
		...fake,
		poll: async () =>
			((await catchUp.poll.call(fake.ctx)) ?? [[]])[0].map((item) => item.json as IDataObject),
	};
}

/** What the Smartcat Trigger (Fetch Details on) emits when Smartcat delivers these ids now. */
async function webhookItems(path: string, ids: string[]): Promise<IDataObject[]> {
	const { status, items } = await webhook({
		path: `/webhook/x/smartcat/${path}`,
		headers: { 'content-type': 'application/json', 'x-smartcat-callback-secret': SECRET },
		body: ids,
		staticData: { callbackUrl: 'u', headerName: 'X-Smartcat-Callback-Secret' },
		nodeParameters: { fetchDetails: true },
		credentials: credentials(),
	});
	expect(status).toBe(200);
	return items;
}

const withoutReceivedAt = ({ receivedAt, ...item }: IDataObject) => {
	void receivedAt;
	return item;
};

describe('Smartcat Catch-Up Trigger', () => {
	it('records the account on the first poll, then emits each status change once, as the webhook trigger would', async () => {
		const { poll } = poller();
		expect(await poll()).toEqual([]);
		smartcat.setDocumentStatus('189_25', 'completed');
		smartcat.setProjectStatus(P2, 'inProgress');
		const missed = await poll();
		// in the list's order: the first project's documents, then the second project
		expect(missed.map((i) => [i.event, i.projectId ?? i.documentId, i.status])).toEqual([
			['document.status', '189_25', 'completed'],
			['project.status', P2, 'inProgress'],
		]);
		const fromWebhook = [
			...(await webhookItems('document/status', ['189_25'])),
			...(await webhookItems('project/status', [P2])),
		];
		expect(missed.map(withoutReceivedAt)).toEqual(fromWebhook.map(withoutReceivedAt));
		expect(missed[0].eventKey).toMatch(
			/^smartcat:document\.status:189_25:completed:\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/,
		);
		expect(await poll()).toEqual([]);
	});

	it('a status that comes back (completed → inProgress → completed) is a new event each time', async () => {
		const { poll } = poller();
		await poll();
		smartcat.setDocumentStatus('189_25', 'completed');
		const first = await poll();
		smartcat.setDocumentStatus('189_25', 'inProgress');
		smartcat.setDocumentStatus('189_25', 'completed');
		const second = await poll();
		expect(first).toHaveLength(1);
		expect(second).toHaveLength(1);
		expect(second[0].eventKey).not.toBe(first[0].eventKey);
	});

	it('pages through the list, 100 projects a request, and sees a change on the last page', async () => {
		for (let i = 0; i < 248; i++)
			smartcat.addProject({
				id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
				name: `P${i}`,
				status: 'inProgress',
			});
		const { poll } = poller({ parameters: { events: ['project.status'] } });
		await poll();
		const before = smartcat.requests.length;
		smartcat.setProjectStatus('00000000-0000-4000-8000-000000000247', 'completed');
		expect((await poll()).map((i) => i.projectId)).toEqual([
			'00000000-0000-4000-8000-000000000247',
		]);
		expect(smartcat.requests.slice(before).map((r) => r.query)).toEqual([
			'?offset=0&limit=100&includeDocuments=true',
			'?offset=100&limit=100&includeDocuments=true',
			'?offset=200&limit=100&includeDocuments=true',
		]);
	});

	it('recovers translation imports from the deliveries Smartcat records as failed, as the webhook would emit them', async () => {
		const { poll } = poller();
		await poll();
		smartcat.errors.unshift({
			created: new Date().toISOString(),
			url: 'https://n8n.example.com/webhook/x/smartcat/document/translationImportCompleted',
			reason: 'HTTP 503',
			code: 503,
			content: null,
			sourceIds: ['a882f5712d0c9d1bb54f2504_9'],
		});
		const recovered = await poll();
		expect(recovered.map(withoutReceivedAt)).toEqual(
			(
				await webhookItems('document/translationImportCompleted', ['a882f5712d0c9d1bb54f2504_9'])
			).map(withoutReceivedAt),
		);
		expect(await poll()).toEqual([]);
	});

	it('asks for failed deliveries only when imports are wanted; applies the status filter and the list filters', async () => {
		const { poll } = poller({
			parameters: {
				events: ['document.status'],
				statusFilter: ['completed'],
				filters: { externalTag: 'web' },
			},
		});
		await poll();
		smartcat.setDocumentStatus('189_25', 'completed');
		smartcat.setDocumentStatus('a882f5712d0c9d1bb54f2504_9', 'updated');
		const before = smartcat.requests.length;
		expect(await poll()).toEqual([]); // no project has the tag
		const calls = smartcat.requests.slice(before);
		expect(calls.map((r) => r.path)).toEqual(['/api/integration/v1/project/list']);
		expect(calls[0].query).toContain('externalTag=web');
		smartcat.projects.get(P1)!.externalTag = 'web';
		// seen for the first time after the first poll: new, so emitted, in the statuses chosen
		expect((await poll()).map((i) => [i.documentId, i.status])).toEqual([['189_25', 'completed']]);
		smartcat.setDocumentStatus('189_25', 'targetUpdated');
		smartcat.setDocumentStatus('189_25', 'completed');
		smartcat.setDocumentStatus('a882f5712d0c9d1bb54f2504_9', 'inProgress');
		expect((await poll()).map((i) => [i.documentId, i.status])).toEqual([['189_25', 'completed']]);
	});

	// Smartcat's list pages by offset in no documented order (https://smartcat.com/api/methods/v1/swagger.json,
	// GET /project/list): read page by page while a status changes, one project comes twice
	describe('a project the list shows twice, with two statuses', () => {
		const published = projectList.body[0];
		const [document] = published.documents;
		const stale = {
			...published,
			status: 'inProgress',
			statusModificationDate: published.creationDate,
			documents: [
				{ ...document, status: 'inProgress', statusModificationDate: document.creationDate },
			],
		};
		it.each([
			['the later listing first', [published, stale]],
			['the earlier listing first', [stale, published]],
		])(
			'%s: its latest status once, then nothing while the list stays the same',
			async (_, twice) => {
				smartcat.documents.delete(document.id); // the published document, listed only here
				smartcat.listedAlso.push(...twice);
				const { poll } = poller({ parameters: { startFrom: '2019-01-01T00:00:00Z' } });
				const emitted = (await poll()).filter(
					(i) => i.projectId === published.id || i.documentId === document.id,
				);
				expect(emitted.map((i) => [i.event, i.projectId ?? i.documentId, i.status])).toEqual([
					['project.status', published.id, 'completed'],
					['document.status', document.id, 'completed'],
				]);
				expect(await poll()).toEqual([]);
				expect(await poll()).toEqual([]);
			},
		);
	});

	it('with a start time, the first poll emits what changed after it', async () => {
		smartcat.documents.get('189_25')!.statusModificationDate = '2026-05-02T08:00:00.000Z';
		smartcat.documents.get('a882f5712d0c9d1bb54f2504_9')!.statusModificationDate =
			'2026-04-30T08:00:00.000Z';
		const { poll } = poller({
			parameters: { events: ['document.status'], startFrom: '2026-05-01T00:00:00Z' },
		});
		expect((await poll()).map((i) => i.documentId)).toEqual(['189_25']);
	});

	it('keeps no state for what has not changed status for 30 days, or never did', async () => {
		const old = new Date(Date.now() - 40 * 24 * 60 * 60 * 1000).toISOString();
		smartcat.projects.get(P2)!.statusModificationDate = old;
		smartcat.documents.get('189_25')!.statusModificationDate = null;
		const { poll, ctx } = poller();
		await poll();
		const seen = Object.keys(
			(ctx.getWorkflowStaticData('node').catchUp as { seen: object }).seen,
		).sort();
		expect(seen).toEqual([`project:${P1}`, 'document:a882f5712d0c9d1bb54f2504_9'].sort());
		// once it changes, it is an event like any other
		smartcat.setProjectStatus(P2, 'completed');
		smartcat.setDocumentStatus('189_25', 'completed');
		expect((await poll()).map((i) => i.projectId ?? i.documentId)).toEqual(['189_25', P2]);
	});

	it('stops at its budget and says the list was not read to the end', async () => {
		const { ctx } = fakePollContext({ nodeType: catchUp, credentials: credentials() });
		for (let i = 0; i < 150; i++)
			smartcat.addProject({
				id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
				name: `P${i}`,
				status: 'inProgress',
			});
		const before = smartcat.requests.length;
		const listing = await smartcatCatchUpSource(
			ctx as IPollFunctions,
			new WorkBudget({ calls: 1, ms: 60_000 }),
		);
		expect(listing.complete).toBe(false);
		expect(smartcat.requests.length - before).toBe(1);
		expect(listing.observations.filter((o) => o.key.startsWith('project:'))).toHaveLength(100);
	});

	it('"Fetch Test Event" emits the latest change and records nothing', async () => {
		smartcat.setDocumentStatus('a882f5712d0c9d1bb54f2504_9', 'completed');
		const { poll, ctx } = poller({ mode: 'manual' });
		expect((await poll()).map((i) => [i.event, i.documentId])).toEqual([
			['document.status', 'a882f5712d0c9d1bb54f2504_9'],
		]);
		expect(ctx.getWorkflowStaticData('node')).toEqual({});
	});

	it("the simulator's nextEvent(): the catch-up and the webhook trigger emit the eventKey it announces", async () => {
		const { poll } = poller();
		await poll();
		const event = smartcat.nextEvent();
		const [fromCatchUp] = await poll();
		expect(fromCatchUp.eventKey).toBe(event.eventKey);
		const id = String(fromCatchUp.documentId);
		expect((await webhookItems('document/status', [id]))[0].eventKey).toBe(event.eventKey);
		const second = smartcat.nextEvent();
		expect(second.eventKey).not.toBe(event.eventKey);
		expect((await poll()).map((i) => i.eventKey)).toEqual([second.eventKey]);
	});
});

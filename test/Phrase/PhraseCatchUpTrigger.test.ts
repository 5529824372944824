/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- developer tooling: runs in Node.js, never inside n8n, so n8n's rules for node code do not apply (CONTRIBUTING.md, "Lint") */
import type { IDataObject } from 'n8n-workflow';

import {
	phraseJobWebhook,
	phraseProjectWebhook,
	phraseSampleJobPart,
} from '../fixtures/samples/phrase';
import { PhraseCatchUpTrigger } from '../../nodes/Phrase/PhraseCatchUpTrigger.node';
import { PhraseTrigger } from '../../nodes/Phrase/PhraseTrigger.node';
import { fakePollContext } from '../helpers/fakeContext';
import { deliverTo } from '../helpers/webhookContext';
import { PhraseSimulator } from '../simulators/phrase';

/**
 * The Phrase TMS Catch-Up Trigger through the fake poll context against the Phrase simulator's webhook history:
 * failed deliveries come out once, as the items the Phrase TMS Trigger makes of the same body.
 */
const catchUp = new PhraseCatchUpTrigger();
const deliver = deliverTo(new PhraseTrigger());
const UNREACHABLE = 'http://127.0.0.1:9/webhook/x/phrase';
const TOKEN = 'phrase-registered-token-0123456789';

/** The envelope and vendor fields, without the moment of receipt (which differs by design). */
const comparable = (item: IDataObject) => {
	const { receivedAt, ...rest } = item;
	void receivedAt;
	return rest;
};

describe('Phrase TMS Catch-Up Trigger', () => {
	let phrase: PhraseSimulator;
	beforeEach(async () => {
		phrase = await new PhraseSimulator({ userName: 'pm', password: 'pw', projects: {} }).start();
	});
	afterEach(async () => phrase.stop());

	const credentials = () => ({
		phraseApi: {
			region: 'custom',
			baseUrl: phrase.baseUrl,
			authType: 'password',
			userName: 'pm',
			password: 'pw',
		},
	});
	/** Whose calls: the account's unless a test says otherwise (catchUpScope.test.ts tests the choice). */
	const poller = (parameters: IDataObject = {}, staticData: IDataObject = {}, mode?: 'manual') =>
		fakePollContext({
			nodeType: catchUp,
			parameters: 'webhookUrl' in parameters ? parameters : { webhooks: 'account', ...parameters },
			staticData,
			credentials: credentials(),
			mode,
		});
	const poll = async (parameters: IDataObject, staticData: IDataObject, mode?: 'manual') => {
		const result = await catchUp.poll.call(poller(parameters, staticData, mode).ctx);
		return (result?.[0] ?? []).map((i) => i.json);
	};
	/** A failed delivery, as Phrase records it when nothing answers. */
	const fail = async (body: Record<string, unknown>, url = UNREACHABLE) =>
		await phrase.call({ uid: 'whOurs', url }, body);

	it('first poll: a baseline; then each failed event once, as the webhook trigger would emit it', async () => {
		const state: IDataObject = {};
		await fail(phraseJobWebhook('JOB_CREATED', [phraseSampleJobPart({ jobUid: 'old' })]));
		expect(await poll({}, state)).toEqual([]);

		const missed = phraseJobWebhook('JOB_STATUS_CHANGED', [
			phraseSampleJobPart({ jobUid: 'a' }),
			phraseSampleJobPart({ jobUid: 'b', status: 'COMPLETED' }),
		]);
		const project = phraseProjectWebhook('PROJECT_STATUS_CHANGED');
		expect(await fail(missed)).toBe(0);
		await fail(project);
		// a retry of the same event fails too: still one event
		await fail(missed);
		const delivered = phraseJobWebhook('JOB_CREATED', [phraseSampleJobPart({ jobUid: 'fine' })]);
		expect(await phrase.call({ uid: 'whOurs', url: phrase.receiverUrl }, delivered)).toBe(200);

		const items = await poll({}, state);
		const webhook = async (body: unknown) =>
			(
				await deliver({
					headers: { 'content-type': 'application/json' },
					body,
					// the items only matter here: a trigger set up by hand without a secret
					nodeParameters: { registration: 'manual', manualSecretCheck: 'none' },
				})
			).items;
		expect(items.map(comparable)).toEqual(
			[...(await webhook(missed)), ...(await webhook(project))].map(comparable),
		);
		expect(items.map((i) => i.eventKey)).toEqual([
			`phrase:JOB_STATUS_CHANGED:${String(missed.eventUid)}:a`,
			`phrase:JOB_STATUS_CHANGED:${String(missed.eventUid)}:b`,
			`phrase:PROJECT_STATUS_CHANGED:${String(project.eventUid)}`,
		]);
		// nothing new: nothing emitted, also when Phrase retries the same event once more
		await fail(missed);
		expect(await poll({}, state)).toEqual([]);
	});

	it('applies the trigger\'s event, status and job filters, and "Webhook URL"', async () => {
		const state: IDataObject = {};
		await poll({}, state);
		await fail(
			phraseJobWebhook('JOB_STATUS_CHANGED', [
				phraseSampleJobPart({ jobUid: 'done', status: 'COMPLETED_BY_LINGUIST' }),
				phraseSampleJobPart({ jobUid: 'new', status: 'NEW' }),
				phraseSampleJobPart({ jobUid: 'fr', status: 'COMPLETED_BY_LINGUIST', targetLang: 'fr' }),
			]),
		);
		await fail(phraseJobWebhook('JOB_CREATED', [phraseSampleJobPart({ jobUid: 'created' })]));
		await fail(
			phraseJobWebhook('JOB_STATUS_CHANGED', [phraseSampleJobPart({ jobUid: 'theirs' })]),
			'https://cms.example.com/hook',
		);
		const items = await poll(
			{
				events: ['JOB_STATUS_CHANGED'],
				statuses: ['api:COMPLETED'],
				filters: { targetLang: 'de' },
				webhooks: 'url',
				webhookUrl: UNREACHABLE,
			},
			state,
		);
		expect(items.map((i) => i.jobId)).toEqual(['done']);
		expect(phrase.requests.at(-1)?.query).toContain('status=FAIL&events=JOB_STATUS_CHANGED');
	});

	it('Start From: the first poll emits the failures after it', async () => {
		await fail(phraseJobWebhook('JOB_CREATED', [phraseSampleJobPart({ jobUid: 'before' })]));
		await fail(phraseJobWebhook('JOB_CREATED', [phraseSampleJobPart({ jobUid: 'after' })]));
		phrase.calls[0].createdAt = '2026-11-20T10:00:00.000Z';
		phrase.calls[1].createdAt = '2026-11-24T10:00:00.000Z';
		const items = await poll({ startFrom: '2026-11-22T00:00:00.000Z' }, {});
		expect(items.map((i) => i.jobId)).toEqual(['after']);
	});

	it('reads every page of the history (50 calls a page)', async () => {
		const state: IDataObject = {};
		await poll({}, state);
		for (let i = 0; i < 120; i++)
			await fail(phraseJobWebhook('JOB_CREATED', [phraseSampleJobPart({ jobUid: `bulk${i}` })]));
		const items = await poll({}, state);
		expect(items).toHaveLength(120);
		expect(
			phrase.requests.filter((r) => r.path === '/api2/v1/webhooksCalls').map((r) => r.query),
		).toEqual(
			expect.arrayContaining([
				'?pageNumber=0&pageSize=50&status=FAIL',
				'?pageNumber=1&pageSize=50&status=FAIL',
				'?pageNumber=2&pageSize=50&status=FAIL',
			]),
		);
	});

	it('skips a call whose body the webhook trigger would refuse', async () => {
		const state: IDataObject = {};
		await poll({}, state);
		await fail({ event: 'JOB_CREATED', jobParts: [] });
		const fake = poller({}, state);
		const result = await catchUp.poll.call(fake.ctx);
		expect(result).toBeNull();
		expect(fake.logs.join('\n')).toMatch(/carries no Phrase webhook the trigger would accept/);
	});

	it('"Fetch Test Event" shows the latest failed event and changes nothing', async () => {
		const state: IDataObject = {};
		await fail(phraseJobWebhook('JOB_CREATED', [phraseSampleJobPart({ jobUid: 'first' })]));
		await fail(phraseJobWebhook('JOB_CREATED', [phraseSampleJobPart({ jobUid: 'latest' })]));
		// two calls in the same millisecond would tie
		phrase.calls[0].createdAt = '2026-11-24T10:00:00.000Z';
		phrase.calls[1].createdAt = '2026-11-24T10:00:01.000Z';
		const items = await poll({}, state, 'manual');
		expect(items.map((i) => i.jobId)).toEqual(['latest']);
		expect(state).toEqual({});
	});

	it('without the rights to read webhooks: an error that says which role is needed', async () => {
		await phrase.stop();
		phrase = await new PhraseSimulator({
			userName: 'pm',
			password: 'pw',
			role: 'PROJECT_MANAGER',
		}).start();
		const error = await catchUp.poll.call(poller().ctx).catch((e: Error) => e);
		expect((error as Error).message).toMatch(/HTTP 403/);
		expect((error as { description?: string }).description).toMatch(/Administrator role/);
	});

	it("the simulator's nextEvent(): the catch-up emits the eventKey it announces", async () => {
		const state: IDataObject = {};
		await poll({}, state);
		const next = phrase.nextEvent();
		expect(await next.deliver(UNREACHABLE, TOKEN)).toBe(0);
		const undelivered = phrase.nextEvent(); // never delivered: Phrase's attempt failed
		const items = await poll({}, state);
		expect(items.map((i) => i.eventKey)).toEqual([next.eventKey, undelivered.eventKey]);
	});
});

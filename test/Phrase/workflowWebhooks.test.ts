/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- developer tooling: runs in Node.js, never inside n8n, so n8n's rules for node code do not apply (CONTRIBUTING.md, "Lint") */
import type { IDataObject } from 'n8n-workflow';

import {
	phraseJobWebhook,
	phraseProjectWebhook,
	phraseSampleJobPart,
} from '../fixtures/samples/phrase';
import { PhraseCatchUpTrigger } from '../../nodes/Phrase/PhraseCatchUpTrigger.node';
import { PhraseTrigger } from '../../nodes/Phrase/PhraseTrigger.node';
import { normalizedUrl } from '../../nodes/Phrase/workflowWebhooks';
import { fakeHookContext, fakePollContext } from '../helpers/fakeContext';
import { PhraseSimulator } from '../simulators/phrase';

/**
 * Whose failed calls the Phrase TMS Catch-Up Trigger recovers. Phrase's webhook history ("Lists webhook calls",
 * developers.phrase.com/en/api/tms/latest/webhook/lists-webhook-calls) holds the failed calls of every webhook of
 * the account for 14 days, and Phrase disables a webhook only after 3,000 failures
 * (support.phrase.com/hc/en-us/articles/5709693398812): by default only the calls of the webhook of this
 * workflow's Phrase TMS Trigger, read with the list's `webhookUid` filter; a given URL compared normalised; the
 * whole account only when chosen. The trigger and the catch-up share the workflow's static data, as in n8n.
 */
const catchUp = new PhraseCatchUpTrigger();
const phraseTrigger = new PhraseTrigger();
const trigger = phraseTrigger.webhookMethods.default;
/** the trigger's Production URL (Phrase's calls to it are recorded; the tests send them to UNREACHABLE) */
const OURS = 'https://n8n.example.com/webhook/0c9b8a70/phrase';
const CMS = 'https://cms.example.com/phrase-hook';
/** where the calls really go: nothing answers there, so each call fails, as while n8n is down */
const UNREACHABLE = 'http://127.0.0.1:9/down';
const MANUAL_TOKEN = 'Vq7mX2pL9sR4tW8zK3nB6cY1';

describe('Phrase TMS Catch-Up Trigger: whose calls', () => {
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
	/** The workflow's Phrase TMS Trigger activated: n8n calls checkExists, then create when it says no. */
	const activateTrigger = async (
		workflow: IDataObject,
		parameters: IDataObject = { events: ['JOB_STATUS_CHANGED'] },
		options: { mode?: 'trigger' | 'manual'; url?: string; credentials?: IDataObject } = {},
	) => {
		const ctx = fakeHookContext({
			nodeType: phraseTrigger,
			webhookUrl: options.url ?? OURS,
			staticData: workflow,
			parameters,
			credentials: { ...credentials(), ...options.credentials } as Record<string, IDataObject>,
			mode: options.mode,
		}).ctx;
		if (!(await trigger.checkExists.call(ctx))) await trigger.create.call(ctx);
		return ctx;
	};
	const poll = async (workflow: IDataObject, parameters: IDataObject = {}) => {
		const { ctx, logs } = fakePollContext({
			nodeType: catchUp,
			parameters,
			staticData: workflow,
			credentials: credentials(),
		});
		const result = await catchUp.poll.call(ctx);
		return { items: (result?.[0] ?? []).map((i) => i.json), logs };
	};
	const callsListed = () =>
		phrase.requests.filter((r) => r.path === '/api2/v1/webhooksCalls').map((r) => r.query);
	/** A call Phrase made for one of its webhooks and recorded as failed. */
	const failedCall = async (webhook: { uid: string; url: string }, body: Record<string, unknown>) =>
		await phrase.call({ uid: webhook.uid, url: UNREACHABLE }, body, { recordedUrl: webhook.url });
	/** The account's other webhooks: another integration's, and one long dead (still enabled, still failing). */
	const otherWebhooks = () => {
		const cms = { uid: 'cmsHook00000000000000', url: CMS };
		const dead = {
			uid: 'deadHook0000000000000',
			url: 'https://old-n8n.example.com/webhook/x/phrase',
		};
		for (const hook of [cms, dead])
			phrase.webhooks.set(hook.uid, {
				...hook,
				events: ['JOB_STATUS_CHANGED', 'JOB_CREATED', 'PROJECT_CREATED'],
				status: 'ENABLED',
			});
		return { cms, dead };
	};
	const statusChanged = (jobUid: string) =>
		phraseJobWebhook('JOB_STATUS_CHANGED', [phraseSampleJobPart({ jobUid })]);

	it("by default, only the failed calls of this workflow's trigger's webhook: no other webhook's, no event it did not subscribe to", async () => {
		const workflow: IDataObject = {};
		await activateTrigger(workflow);
		const ours = [...phrase.webhooks.values()][0];
		const { cms, dead } = otherWebhooks();
		expect((await poll(workflow)).items).toEqual([]); // the first poll: a baseline

		const missed = statusChanged('ours');
		await failedCall(ours, missed);
		await failedCall(cms, statusChanged('cms'));
		await failedCall(cms, phraseJobWebhook('JOB_CREATED', [phraseSampleJobPart({ jobUid: 'c' })]));
		await failedCall(dead, phraseProjectWebhook('PROJECT_CREATED'));
		const { items } = await poll(workflow);
		expect(items.map((i) => i.eventKey)).toEqual([
			`phrase:JOB_STATUS_CHANGED:${String(missed.eventUid)}:ours`,
		]);
		// read with Phrase's webhookUid filter: the other webhooks' calls are not even listed
		expect(callsListed().at(-1)).toBe(
			`?pageNumber=0&pageSize=50&status=FAIL&webhookUid=${ours.uid}`,
		);
	});

	it('after a restart (n8n finds its webhook and does not create it again), still its calls only', async () => {
		const first: IDataObject = {};
		await activateTrigger(first);
		const ours = [...phrase.webhooks.values()][0];
		const { cms } = otherWebhooks();
		// n8n restarted: the trigger's saved static data, without the record of its webhook for the catch-up
		const restarted: IDataObject = { ...first };
		delete restarted.phraseTmsTriggerWebhooks;
		await activateTrigger(restarted);
		expect(phrase.webhookCreations).toHaveLength(1);
		await poll(restarted);
		const missed = statusChanged('while-down');
		await failedCall(ours, missed);
		await failedCall(cms, statusChanged('cms'));
		expect((await poll(restarted)).items.map((i) => i.jobId)).toEqual(['while-down']);
	});

	it('a webhook set up by hand (manual registration): the calls to its URL, compared normalised', async () => {
		const workflow: IDataObject = {};
		await activateTrigger(
			workflow,
			{ registration: 'manual' },
			{ credentials: { translationWebhookSecretApi: { secret: MANUAL_TOKEN } } },
		);
		expect(phrase.requests).toHaveLength(0);
		// the user pasted the URL with an upper-case host and a trailing slash
		const pasted = {
			uid: 'byHand000000000000000',
			url: 'HTTPS://N8N.Example.COM/webhook/0c9b8a70/phrase/',
		};
		phrase.webhooks.set(pasted.uid, {
			...pasted,
			events: ['JOB_STATUS_CHANGED'],
			secretToken: MANUAL_TOKEN,
			status: 'ENABLED',
		});
		const { cms } = otherWebhooks();
		await poll(workflow);
		await failedCall(pasted, statusChanged('by-hand'));
		await failedCall(cms, statusChanged('cms'));
		expect((await poll(workflow)).items.map((i) => i.jobId)).toEqual(['by-hand']);
	});

	it("nothing of this workflow to recover: an error that says what to do, and Phrase's history is not read", async () => {
		otherWebhooks();
		await failedCall({ uid: 'cmsHook00000000000000', url: CMS }, statusChanged('cms'));
		const error = await poll({}).catch((e: Error) => e);
		expect((error as Error).message).toBe(
			'Found no Phrase TMS Trigger of this workflow whose webhook calls to recover',
		);
		expect((error as { description?: string }).description).toMatch(
			/Activate \(publish\) this workflow with its Phrase TMS Trigger, or set Webhooks to "A Given Webhook URL" .* or to "All Webhooks of the Account"/,
		);
		expect(callsListed()).toEqual([]);
	});

	it("a test listen in the editor is not the workflow's webhook; deactivation forgets the trigger", async () => {
		const workflow: IDataObject = {};
		const testUrl = OURS.replace('/webhook/', '/webhook-test/');
		await activateTrigger(workflow, undefined, { mode: 'manual', url: testUrl });
		await expect(poll(workflow)).rejects.toThrow(/Found no Phrase TMS Trigger/);
		const ctx = await activateTrigger(workflow);
		await poll(workflow);
		await trigger.delete.call(ctx);
		await expect(poll(workflow)).rejects.toThrow(/Found no Phrase TMS Trigger/);
	});

	it('"A Given Webhook URL": the calls to that URL, compared without case in scheme and host and without a trailing slash', async () => {
		const workflow: IDataObject = {};
		const { cms, dead } = otherWebhooks();
		const parameters = { webhooks: 'url', webhookUrl: ' https://CMS.example.com/phrase-hook/ ' };
		await poll(workflow, parameters);
		await failedCall(cms, statusChanged('cms'));
		await failedCall(dead, statusChanged('dead'));
		// a webhook Phrase no longer has: its calls are still in the history, found by their URL
		phrase.webhooks.delete(cms.uid);
		await failedCall({ uid: 'cmsOld000000000000000', url: `${CMS}/` }, statusChanged('cms-old'));
		expect((await poll(workflow, parameters)).items.map((i) => i.jobId)).toEqual([
			'cms',
			'cms-old',
		]);
	});

	it('"A Given Webhook URL" left empty: an error naming the field', async () => {
		await expect(poll({}, { webhooks: 'url' })).rejects.toThrow('Webhook URL is empty');
	});

	it('"All Webhooks of the Account", chosen: every failed call', async () => {
		const workflow: IDataObject = {};
		await activateTrigger(workflow);
		const ours = [...phrase.webhooks.values()][0];
		const { cms, dead } = otherWebhooks();
		await poll(workflow, { webhooks: 'account' });
		await failedCall(ours, statusChanged('ours'));
		await failedCall(cms, statusChanged('cms'));
		await failedCall(dead, statusChanged('dead'));
		const { items } = await poll(workflow, { webhooks: 'account' });
		expect(items.map((i) => i.jobId)).toEqual(['ours', 'cms', 'dead']);
	});

	it("the simulator's nextEvent(): a call of this workflow's webhook, also when sent through a proxy", async () => {
		const workflow: IDataObject = {};
		await activateTrigger(workflow);
		const ours = [...phrase.webhooks.values()][0];
		await poll(workflow);
		const proxied = phrase.nextEvent();
		expect(await proxied.deliver(UNREACHABLE, String(ours.secretToken))).toBe(0);
		const undelivered = phrase.nextEvent();
		expect((await poll(workflow)).items.map((i) => i.eventKey)).toEqual([
			proxied.eventKey,
			undelivered.eventKey,
		]);
	});

	it.each([
		['HTTPS://N8N.Example.com/webhook/Ab/phrase/', 'https://n8n.example.com/webhook/Ab/phrase'],
		['https://n8n.example.com:443/webhook/x/phrase', 'https://n8n.example.com/webhook/x/phrase'],
		[
			'http://n8n.example.com:5678/webhook/x/phrase//',
			'http://n8n.example.com:5678/webhook/x/phrase',
		],
		[' not a url ', 'not a url'],
	])('normalisedUrl(%j) is %j: the path keeps its case', (text, normal) => {
		expect(normalizedUrl(text)).toBe(normal);
	});
});

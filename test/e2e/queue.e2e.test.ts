/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets, @n8n/community-nodes/no-restricted-globals, no-console -- developer tooling: runs in Node.js, never inside n8n, so n8n's rules for node code do not apply (CONTRIBUTING.md, "Lint") */
/**
 * The production topology, queue mode: PostgreSQL, Redis, n8n's main process (activation and registration
 * through webhookMethods), a webhook process that receives the vendors' deliveries, and workers that execute
 * them. Every trigger: activated and (Smartcat, Phrase) registered by the main process with the webhook
 * process's URL, deliveries accepted there and executed by a worker with the same items as in one process,
 * secrets checked there. Then a worker is killed in the middle of a load run: no delivery that got a 200 is lost.
 */
import { beeboxCallbackQuery } from '../fixtures/samples/beebox';
import { gengoCallbackRequest } from '../fixtures/samples/gengo';
import { phraseJobWebhook, phraseSampleJobPart } from '../fixtures/samples/phrase';
import { mapWithConcurrency } from '../../nodes/common/http/concurrency';
import { PhraseSimulator } from '../simulators/phrase';
import { SmartcatSimulator } from '../simulators/smartcat';
import {
	eventually,
	QueueMode,
	receivedItems,
	send,
	triggerWorkflow,
	type Execution,
} from './harness';

const TOKEN = 'queue-e2e-Token-0123456789abcdef';
const SMARTCAT = { accountId: 'queue-account', apiKey: 'queue-smartcat-api-key-secret' };
const PHRASE_USER = { userName: 'pm.queue', password: 'queue-phrase-password-secret' };
/** Deliveries of the load run with a worker killed in the middle (QUEUE_E2E_DELIVERIES to change it). */
const LOAD = Number(process.env.QUEUE_E2E_DELIVERIES ?? 300);
/** How long a sender waits for an answer, as a vendor would (Gengo's own timeout is not documented). */
const VENDOR_TIMEOUT_MS = 60_000;
/** The Beebox and Gengo triggers' Translation Webhook Secret credential: its secret is TOKEN. */
const SECRET_CREDENTIAL = {
	translationWebhookSecretApi: { id: 'queueSecret00001', name: 'Webhook secret' },
};
/** n8n here runs on 127.0.0.1, which Smartcat and Phrase could not reach: the option a test against simulators sets. */
const PRIVATE_URL_ALLOWED = { options: { allowPrivateWebhookUrl: true } };

const workflows = {
	beebox: triggerWorkflow({
		id: 'queueBeebox00001',
		node: 'beeboxTrigger',
		parameters: { fetchDetails: false },
		credentials: SECRET_CREDENTIAL,
	}),
	gengo: triggerWorkflow({
		id: 'queueGengo000001',
		node: 'gengoTrigger',
		parameters: { urlTokenLocation: 'path' },
		credentials: SECRET_CREDENTIAL,
	}),
	smartcat: triggerWorkflow({
		id: 'queueSmartcat001',
		node: 'smartcatTrigger',
		parameters: { ...PRIVATE_URL_ALLOWED, fetchDetails: false },
		credentials: { smartcatApi: { id: 'queueSmartcatCred', name: 'Smartcat' } },
	}),
	phrase: triggerWorkflow({
		id: 'queuePhrase00001',
		node: 'phraseTrigger',
		parameters: PRIVATE_URL_ALLOWED,
		credentials: { phraseApi: { id: 'queuePhraseCred1', name: 'Phrase' } },
	}),
	load: triggerWorkflow({
		id: 'queueLoad0000001',
		node: 'gengoTrigger',
		credentials: SECRET_CREDENTIAL,
	}),
	loadFinished: triggerWorkflow({
		id: 'queueLoadFinish1',
		node: 'gengoTrigger',
		parameters: { respond: 'lastNode' },
		credentials: SECRET_CREDENTIAL,
	}),
};

describe('Every trigger in queue mode (PostgreSQL, Redis, main + webhook process + workers)', () => {
	const queue = new QueueMode('e2e queue');
	let smartcat: SmartcatSimulator;
	let phrase: PhraseSimulator;
	const url = (workflow: { webhookId: string }, path: string) =>
		queue.webhook.webhookUrl(`${workflow.webhookId}/${path}`);
	const executionsOf = (workflowId: string): Promise<Execution[]> =>
		queue.main.executions({ workflowId, finished: true });

	beforeAll(async () => {
		smartcat = await new SmartcatSimulator({ ...SMARTCAT, retryBaseMs: 50 }).start();
		phrase = await new PhraseSimulator({ ...PHRASE_USER, projects: {} }).start();
		await queue.start();
		await queue.main.importCredentials([
			{
				id: 'queueSmartcatCred',
				name: 'Smartcat',
				type: 'smartcatApi',
				data: { ...SMARTCAT, server: 'custom', baseUrl: smartcat.url },
			},
			{
				id: 'queuePhraseCred1',
				name: 'Phrase',
				type: 'phraseApi',
				data: { region: 'custom', baseUrl: phrase.baseUrl, authType: 'password', ...PHRASE_USER },
			},
			{
				...SECRET_CREDENTIAL.translationWebhookSecretApi,
				type: 'translationWebhookSecretApi',
				data: { secret: TOKEN },
			},
		]);
		await queue.main.importWorkflows(Object.values(workflows));
		await queue.webhook.waitForWebhook(url(workflows.beebox, 'beebox'));
		await queue.webhook.waitForWebhook(url(workflows.gengo, 'gengo/probe'));
		await queue.webhook.waitForWebhook(url(workflows.load, 'gengo'));
		await queue.webhook.waitForWebhook(url(workflows.loadFinished, 'gengo'));
		await eventually(
			'Smartcat and Phrase are registered',
			() => smartcat.setting !== null && phrase.webhooks.size === 1,
		);
	}, 600_000);

	afterAll(async () => {
		const output = queue.output;
		await queue.stop();
		await smartcat?.stop();
		await phrase?.stop();
		for (const secret of [TOKEN, SMARTCAT.apiKey, PHRASE_USER.password])
			expect(output).not.toContain(secret);
	});

	it('the main process registered Smartcat and Phrase with the webhook process URL', () => {
		expect(smartcat.setting!.url).toBe(url(workflows.smartcat, 'smartcat'));
		expect([...phrase.webhooks.values()].map((h) => h.url)).toEqual([
			url(workflows.phrase, 'phrase'),
		]);
	});

	it("the webhook process takes every vendor's delivery, a worker executes it with the usual items", async () => {
		const beebox = await send(
			`${url(workflows.beebox, 'beebox')}?${beeboxCallbackQuery('CreatedTranslatedFiles', { project: 'p1' })}&token=${TOKEN}`,
		);
		const gengoRequest = gengoCallbackRequest('approved', { jobId: '7001' });
		const gengo = await send(url(workflows.gengo, `gengo/${TOKEN}`), {
			method: 'POST',
			headers: { 'content-type': gengoRequest.contentType },
			body: gengoRequest.body,
		});
		expect([beebox.status, gengo.status]).toEqual([200, 200]);
		await eventually(
			'Smartcat delivered',
			async () => (await smartcat.deliver('document/status', ['189_25'])).delivered,
		);
		await eventually(
			'Phrase delivered',
			async () =>
				(
					await phrase.deliver(
						phraseJobWebhook('JOB_STATUS_CHANGED', [phraseSampleJobPart({ jobUid: 'j-queue' })]),
					)
				)[0] === 200,
		);

		const expected: Record<string, Record<string, unknown>> = {
			beebox: { vendor: 'beebox', event: 'CreatedTranslatedFiles', projectId: 'p1' },
			gengo: { vendor: 'gengo', event: 'approved', jobId: '7001' },
			smartcat: { vendor: 'smartcat', event: 'document.status', documentId: '189_25' },
			phrase: { vendor: 'phrase', event: 'JOB_STATUS_CHANGED', jobId: 'j-queue' },
		};
		for (const [vendor, item] of Object.entries(expected)) {
			const workflowId = workflows[vendor as keyof typeof workflows].id;
			await eventually(
				`${vendor} executed`,
				async () => (await executionsOf(workflowId)).length === 1,
			);
			const [execution] = await executionsOf(workflowId);
			expect(execution).toMatchObject({ status: 'success', mode: 'webhook' });
			expect(receivedItems([execution]).flat()).toEqual([expect.objectContaining(item)]);
			// n8n's worker logs the executions it runs; the main and webhook processes run none
			expect(queue.workers[0].output).toContain(`execution ${execution.id} `);
		}
	});

	it('the webhook process checks secrets: 401 and nothing queued', async () => {
		const before = (await queue.main.executions()).length;
		const gengoRequest = gengoCallbackRequest('approved', { jobId: '7002' });
		const answers = await Promise.all([
			send(
				`${url(workflows.beebox, 'beebox')}?${beeboxCallbackQuery('CreatedTranslatedFiles')}&token=${TOKEN}x`,
			),
			send(url(workflows.gengo, 'gengo/wrong-token-0123456789'), {
				method: 'POST',
				headers: { 'content-type': gengoRequest.contentType },
				body: gengoRequest.body,
			}),
			send(url(workflows.smartcat, 'smartcat/document/status'), {
				method: 'POST',
				headers: {
					'content-type': 'application/json',
					[smartcat.setting!.additionalHeaders[0].name]: 'forged',
				},
				body: '["189_25"]',
			}),
			send(url(workflows.phrase, 'phrase'), {
				method: 'POST',
				headers: { 'content-type': 'application/json', 'X-Memsource-Token': 'forged' },
				body: JSON.stringify(phraseJobWebhook('JOB_STATUS_CHANGED', [phraseSampleJobPart()])),
			}),
		]);
		expect(answers.map((a) => a.status)).toEqual([401, 401, 401, 401]);
		await new Promise((resolve) => setTimeout(resolve, 1_000));
		expect((await queue.main.executions()).length).toBe(before);
	});

	it(`a worker killed in the middle of ${LOAD} deliveries: with "Respond: When Last Node Finishes" none that got a 200 is lost`, async () => {
		// every other delivery to each of two workflows: Respond "Immediately" (default) and "When Last Node Finishes"
		const targets = [workflows.load, workflows.loadFinished];
		const answered: Array<{ jobId: string; workflowId: string; status: number }> = [];
		const deliver = async (jobId: string, workflow: (typeof targets)[number]) => {
			const request = gengoCallbackRequest('approved', { jobId });
			const hook = `${url(workflow, 'gengo')}?token=${TOKEN}`;
			// a vendor gives up after a while and counts that as a failure (0 here), as it does a 5xx
			const answer = await send(hook, {
				method: 'POST',
				headers: { 'content-type': request.contentType },
				body: request.body,
				signal: AbortSignal.timeout(VENDOR_TIMEOUT_MS),
			}).catch(() => ({ status: 0 }));
			return { jobId, workflowId: workflow.id, status: answer.status };
		};
		let killed = false;
		const started = Date.now();
		await mapWithConcurrency(
			Array.from({ length: LOAD }, (_, i) => i),
			16,
			async (i) => {
				answered.push(await deliver(String(900_000 + i), targets[i % 2]));
				if (!killed && answered.length >= LOAD / 3) {
					killed = true;
					queue.workers[0].child?.kill('SIGKILL');
					console.log(
						`[e2e queue] worker killed after ${answered.length} answers; starting another`,
					);
					await queue.startWorker();
				}
			},
		);
		console.log(
			`[e2e queue] all ${LOAD} deliveries answered after ${((Date.now() - started) / 1000).toFixed(0)} s`,
		);
		const jobIdsOf = (e: Execution) =>
			receivedItems([e])
				.flat()
				.map((item) => String(item.jobId));
		const succeeded = async (workflowId: string) =>
			new Set(
				(await executionsOf(workflowId)).filter((e) => e.status === 'success').flatMap(jobIdsOf),
			);
		const summary = (workflowId: string) => {
			const mine = answered.filter((a) => a.workflowId === workflowId);
			return {
				accepted: mine.filter((a) => a.status === 200).map((a) => a.jobId),
				refused: mine.filter((a) => a.status !== 200),
			};
		};

		// "When Last Node Finishes": the deliveries the dead worker held were answered 500, or not at all (n8n left some
		// waiting: the vendor's timeout); Gengo delivers those again. Every 200 has its successful execution, and the
		// redelivered ones run too.
		const finished = summary(workflows.loadFinished.id);
		expect(finished.refused.filter((a) => a.status !== 500 && a.status !== 0)).toEqual([]);
		expect(finished.refused.length).toBeLessThanOrEqual(10); // a worker's concurrency: what it had in hand
		for (const { jobId } of finished.refused)
			expect((await deliver(jobId, workflows.loadFinished)).status).toBe(200);
		const everyFinished = [...finished.accepted, ...finished.refused.map((a) => a.jobId)];
		let done = new Set<string>();
		await eventually(
			`every delivery to the "When Last Node Finishes" workflow executed`,
			async () => {
				done = await succeeded(workflows.loadFinished.id);
				return everyFinished.every((jobId) => done.has(jobId));
			},
			120_000,
		);

		// "Immediately" (the default, fastest): every delivery answered 200 at once; n8n 2.41 neither re-runs nor keeps
		// the executions the dead worker held ("failed to be processed too many times", no data): those are lost.
		const received = summary(workflows.load.id);
		expect(received.refused).toEqual([]);
		let lost: string[] = [];
		await eventually(
			'the "Immediately" deliveries the live workers ran have finished',
			async () => {
				const ok = await succeeded(workflows.load.id);
				lost = received.accepted.filter((jobId) => !ok.has(jobId));
				return lost.length <= 10; // a worker's concurrency: what the dead one had in hand
			},
		);
		// those n8n ended say why; none of them holds the delivery's item any more
		const failed = (await executionsOf(workflows.load.id)).filter((e) => e.status === 'error');
		expect(failed.map((e) => e.error)).toEqual(
			failed.map(() => expect.stringContaining('failed to be processed too many times')),
		);
		expect(failed.flatMap(jobIdsOf)).toEqual([]);
		console.log(
			`[e2e queue] ${LOAD} deliveries in ${((Date.now() - started) / 1000).toFixed(0)} s, worker killed: "When Last Node Finishes" ${finished.accepted.length} × 200 all executed, ${finished.refused.length} × 500 or no answer, redelivered and executed; "Immediately" ${received.accepted.length} × 200, ${lost.length} lost by n8n with the worker`,
		);
	}, 480_000);
});

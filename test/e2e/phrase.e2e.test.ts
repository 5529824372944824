/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets, @n8n/community-nodes/no-restricted-imports, no-console -- developer tooling: runs in Node.js, never inside n8n, so n8n's rules for node code do not apply (CONTRIBUTING.md, "Lint") */
/**
 * Phrase TMS in a real n8n, against Phrase TMS simulators: activation logs in (n8n's pre-authentication) and
 * creates the webhook, the simulator delivers with X-Memsource-Token, deactivation deletes the webhook; every
 * public corpus delivery; a test listen's temporary webhook; the Phrase TMS node's target file reaching a CMS
 * byte for byte; the Catch-Up Trigger recovering what n8n missed while stopped and while a workflow was inactive.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
	phraseJobWebhook,
	phraseProjectWebhook,
	phraseSampleJobPart,
} from '../fixtures/samples/phrase';
import { PHRASE_EVENT_CODES } from '../../nodes/Phrase/events';
import { expectedPhraseItems, phraseDeliveries } from '../Phrase/corpus';
import { SmtpStandIn } from '../helpers/smtp';
import { LocalServer } from '../simulators/localServer';
import { PhraseSimulator, type PhraseSimWebhook } from '../simulators/phrase';
import {
	editorTypes,
	eventually,
	example,
	listenForTestEvent,
	PACKAGE,
	RECEIVER,
	receivedItems,
	send,
	simulate,
	startN8n,
	triggerWorkflow,
	waitForWebhookGone,
	type N8nInstance,
	type TriggerWorkflow,
} from './harness';

const USER = { userName: 'pm.e2e', password: 'e2e-phrase-password-secret' };
const CREDENTIAL = { phraseApi: { id: 'phraseCred000001', name: 'Phrase simulator' } };
const MANUAL_SECRET = 'phrase-manual-credential-secret-0123456789';
const RECOVERY = { phraseApi: { id: 'phraseRecovery01', name: 'Phrase recovery account' } };
const SECRET_CREDENTIAL = {
	translationWebhookSecretApi: { id: 'phraseSecret0001', name: 'Phrase webhook secret' },
};
/** A translated file with what breaks careless handling: UTF-8 beyond Latin-1, a BOM, CRLF, a NUL byte. */
const TRANSLATED = Buffer.concat([
	Buffer.from([0xef, 0xbb, 0xbf]),
	Buffer.from('<h1>Produktseite</h1>\r\n<p>Größe: 42 — ✓ 日本語</p>\r\n', 'utf8'),
	Buffer.from([0x00, 0xff]),
]);

/**
 * A Phrase TMS Trigger workflow with automatic registration allowed to register n8n's URL: n8n here runs on
 * 127.0.0.1, which Phrase could not reach ("Allow Private Webhook URL").
 */
function privateUrlAllowed(workflow: TriggerWorkflow): TriggerWorkflow {
	const trigger = workflow.nodes[0] as { parameters: Record<string, unknown> };
	trigger.parameters.options = { allowPrivateWebhookUrl: true };
	return workflow;
}

/** A workflow with the Phrase TMS Catch-Up Trigger polling every minute, then RECEIVER. */
function catchUpWorkflow(
	id: string,
	parameters: Record<string, unknown>,
	credentials: Record<string, { id: string; name: string }>,
) {
	return {
		id,
		name: `e2e ${id}`,
		active: true,
		nodes: [
			{
				id: randomUUID(),
				name: 'Catch-Up',
				type: `${PACKAGE}.phraseCatchUpTrigger`,
				typeVersion: 1,
				position: [0, 0],
				parameters: { pollTimes: { item: [{ mode: 'everyMinute' }] }, ...parameters },
				credentials,
			},
			{
				id: randomUUID(),
				name: RECEIVER,
				type: 'n8n-nodes-base.noOp',
				typeVersion: 1,
				position: [220, 0],
				parameters: {},
			},
		],
		connections: { 'Catch-Up': { main: [[{ node: RECEIVER, type: 'main', index: 0 }]] } },
		settings: { saveDataSuccessExecution: 'all', saveDataErrorExecution: 'all' },
	};
}

/**
 * An example as the editor imports it: the examples carry no webhook id (it would be shared by everyone who imports
 * them), and the editor gives each trigger node a new one on import, as this does. n8n's CLI import does not: a
 * trigger without one would get the URL `<workflow id>/<node name>/phrase`, which n8n does not route when the node
 * name has spaces.
 */
function asImportedByEditor<T extends { nodes: Array<{ type: string; webhookId?: string }> }>(
	workflow: T,
): T {
	for (const node of workflow.nodes)
		if (node.type === `${PACKAGE}.phraseTrigger` && !node.webhookId) node.webhookId = randomUUID();
	return workflow;
}

/** A CMS stand-in that keeps the exact bytes of every request. */
class BytesRecorder extends LocalServer {
	readonly received: Array<{ method: string; path: string; type?: string; body: Buffer }> = [];
	protected async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		this.received.push({
			method: req.method ?? '',
			path: req.url ?? '',
			type: req.headers['content-type'],
			body: Buffer.concat(chunks),
		});
		res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
	}
}

const workflows = {
	all: privateUrlAllowed(
		triggerWorkflow({ id: 'phraseAll0000001', node: 'phraseTrigger', credentials: CREDENTIAL }),
	),
	completed: privateUrlAllowed(
		triggerWorkflow({
			id: 'phraseDone000001',
			node: 'phraseTrigger',
			credentials: CREDENTIAL,
			parameters: {
				events: ['JOB_STATUS_CHANGED'],
				statuses: ['api:COMPLETED'],
				filters: { lastWorkflowLevelOnly: true },
			},
		}),
	),
	allJobs: privateUrlAllowed(
		triggerWorkflow({
			id: 'phraseAllJobs001',
			node: 'phraseTrigger',
			credentials: CREDENTIAL,
			parameters: { events: ['JOB_STATUS_CHANGED'], allJobsStatus: 'api:COMPLETED' },
		}),
	),
	// set up by hand: the security token from the Translation Webhook Secret credential
	manual: triggerWorkflow({
		id: 'phraseManual0001',
		node: 'phraseTrigger',
		credentials: SECRET_CREDENTIAL,
		parameters: { registration: 'manual' },
	}),
	corpus: privateUrlAllowed(
		triggerWorkflow({ id: 'phraseCorpus0001', node: 'phraseTrigger', credentials: CREDENTIAL }),
	),
	unreachable: triggerWorkflow({
		id: 'phrasePrivate001',
		node: 'phraseTrigger',
		credentials: CREDENTIAL,
	}),
	listen: privateUrlAllowed(
		triggerWorkflow({
			id: 'phraseListen0001',
			node: 'phraseTrigger',
			credentials: CREDENTIAL,
			active: false,
			parameters: { events: ['JOB_CREATED'] },
		}),
	),
};

/** The recovery account's workflows: a webhook (automatic), one set up by hand, a catch-up for each. */
const recovery = {
	webhook: privateUrlAllowed(
		triggerWorkflow({
			id: 'phraseRecWebhook',
			node: 'phraseTrigger',
			credentials: RECOVERY,
			parameters: { events: ['JOB_STATUS_CHANGED'] },
		}),
	),
	manual: triggerWorkflow({
		id: 'phraseRecManual1',
		node: 'phraseTrigger',
		credentials: SECRET_CREDENTIAL,
		parameters: { registration: 'manual', events: ['JOB_STATUS_CHANGED'] },
	}),
};

/**
 * One n8n for both blocks of this file (a start-up is 6-8 s of CPU), in a user folder of our own: the catch-up
 * test stops n8n and starts it again on the same data. Each block imports its own credentials and workflows and
 * reads only its own workflows' executions.
 */
let n8n: N8nInstance;
const userFolder = mkdtempSync(join(tmpdir(), 'n8n-e2e-phrase-'));

beforeAll(async () => {
	n8n = await startN8n('phrase', { userFolder });
}, 300_000);

afterAll(async () => {
	const output = n8n?.output ?? '';
	await n8n?.stop();
	rmSync(userFolder, { recursive: true, force: true });
	for (const secret of [USER.password, MANUAL_SECRET]) expect(output).not.toContain(secret);
});

describe('Phrase TMS in a real n8n', () => {
	let phrase: PhraseSimulator;
	// Each example and the catch-up tests have their own Phrase account, so that deliveries reach them alone.
	let exampleAccount: PhraseSimulator;
	let cmsAccount: PhraseSimulator;
	let recoveryAccount: PhraseSimulator;
	let neverMissAccount: PhraseSimulator;
	let smtp: SmtpStandIn;
	let cms: BytesRecorder;
	const url = (workflow: { webhookId: string }) => n8n.webhookUrl(`${workflow.webhookId}/phrase`);
	const hookOf = (workflow: { webhookId: string }, account = phrase) =>
		[...account.webhooks.values()].find((h) => h.url === url(workflow));
	const onlyHook = (account: PhraseSimulator): PhraseSimWebhook => {
		const hooks = [...account.webhooks.values()];
		if (hooks.length !== 1) throw new Error(`${hooks.length} webhooks`);
		return hooks[0];
	};
	const catchUps = {
		// the calls to the automatically registered webhook, and those to the one set up by hand
		webhook: () =>
			catchUpWorkflow(
				'phraseRecCatchW1',
				{ webhooks: 'url', webhookUrl: url(recovery.webhook) },
				RECOVERY,
			),
		manual: () =>
			catchUpWorkflow(
				'phraseRecCatchM1',
				{ webhooks: 'url', webhookUrl: url(recovery.manual) },
				RECOVERY,
			),
	};
	/** Probes until a freshly activated workflow accepts its token (its webhook answers just after creation). */
	const acceptsToken = async (target: string, token: string) =>
		await eventually(`${target} accepts its token`, async () => {
			const probe = await send(target, {
				method: 'POST',
				headers: { 'content-type': 'application/json', 'X-Memsource-Token': token },
				body: JSON.stringify({ event: 'JOB_CREATED', jobParts: [] }),
			});
			return probe.status === 400;
		});

	beforeAll(async () => {
		phrase = await new PhraseSimulator({
			...USER,
			projects: {
				'prj-Website2026': [
					{ uid: 'w1', status: 'COMPLETED' },
					{ uid: 'w2', status: 'COMPLETED' },
				],
			},
		}).start();
		exampleAccount = await new PhraseSimulator({ ...USER, projects: {} }).start();
		cmsAccount = await new PhraseSimulator({
			...USER,
			projects: {
				'prj-Website2026': [
					{
						uid: 'j-final',
						status: 'COMPLETED',
						targetLang: 'fr',
						filename: 'product-page.html',
						target: TRANSLATED,
					},
				],
			},
		}).start();
		recoveryAccount = await new PhraseSimulator({ ...USER, projects: {} }).start();
		neverMissAccount = await new PhraseSimulator({ ...USER, projects: {} }).start();
		smtp = await new SmtpStandIn().start();
		cms = await new BytesRecorder().start();
		const account = (id: string, name: string, simulator: PhraseSimulator) => ({
			id,
			name,
			type: 'phraseApi',
			data: { region: 'custom', baseUrl: simulator.baseUrl, authType: 'password', ...USER },
		});
		await n8n.importCredentials([
			account(CREDENTIAL.phraseApi.id, CREDENTIAL.phraseApi.name, phrase),
			account('phraseExampleCred', 'Phrase TMS account', exampleAccount),
			account('phraseCmsCred001', 'Phrase CMS account', cmsAccount),
			account(RECOVERY.phraseApi.id, RECOVERY.phraseApi.name, recoveryAccount),
			account('phraseNeverMiss1', 'Phrase never-miss account', neverMissAccount),
			{
				id: SECRET_CREDENTIAL.translationWebhookSecretApi.id,
				name: SECRET_CREDENTIAL.translationWebhookSecretApi.name,
				type: 'translationWebhookSecretApi',
				data: { secret: MANUAL_SECRET },
			},
			smtp.credential('smtpE2e00000001'),
		]);
		// The examples as a user sets them up: credentials, and (n8n runs on 127.0.0.1 here) the private URL allowed.
		const allowPrivate = { 'Phrase TMS Trigger': { options: { allowPrivateWebhookUrl: true } } };
		const phraseNodes = (id: string, name: string) =>
			Object.fromEntries(
				['phraseTrigger', 'phrase', 'phraseCatchUpTrigger'].map((node) => [
					`${PACKAGE}.${node}`,
					{ type: 'phraseApi', id, name },
				]),
			);
		const emailExample = asImportedByEditor(
			example('phrase-completed-by-linguist-to-email.json', {
				parameters: allowPrivate,
				credentials: { 'n8n-nodes-base.emailSend': smtp.credential('smtpE2e00000001') },
			}),
		);
		const cmsExample = asImportedByEditor(
			example('phrase-completed-to-cms.json', {
				parameters: allowPrivate,
				credentials: phraseNodes('phraseCmsCred001', 'Phrase CMS account'),
			}),
		);
		for (const node of cmsExample.nodes)
			if (node.name === 'Send to CMS')
				node.parameters.url = String(node.parameters.url).replace(
					'https://cms.example.com',
					cms.url,
				);
		const neverMissExample = asImportedByEditor(
			example('phrase-never-miss-an-event.json', {
				parameters: allowPrivate,
				credentials: phraseNodes('phraseNeverMiss1', 'Phrase never-miss account'),
			}),
		);
		await n8n.importWorkflows([
			...Object.values(workflows),
			...Object.values(recovery),
			catchUps.webhook(),
			catchUps.manual(),
			emailExample,
			cmsExample,
			neverMissExample,
		]);
		const registering = [
			workflows.all,
			workflows.completed,
			workflows.allJobs,
			workflows.corpus,
		] as const;
		for (const workflow of [...registering, workflows.manual, recovery.manual])
			await n8n.waitForWebhook(url(workflow));
		for (const workflow of registering) {
			await eventually(`${workflow.id} is registered`, () => !!hookOf(workflow));
			await acceptsToken(url(workflow), hookOf(workflow)!.secretToken!);
		}
		await eventually(
			'the recovery webhook is registered',
			() => recoveryAccount.webhooks.size === 1,
		);
		await acceptsToken(url(recovery.webhook), onlyHook(recoveryAccount).secretToken!);
		// the webhook a user adds by hand in Phrase for the manually set-up workflow
		recoveryAccount.webhooks.set('manualHook000000000001', {
			uid: 'manualHook000000000001',
			url: url(recovery.manual),
			events: ['JOB_STATUS_CHANGED'],
			secretToken: MANUAL_SECRET,
			status: 'ENABLED',
		});
		for (const account of [exampleAccount, cmsAccount, neverMissAccount])
			await eventually('an example registered its webhook', () => account.webhooks.size === 1);
		console.log(
			`[e2e phrase] ${phrase.webhooks.size} Phrase webhooks created by activation, after ${phrase.logins} login(s)`,
		);
		// n8n 2.x publishes the 13 workflows one CLI run each: on a loaded 2-core machine that alone took over 140 s
	}, 600_000);

	afterAll(async () => {
		// unpublished first: each trigger deletes its webhook at Phrase, and nothing polls a stopped simulator
		await n8n?.unpublishAll();
		for (const server of [
			phrase,
			exampleAccount,
			cmsAccount,
			recoveryAccount,
			neverMissAccount,
			smtp,
			cms,
		])
			await server?.stop();
	});

	it('activation created one webhook per workflow with the chosen events and a derived token', async () => {
		// "All Events": every code the node names
		expect(hookOf(workflows.all)!.events).toEqual([...PHRASE_EVENT_CODES].sort());
		expect(hookOf(workflows.corpus)!.events).toEqual([...PHRASE_EVENT_CODES].sort());
		expect(hookOf(workflows.completed)!.events).toEqual(['JOB_STATUS_CHANGED']);
		expect(hookOf(workflows.all)!.secretToken).toMatch(/^[A-Za-z0-9_-]{32,}$/);
		expect(hookOf(workflows.all)!.secretToken).not.toBe(hookOf(workflows.completed)!.secretToken);
		expect(hookOf(workflows.manual)).toBeUndefined();
		// the token is derived from the credential, never kept in the workflow (its API shows the static data)
		for (const workflow of [workflows.all, workflows.completed]) {
			const stored = await n8n.rest('GET', `/rest/workflows/${workflow.id}`);
			expect(JSON.stringify(stored.body)).not.toContain(hookOf(workflow)!.secretToken!);
		}
		// only the fields of Phrase's create-webhook schema
		for (const body of phrase.webhookCreations)
			expect(Object.keys(body).sort()).toEqual(['events', 'name', 'secretToken', 'status', 'url']);
	});

	it('starts workflows for every event family, one item per job part, with both status namings', async () => {
		const parts = [
			phraseSampleJobPart({ jobUid: 'j-done', status: 'COMPLETED_BY_LINGUIST' }),
			phraseSampleJobPart({ jobUid: 'j-delivered', status: 'COMPLETED' }),
			phraseSampleJobPart({
				jobUid: 'j-step1',
				status: 'COMPLETED_BY_LINGUIST',
				workflowLevel: 1,
				lastWorkflowLevel: 2,
			}),
		];
		expect(await phrase.deliver(phraseJobWebhook('JOB_STATUS_CHANGED', parts))).toEqual([
			200, 200, 200, 200,
		]);
		expect(
			await phrase.deliver(
				phraseJobWebhook('JOB_ASSIGNED', [
					phraseSampleJobPart({ jobUid: 'j-new', status: 'ASSIGNED' }),
				]),
			),
		).toEqual([200, 200]);
		expect(await phrase.deliver(phraseProjectWebhook('PROJECT_STATUS_CHANGED'))).toEqual([
			200, 200,
		]);
		expect(
			await phrase.deliver({
				event: 'PROJECT_TEMPLATE_CREATED',
				projectTemplate: { uid: 'tpl-1', name: 'Marketing' },
			}),
		).toEqual([200, 200]);
		expect(
			await phrase.deliver({
				event: 'ANALYSIS_CREATED',
				analyse: { uid: 'an-1' },
				project: { uid: 'prj-Website2026' },
			}),
		).toEqual([200, 200]);

		const all = receivedItems(await n8n.waitForExecutions(workflows.all.id, 5));
		expect(
			all.map((items) => items.map((i) => `${i.event}:${i.jobId ?? i.projectId ?? ''}`)),
		).toEqual([
			['JOB_STATUS_CHANGED:j-done', 'JOB_STATUS_CHANGED:j-delivered', 'JOB_STATUS_CHANGED:j-step1'],
			['JOB_ASSIGNED:j-new'],
			['PROJECT_STATUS_CHANGED:prj-Website2026'],
			['PROJECT_TEMPLATE_CREATED:'],
			['ANALYSIS_CREATED:prj-Website2026'],
		]);
		expect(all[0][0]).toMatchObject({
			vendor: 'phrase',
			status: 'COMPLETED_BY_LINGUIST',
			apiStatus: 'COMPLETED',
			projectName: 'Website 2026',
			occurredAt: '2026-11-25T10:00:00.000Z',
			metadata: { project: { name: 'Website 2026' } },
		});
		expect(all[0][1]).toMatchObject({ status: 'COMPLETED', apiStatus: 'DELIVERED' });

		// "COMPLETED" in API terms, last workflow step only: just the part completed by the linguist in the last step.
		const completed = receivedItems(await n8n.waitForExecutions(workflows.completed.id, 1)).flat();
		expect(completed.map((i) => i.jobId)).toEqual(['j-done']);

		// All jobs of the project's step 1 are COMPLETED in the API: one item for the project.
		const allJobs = receivedItems(await n8n.waitForExecutions(workflows.allJobs.id, 1)).flat();
		expect(allJobs).toEqual([
			expect.objectContaining({
				projectId: 'prj-Website2026',
				allJobsReachedStatus: 'COMPLETED',
				workflowLevel: 1,
				jobCount: 2,
			}),
		]);
		console.log(
			`[e2e phrase] 5 deliveries: ${all.length} executions (all events), ${completed.length} (COMPLETED filter), ${allJobs.length} (all jobs reached)`,
		);
	});

	it('answers 401 for a wrong token and 400 for malformed bodies, starting nothing', async () => {
		const before = (await n8n.executions({ workflowId: workflows.all.id })).length;
		const json = { 'content-type': 'application/json' };
		const token = { 'X-Memsource-Token': hookOf(workflows.all)!.secretToken! };
		const answers = [
			await send(url(workflows.all), {
				method: 'POST',
				headers: json,
				body: JSON.stringify(phraseProjectWebhook('PROJECT_CREATED')),
			}),
			await send(url(workflows.all), {
				method: 'POST',
				headers: { ...json, 'X-Memsource-Token': 'guess' },
				body: JSON.stringify(phraseProjectWebhook('PROJECT_CREATED')),
			}),
			await send(url(workflows.all), {
				method: 'POST',
				headers: { ...json, ...token },
				body: '{"jobParts":[]}',
			}),
			await send(url(workflows.all), {
				method: 'POST',
				headers: { ...json, ...token },
				body: '{"event":"JOB_CREATED","jobParts":[]}',
			}),
			await send(url(workflows.all), {
				method: 'POST',
				headers: { ...json, ...token },
				body: '[1,2,3]',
			}),
			await send(url(workflows.all), {
				method: 'POST',
				headers: { 'content-type': 'text/plain', ...token },
				body: 'JOB_CREATED',
			}),
		];
		expect(answers.map((a) => a.status)).toEqual([401, 401, 400, 400, 400, 400]);
		// Not JSON at all: n8n's own body parser refuses it (422) before the trigger runs (README says so).
		const unparseable = await send(url(workflows.all), {
			method: 'POST',
			headers: { ...json, ...token },
			body: '{"event": "JOB_CREATED", ',
		});
		expect(unparseable.status).toBe(422);
		const forged = await phrase.call(
			hookOf(workflows.all)!,
			phraseProjectWebhook('PROJECT_DELETED'),
			{
				tokenOverride: 'forged-token',
			},
		);
		expect(forged).toBe(401);
		expect(await phrase.call(hookOf(workflows.all)!, phraseProjectWebhook('PROJECT_CREATED'))).toBe(
			200,
		);
		const after = await n8n.waitForExecutions(workflows.all.id, before + 1);
		expect(after).toHaveLength(before + 1);
		expect(receivedItems(after).at(-1)![0]).toMatchObject({ event: 'PROJECT_CREATED' });
		console.log('[e2e phrase] 3 forged: 401, 4 malformed: 400; none started a workflow');
	});

	it('manual registration and the simulate command', async () => {
		const stdout = await simulate(
			'phrase',
			'--event',
			'JOB_STATUS_CHANGED',
			'--token',
			MANUAL_SECRET,
			'--url',
			url(workflows.manual),
		);
		expect(stdout).toContain('200 OK');
		const items = receivedItems(await n8n.waitForExecutions(workflows.manual.id, 1)).flat();
		expect(items).toEqual([
			expect.objectContaining({
				event: 'JOB_STATUS_CHANGED',
				status: 'COMPLETED_BY_LINGUIST',
				apiStatus: 'COMPLETED',
			}),
		]);
		expect(
			(
				await send(url(workflows.manual), {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: '{"event":"PROJECT_CREATED"}',
				})
			).status,
		).toBe(401);
	});

	it('every public corpus delivery through n8n: 200 and the item README describes', async () => {
		const hook = hookOf(workflows.corpus)!;
		// (the "every event family" deliveries reached this All Events workflow too)
		const before = await n8n.countExecutions({ workflowId: workflows.corpus.id });
		for (const fixture of phraseDeliveries)
			expect([fixture.file, await phrase.call(hook, fixture.request!.body)]).toEqual([
				fixture.file,
				200,
			]);
		const executions = await n8n.waitForExecutions(
			workflows.corpus.id,
			before + phraseDeliveries.length,
		);
		const received = receivedItems(executions.slice(before));
		expect(received).toHaveLength(phraseDeliveries.length);
		phraseDeliveries.forEach((fixture, i) => {
			const expected = expectedPhraseItems(fixture);
			expect([fixture.file, received[i].length]).toEqual([fixture.file, expected.length]);
			received[i].forEach((item, j) => expect(item).toMatchObject(expected[j]));
		});
		console.log(
			`[e2e phrase] ${phraseDeliveries.length} corpus deliveries: ${received.flat().length} items, as expected`,
		);
	});

	it('refuses to register a URL Phrase cannot reach, naming WEBHOOK_URL', async () => {
		await eventually(
			'n8n reports the refused activation',
			() =>
				/Phrase TMS cannot deliver to this workflow/.test(n8n.output) &&
				/WEBHOOK_URL/.test(n8n.output),
			60_000,
		);
		expect(hookOf(workflows.unreachable)).toBeUndefined();
	});

	it('a test listen creates a temporary webhook for the Test URL and deletes it when listening stops', async () => {
		const testUrl = `${n8n.baseUrl}/webhook-test/${workflows.listen.webhookId}/phrase`;
		const testHook = () => [...phrase.webhooks.values()].find((h) => h.url === testUrl);
		// one test event ends the listening
		await listenForTestEvent(n8n, workflows.listen.id, 'Trigger');
		await eventually('the test listen created its webhook', () => !!testHook());
		expect(testHook()!.events).toEqual(['JOB_CREATED']);
		await eventually('the Test URL accepts the token', async () => {
			const status = await phrase.call(
				testHook()!,
				phraseJobWebhook('JOB_CREATED', [phraseSampleJobPart({ jobUid: 'j-test' })]),
			);
			return status === 200;
		});
		await eventually('the temporary webhook is deleted', () => !testHook());
		// stopping the listening (the editor's "Stop listening") deletes it too
		await listenForTestEvent(n8n, workflows.listen.id, 'Trigger');
		await eventually('the test listen created its webhook again', () => !!testHook());
		const stop = await n8n.rest('DELETE', `/rest/test-webhook/${workflows.listen.id}`);
		expect(stop.status).toBe(200);
		await eventually('the temporary webhook is deleted after stopping', () => !testHook());
		expect(hookOf(workflows.listen)).toBeUndefined(); // the workflow itself is not active
	});

	it('deactivation deletes the webhook it created, logging in again when the token has expired', async () => {
		const uid = hookOf(workflows.completed)!.uid;
		const logins = phrase.logins;
		phrase.expireTokens();
		await n8n.unpublish(workflows.completed.id);
		await eventually('the webhook is deleted', () => !phrase.webhooks.has(uid));
		await waitForWebhookGone(url(workflows.completed));
		expect(phrase.logins).toBe(logins + 1);
		expect(hookOf(workflows.all)).toBeDefined();
	});

	it('runs the "completed → e-mail" example: its webhook is created on its account, the e-mail is sent', async () => {
		const parts = [
			phraseSampleJobPart({ jobUid: 'j-final', status: 'COMPLETED_BY_LINGUIST', targetLang: 'fr' }),
			phraseSampleJobPart({
				jobUid: 'j-review-next',
				status: 'COMPLETED_BY_LINGUIST',
				workflowLevel: 1,
				lastWorkflowLevel: 2,
			}),
		];
		// the token reaches n8n's static data just after the webhook is created (see beforeAll): retry until accepted
		await eventually(
			'the example accepts the delivery',
			async () =>
				(await exampleAccount.deliver(phraseJobWebhook('JOB_STATUS_CHANGED', parts)))[0] === 200,
		);
		const [execution] = await n8n.waitForExecutions('phraseExample001', 1);
		expect(execution.status).toBe('success');
		expect(smtp.messages).toHaveLength(1); // the part with a later workflow step is filtered out
		const [mail] = smtp.messages;
		expect(mail).toMatchObject({ from: 'n8n@example.com', to: ['pm@example.com'] });
		expect(mail.data).toMatch(
			/^Subject: Website 2026: product-page.html \(fr\) completed by the linguist$/m,
		);
		expect(mail.text).toMatch(
			/^Job j-final of project Website 2026 \(prj-Website2026\) reached COMPLETED_BY_LINGUIST \(API: COMPLETED\) in workflow step 1\.\nLinguist: anna@translators\.example\n/,
		);
	});

	it('runs the "completed → CMS" example: the translated file reaches the CMS byte for byte', async () => {
		const parts = [
			phraseSampleJobPart({
				jobUid: 'j-final',
				status: 'COMPLETED_BY_LINGUIST',
				targetLang: 'fr',
				projectUid: 'prj-Website2026',
			}),
		];
		await eventually(
			'the CMS example accepts the delivery',
			async () =>
				(await cmsAccount.deliver(phraseJobWebhook('JOB_STATUS_CHANGED', parts)))[0] === 200,
		);
		const [execution] = await n8n.waitForExecutions('phraseExample002', 1, 60_000);
		expect([execution.status, execution.error]).toEqual(['success', null]);
		expect(cms.received).toHaveLength(1);
		const [put] = cms.received;
		expect(put.method).toBe('PUT');
		expect(put.path).toBe('/api/translations/j-final?locale=fr&file=product-page_fr.html');
		expect(put.body.equals(TRANSLATED)).toBe(true);
		expect(execution.binaries['Download Target File']?.[0]?.data).toMatchObject({
			fileName: 'product-page_fr.html',
		});
		// Phrase's asynchronous export was asked for, polled and downloaded once
		const asked = cmsAccount.requests.map((r) => `${r.method} ${r.path.replace(/\d+$/, '{id}')}`);
		expect(asked).toEqual(
			expect.arrayContaining([
				'PUT /api2/v3/projects/prj-Website2026/jobs/j-final/targetFile',
				'GET /api2/v1/async/{id}',
				'GET /api2/v2/projects/prj-Website2026/jobs/j-final/downloadTargetFile/{id}',
			]),
		);
		console.log(`[e2e phrase] CMS example: ${put.body.length} bytes arrived unchanged`);
	});

	it('catch-up: what n8n missed while stopped, and while a workflow was inactive, comes out once', async () => {
		const statusChange = (jobUid: string) =>
			phraseJobWebhook('JOB_STATUS_CHANGED', [phraseSampleJobPart({ jobUid })]);
		const keyOf = (body: Record<string, unknown>) =>
			`phrase:JOB_STATUS_CHANGED:${String(body.eventUid)}:${String((body.jobParts as Array<{ uid: string }>)[0].uid)}`;

		// running: delivered by the webhooks, nothing for the catch-ups
		const e0 = statusChange('rec-0');
		expect(await recoveryAccount.deliver(e0)).toEqual([200, 200]);
		const m0 = statusChange('nm-0');
		await eventually(
			'the never-miss example accepts the delivery',
			async () => (await neverMissAccount.deliver(m0))[0] === 200,
		);
		await n8n.waitForExecutions(recovery.webhook.id, 1);
		await n8n.waitForExecutions('phraseExample003', 1);

		// (a) n8n stopped: Phrase's calls fail
		const e1 = statusChange('rec-1');
		const e2 = statusChange('rec-2');
		const m1 = statusChange('nm-1');
		await n8n.stop({ graceMs: 90_000 }); // the user folder is ours: it stays
		expect(await recoveryAccount.deliver(e1)).toEqual([0, 0]);
		expect(await recoveryAccount.deliver(e2)).toEqual([0, 0]);
		expect(await neverMissAccount.deliver(m1)).toEqual([0]);
		// another integration's webhook of the same account fails too: not the example's, never emitted by its
		// catch-up (which reads the calls of its own trigger's webhook only)
		expect(
			await neverMissAccount.call(
				{ uid: 'otherIntegration000001', url: 'http://127.0.0.1:9/cms-hook' },
				statusChange('nm-other-integration'),
			),
		).toBe(0);
		await n8n.start();
		// activation polls at once: each catch-up emits the two events its webhook missed
		const webhookCatchUp = receivedItems(
			await n8n.waitForExecutions('phraseRecCatchW1', 1, 60_000),
		);
		expect(webhookCatchUp.flat().map((i) => i.eventKey)).toEqual([keyOf(e1), keyOf(e2)]);
		const manualCatchUp = receivedItems(await n8n.waitForExecutions('phraseRecCatchM1', 1, 60_000));
		expect(manualCatchUp.flat().map((i) => i.eventKey)).toEqual([keyOf(e1), keyOf(e2)]);
		// the same items the webhook trigger emits
		const delivered = receivedItems(
			await n8n.executions({ workflowId: recovery.webhook.id }),
		)[0][0];
		const recovered = webhookCatchUp[0][0];
		expect(Object.keys(recovered)).toEqual(Object.keys(delivered));

		// (b) the manually set-up workflow inactive: its call gets 404, the automatic one's 200
		await n8n.unpublish(recovery.manual.id);
		await waitForWebhookGone(url(recovery.manual));
		const e3 = statusChange('rec-3');
		expect(await recoveryAccount.deliver(e3)).toEqual([200, 404]);
		// Phrase retries m1; this time the webhook gets it: Remove Duplicates lets the key through once
		expect(await neverMissAccount.call(onlyHook(neverMissAccount), m1)).toBe(200);

		// the next poll (every minute): e3 for the inactive workflow's catch-up, nothing new for the other
		const polls = recoveryAccount.requests.filter(
			(r) => r.path === '/api2/v1/webhooksCalls',
		).length;
		await eventually(
			'both catch-ups polled again',
			() =>
				recoveryAccount.requests.filter((r) => r.path === '/api2/v1/webhooksCalls').length >=
				polls + 2,
			150_000,
		);
		const manualAgain = receivedItems(await n8n.waitForExecutions('phraseRecCatchM1', 2, 60_000));
		expect(manualAgain.map((items) => items.map((i) => i.eventKey))).toEqual([
			[keyOf(e1), keyOf(e2)],
			[keyOf(e3)],
		]);
		expect(await n8n.countExecutions({ workflowId: 'phraseRecCatchW1' })).toBe(1);

		// the never-miss example: each event once after Remove Duplicates, whichever trigger saw it first
		const neverMiss = await n8n.waitForExecutions('phraseExample003', 3, 60_000);
		const once = neverMiss.flatMap(
			(e) => (e.items['Each event once'] ?? []) as Array<{ eventKey: string }>,
		);
		expect(once.map((i) => i.eventKey)).toEqual([keyOf(m0), keyOf(m1)]);
		console.log(
			`[e2e phrase] catch-up: 2 events missed while n8n was stopped and 1 while a workflow was inactive recovered once; never-miss example: ${neverMiss.length} executions, ${once.length} events through`,
		);
	});

	it('keeps no secret in execution data: tokens, passwords, the manual secret', async () => {
		const data = JSON.stringify(await n8n.executions());
		const tokens = [phrase, exampleAccount, cmsAccount, recoveryAccount, neverMissAccount].flatMap(
			(account) => [...account.webhooks.values()].map((h) => h.secretToken ?? ''),
		);
		for (const secret of [...tokens, USER.password, MANUAL_SECRET].filter(Boolean))
			expect(data).not.toContain(secret);
		expect(data.length).toBeGreaterThan(10_000); // the executions were read
	});

	it('offers the nodes and the credential in the editor', async () => {
		const types = await editorTypes(n8n);
		for (const node of ['phraseTrigger', 'phrase', 'phraseCatchUpTrigger'])
			expect(types.nodes).toContain(`${PACKAGE}.${node}`);
		expect(types.credentials).toContain('phraseApi');
	});
});

/**
 * The first half of the loop, in a real n8n: content from a CMS goes to Phrase as a job (Job → Create, the file
 * streamed from n8n's binary data), Phrase's webhook says the translation is done, the translated file goes back to
 * the CMS. Phrase failing after it received a file (500, the connection dropped) must leave exactly one job per
 * content item. And the pick lists as the editor asks for them, through n8n's REST API.
 */
describe('Phrase TMS: sending content for translation, in a real n8n', () => {
	const PROJECT = 'prjCmsContent0000000001';
	const ACCOUNT = { phraseApi: { id: 'phraseSendCred01', name: 'Phrase send account' } };
	let phrase: PhraseSimulator;
	let cms: BytesRecorder;
	let workflow: ReturnType<typeof example>;
	const contentUrl = () => n8n.webhookUrl('cms-entry-published');
	/** A CMS entry whose body breaks careless handling: UTF-8 beyond Latin-1, CRLF, a NUL. */
	const entryBody = (id: string) => `<h1>${id}: Größe — ✓ 日本語</h1>\r\n<p>Text\u0000 end</p>\n`;
	const translation = (source: Buffer, lang: string) =>
		Buffer.concat([Buffer.from(`[${lang}] `, 'utf8'), source, Buffer.from([0xef, 0xbb, 0xbf])]);

	beforeAll(async () => {
		phrase = await new PhraseSimulator({
			...USER,
			projects: { [PROJECT]: [], prjOtherContent0000001: [] },
			projectInfo: {
				[PROJECT]: {
					name: 'CMS content',
					sourceLang: 'en',
					targetLangs: ['de', 'fr'],
					workflowLevels: 2,
				},
				prjOtherContent0000001: { name: 'Brochures', targetLangs: ['ja'] },
			},
			templates: [
				{
					uid: 'tplCms00000000000000001',
					templateName: 'CMS pages',
					sourceLang: 'en',
					targetLangs: ['de', 'fr'],
				},
			],
		}).start();
		cms = await new BytesRecorder().start();
		// the file's n8n (started for the block above)
		await n8n.importCredentials([
			{
				...ACCOUNT.phraseApi,
				type: 'phraseApi',
				data: { region: 'custom', baseUrl: phrase.baseUrl, authType: 'password', ...USER },
			},
		]);
		workflow = asImportedByEditor(
			example('phrase-cms-send-for-translation-and-back.json', {
				parameters: {
					'Phrase TMS Trigger': { options: { allowPrivateWebhookUrl: true } },
					'Send for translation': { project: { __rl: true, mode: 'id', value: PROJECT } },
				},
				credentials: Object.fromEntries(
					['phraseTrigger', 'phrase'].map((node) => [
						`${PACKAGE}.${node}`,
						{ type: 'phraseApi', ...ACCOUNT.phraseApi },
					]),
				),
			}),
		);
		for (const node of workflow.nodes) {
			// the editor gives a Webhook node an id on import too
			if (node.type === 'n8n-nodes-base.webhook') node.webhookId = randomUUID();
			if (node.name === 'Send to CMS')
				node.parameters.url = String(node.parameters.url).replace(
					'https://cms.example.com',
					cms.url,
				);
		}
		await n8n.importWorkflows([workflow]);
		await n8n.waitForWebhook(contentUrl());
		await eventually(
			'the Phrase TMS Trigger registered its webhook',
			() => phrase.webhooks.size === 1,
		);
		const [hook] = [...phrase.webhooks.values()];
		await eventually(`${hook.url} accepts its token`, async () => {
			const probe = await send(hook.url, {
				method: 'POST',
				headers: { 'content-type': 'application/json', 'X-Memsource-Token': hook.secretToken! },
				body: JSON.stringify({ event: 'JOB_STATUS_CHANGED', jobParts: [] }),
			});
			return probe.status === 400;
		});
	}, 600_000);

	afterAll(async () => {
		await phrase?.stop();
		await cms?.stop();
	});

	it('CMS entries → one Phrase job creation each, also when Phrase fails after receiving one → translations back to the CMS', async () => {
		const entries = ['entry-1', 'entry-2', 'entry-3', 'entry-500', 'entry-dropped'];
		const post = async (id: string) =>
			await send(contentUrl(), {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({
					event: 'entry.publish',
					entry: { id, locale: 'en', body: entryBody(id) },
				}),
			});
		const settled = async (count: number) =>
			await n8n.waitForExecutions(workflow.id, count, 60_000);

		// three entries, Phrase well
		for (const id of entries.slice(0, 3)) expect((await post(id)).status).toBe(200);
		await settled(3);
		// Phrase creates the jobs, then answers 500; Phrase creates them, then drops the connection
		phrase.failAfterReceipt('status500');
		expect((await post('entry-500')).status).toBe(200);
		await settled(4);
		phrase.failAfterReceipt('drop');
		expect((await post('entry-dropped')).status).toBe(200);
		const sent = await settled(5);

		expect(sent.map((e) => e.status)).toEqual(['success', 'success', 'success', 'error', 'error']);
		for (const failed of sent.slice(3))
			expect(failed.error).toMatch(/may have received the request.*not sent again automatically/);
		// exactly one job creation per entry, each the entry's bytes, streamed, under its name
		// (the first three ran side by side: in any order)
		expect(phrase.jobCreations.map((c) => c.fileName).sort()).toEqual(
			entries.map((id) => `${id}.html`).sort(),
		);
		const creationOf = (id: string) =>
			phrase.jobCreations.find((c) => c.fileName === `${id}.html`)!;
		for (const id of entries) {
			expect(creationOf(id).bytes?.equals(Buffer.from(entryBody(id), 'utf8'))).toBe(true);
			expect(creationOf(id).metadata).toEqual({ targetLangs: ['de', 'fr'] });
		}
		expect(sent[0].items['Send for translation']).toHaveLength(4); // 2 languages × 2 workflow steps

		// Phrase's linguists finish the last workflow step of every job, also those of the failed answers
		const jobs = phrase.jobsOf(PROJECT);
		for (const creation of phrase.jobCreations) {
			const parts = jobs
				.filter((j) => creation.jobUids.includes(j.uid) && j.workflowLevel === 2)
				.map((job) => {
					job.status = 'COMPLETED';
					job.target = translation(creation.bytes!, job.targetLang!);
					return {
						uid: job.uid,
						id: '1',
						fileName: job.filename,
						targetLang: job.targetLang,
						workflowLevel: 2,
						status: 'COMPLETED_BY_LINGUIST',
						project: { uid: PROJECT, id: '100', lastWorkflowLevel: 2 },
						assignedTo: [],
					};
				});
			expect(
				await phrase.deliver(phraseJobWebhook('JOB_STATUS_CHANGED', parts, 'CMS content')),
			).toEqual([200]);
		}
		await settled(10);
		await eventually('every translation reached the CMS', () => cms.received.length === 10, 60_000);
		const byPath = new Map(cms.received.map((r) => [r.path, r]));
		for (const id of entries)
			for (const lang of ['de', 'fr']) {
				const put = byPath.get(`/api/entries/${id}/translations/${lang}`);
				expect([id, lang, put?.method]).toEqual([id, lang, 'PUT']);
				expect(put!.body.equals(translation(creationOf(id).bytes!, lang))).toBe(true);
			}
		// still one creation per entry: nothing was sent again by n8n or by the node
		expect(phrase.jobCreations).toHaveLength(entries.length);
		console.log(
			`[e2e phrase send] ${entries.length} CMS entries → ${phrase.jobCreations.length} job creations (2 answered 500 / dropped after receipt) → ${cms.received.length} translations back in the CMS`,
		);
	});

	it("offers projects, jobs, templates and languages as the editor asks n8n for them (n8n's REST API)", async () => {
		const node = { name: `${PACKAGE}.phrase`, version: 1 };
		const listSearch = async (
			methodName: string,
			parameters: Record<string, unknown>,
			filter?: string,
		) => {
			const answer = await n8n.rest(
				'POST',
				'/rest/dynamic-node-parameters/resource-locator-results',
				{
					path: 'parameters.project',
					methodName,
					filter,
					nodeTypeAndVersion: node,
					currentNodeParameters: parameters,
					credentials: {
						phraseApi: { ...ACCOUNT.phraseApi, id: n8n.credentialId(ACCOUNT.phraseApi.id) },
					},
				},
			);
			expect([methodName, answer.status]).toEqual([methodName, 200]);
			return (
				answer.body as { data: { results: Array<{ name: string; value: string; url?: string }> } }
			).data.results;
		};
		const jobCreate = { resource: 'job', operation: 'create' };
		expect(await listSearch('searchProjects', jobCreate, 'cms')).toEqual([
			{ name: 'CMS content', value: PROJECT, url: `${phrase.baseUrl}/project2/show/${PROJECT}` },
		]);
		const jobs = await listSearch(
			'searchJobs',
			{
				resource: 'job',
				operation: 'setStatus',
				project: { __rl: true, mode: 'list', value: PROJECT },
			},
			'entry-1',
		);
		expect(jobs.map((j) => j.name).sort()).toEqual([
			'entry-1.html → de (NEW)',
			'entry-1.html → fr (NEW)',
		]);
		expect(
			await listSearch('searchTemplates', { resource: 'project', operation: 'create' }),
		).toEqual([
			{ name: 'CMS pages', value: 'tplCms00000000000000001', description: 'en → de, fr' },
		]);
		const languages = await listSearch(
			'searchLanguages',
			{ resource: 'project', operation: 'create' },
			'portuguese (brazil)',
		);
		expect(languages).toEqual([{ name: 'Portuguese (Brazil) (pt_br)', value: 'pt_br' }]);

		const options = await n8n.rest('POST', '/rest/dynamic-node-parameters/options', {
			path: 'parameters.targetLangs',
			methodName: 'getProjectTargetLanguages',
			nodeTypeAndVersion: node,
			currentNodeParameters: {
				...jobCreate,
				project: { __rl: true, mode: 'url', value: `${phrase.baseUrl}/project2/show/${PROJECT}` },
			},
			credentials: {
				phraseApi: { ...ACCOUNT.phraseApi, id: n8n.credentialId(ACCOUNT.phraseApi.id) },
			},
		});
		expect(options.status).toBe(200);
		expect((options.body as { data: unknown }).data).toEqual([
			{ name: 'German (de)', value: 'de' },
			{ name: 'French (fr)', value: 'fr' },
		]);
	});
});

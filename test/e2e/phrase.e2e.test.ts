/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets, no-console -- developer tooling: runs in Node.js, never inside n8n, so n8n's rules for node code do not apply (CONTRIBUTING.md, "Lint") */
/**
 * Phrase TMS Trigger in a real n8n, against the Phrase TMS simulator: activation logs in (n8n's
 * pre-authentication) and creates the webhook, the simulator delivers with X-Memsource-Token, deactivation
 * deletes the webhook.
 */

import {
	phraseJobWebhook,
	phraseProjectWebhook,
	phraseSampleJobPart,
} from '../../cli/samples/phrase';
import { PHRASE_EVENT_CODES } from '../../nodes/Phrase/events';
import { SmtpStandIn } from '../helpers/smtp';
import { PhraseSimulator } from '../simulators/phrase';
import {
	editorTypes,
	eventually,
	example,
	receivedItems,
	send,
	simulate,
	startN8n,
	triggerWorkflow,
	waitForWebhookGone,
	type N8nInstance,
} from './harness';

const USER = { userName: 'pm.e2e', password: 'e2e-phrase-password-secret' };
const CREDENTIAL = { phraseApi: { id: 'phraseCred000001', name: 'Phrase simulator' } };
const MANUAL_TOKEN = 'phrase-manual-Token-0123456789';

const workflows = {
	all: triggerWorkflow({ id: 'phraseAll0000001', node: 'phraseTrigger', credentials: CREDENTIAL }),
	completed: triggerWorkflow({
		id: 'phraseDone000001',
		node: 'phraseTrigger',
		credentials: CREDENTIAL,
		parameters: {
			events: ['JOB_STATUS_CHANGED'],
			statuses: ['api:COMPLETED'],
			filters: { lastWorkflowLevelOnly: true },
		},
	}),
	allJobs: triggerWorkflow({
		id: 'phraseAllJobs001',
		node: 'phraseTrigger',
		credentials: CREDENTIAL,
		parameters: { events: ['JOB_STATUS_CHANGED'], allJobsStatus: 'api:COMPLETED' },
	}),
	manual: triggerWorkflow({
		id: 'phraseManual0001',
		node: 'phraseTrigger',
		parameters: { registration: 'manual', manualToken: MANUAL_TOKEN },
	}),
};

describe('Phrase TMS Trigger in a real n8n', () => {
	let n8n: N8nInstance;
	let phrase: PhraseSimulator;
	// The e-mail example's own Phrase account, so that its deliveries reach the example alone.
	let exampleAccount: PhraseSimulator;
	let smtp: SmtpStandIn;
	const url = (workflow: { webhookId: string }) => n8n.webhookUrl(`${workflow.webhookId}/phrase`);
	const hookOf = (workflow: { webhookId: string }) =>
		[...phrase.webhooks.values()].find((h) => h.url === url(workflow));

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
		smtp = await new SmtpStandIn().start();
		n8n = await startN8n('phrase');
		await n8n.importCredentials([
			{
				id: CREDENTIAL.phraseApi.id,
				name: CREDENTIAL.phraseApi.name,
				type: 'phraseApi',
				data: { region: 'custom', baseUrl: phrase.baseUrl, authType: 'password', ...USER },
			},
			{
				id: 'phraseExampleCred',
				name: 'Phrase TMS account',
				type: 'phraseApi',
				data: { region: 'custom', baseUrl: exampleAccount.baseUrl, authType: 'password', ...USER },
			},
			smtp.credential('smtpE2e00000001'),
		]);
		const emailExample = example('phrase-completed-by-linguist-to-email.json', {
			credentials: { 'n8n-nodes-base.emailSend': smtp.credential('smtpE2e00000001') },
		});
		await n8n.importWorkflows([...Object.values(workflows), emailExample]);
		for (const workflow of Object.values(workflows)) await n8n.waitForWebhook(url(workflow));
		// The token reaches n8n's static data just after the webhook is created: probe until the token is accepted,
		// with a body that is then refused (400), so the probe starts nothing.
		for (const workflow of [workflows.all, workflows.completed, workflows.allJobs]) {
			await eventually(`${workflow.id} is registered`, () => !!hookOf(workflow));
			await eventually(`${workflow.id} accepts its token`, async () => {
				const probe = await send(url(workflow), {
					method: 'POST',
					headers: {
						'content-type': 'application/json',
						'X-Memsource-Token': hookOf(workflow)!.secretToken!,
					},
					body: JSON.stringify({ event: 'JOB_CREATED', jobParts: [] }),
				});
				return probe.status === 400;
			});
		}
		console.log(
			`[e2e phrase] ${phrase.webhooks.size} Phrase webhooks created by activation, after ${phrase.logins} login(s)`,
		);
	});

	afterAll(async () => {
		const output = n8n?.output ?? '';
		await n8n?.stop();
		await phrase?.stop();
		await exampleAccount?.stop();
		await smtp?.stop();
		expect(output).not.toContain(USER.password);
		expect(output).not.toContain(MANUAL_TOKEN);
	});

	it('activation created one webhook per workflow with the chosen events and a generated token', () => {
		expect(hookOf(workflows.all)!.events).toEqual([...PHRASE_EVENT_CODES].sort());
		expect(hookOf(workflows.completed)!.events).toEqual(['JOB_STATUS_CHANGED']);
		expect(hookOf(workflows.all)!.secretToken).toMatch(/^[A-Za-z0-9_-]{32,}$/);
		expect(hookOf(workflows.all)!.secretToken).not.toBe(hookOf(workflows.completed)!.secretToken);
		expect(hookOf(workflows.manual)).toBeUndefined();
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
			200, 200, 200,
		]);
		expect(
			await phrase.deliver(
				phraseJobWebhook('JOB_ASSIGNED', [
					phraseSampleJobPart({ jobUid: 'j-new', status: 'ASSIGNED' }),
				]),
			),
		).toEqual([200]);
		expect(await phrase.deliver(phraseProjectWebhook('PROJECT_STATUS_CHANGED'))).toEqual([200]);
		expect(
			await phrase.deliver({
				event: 'PROJECT_TEMPLATE_CREATED',
				projectTemplate: { uid: 'tpl-1', name: 'Marketing' },
			}),
		).toEqual([200]);
		expect(
			await phrase.deliver({
				event: 'ANALYSIS_CREATED',
				analyse: { uid: 'an-1' },
				project: { uid: 'prj-Website2026' },
			}),
		).toEqual([200]);

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
			metadata: { project: { name: 'Website 2026' } },
		});
		expect(all[0][1]).toMatchObject({ status: 'COMPLETED', apiStatus: 'DELIVERED' });

		// "COMPLETED" in API terms, last workflow step only: just the part completed by the linguist in the last step.
		const completed = receivedItems(await n8n.waitForExecutions(workflows.completed.id, 1)).flat();
		expect(completed.map((i) => i.jobId)).toEqual(['j-done']);

		// All jobs of the project are COMPLETED in the API: one item for the project.
		const allJobs = receivedItems(await n8n.waitForExecutions(workflows.allJobs.id, 1)).flat();
		expect(allJobs).toEqual([
			expect.objectContaining({
				projectId: 'prj-Website2026',
				allJobsReachedStatus: 'COMPLETED',
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
		expect(await phrase.deliver(phraseProjectWebhook('PROJECT_DELETED'), 'forged-token')).toEqual([
			401,
		]);
		expect(await phrase.deliver(phraseProjectWebhook('PROJECT_CREATED'))).toEqual([200]);
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
			MANUAL_TOKEN,
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
		await eventually('the example created its webhook', () => exampleAccount.webhooks.size === 1);
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

	it('offers the trigger and its credential in the editor', async () => {
		const types = await editorTypes(n8n);
		expect(types.nodes).toContain('n8n-nodes-translation-events.phraseTrigger');
		expect(types.credentials).toContain('phraseApi');
	});
});

/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- developer tooling: runs in Node.js, never inside n8n, so n8n's rules for node code do not apply (CONTRIBUTING.md, "Lint") */
import {
	phraseJobWebhook,
	phraseProjectWebhook,
	phraseSampleJobPart,
} from '../../cli/samples/phrase';
import { PhraseTrigger } from '../../nodes/Phrase/PhraseTrigger.node';
import { apiStatusOf, statusMatches, webhookStatusOf } from '../../nodes/Phrase/statuses';
import { deliverTo, type FakeRequest } from '../helpers/webhookContext';
import { PhraseSimulator } from '../simulators/phrase';

const trigger = new PhraseTrigger();
const TOKEN = 'phrase-registered-token-0123456789';
const registered = {
	webhookUid: 'wh-1',
	secretToken: TOKEN,
	url: 'https://n8n.example/webhook/x/phrase',
};

function request(body: unknown, extra: Partial<FakeRequest> = {}): FakeRequest {
	return {
		headers: { 'content-type': 'application/json', 'x-memsource-token': TOKEN },
		body,
		staticData: { ...registered },
		...extra,
	};
}

const deliver = deliverTo(trigger);

describe('Phrase job statuses: webhook and API names', () => {
	it("maps both ways, as Phrase's webhooks help page tabulates", () => {
		expect(apiStatusOf('COMPLETED_BY_LINGUIST')).toBe('COMPLETED');
		expect(apiStatusOf('COMPLETED')).toBe('DELIVERED');
		expect(apiStatusOf('ASSIGNED')).toBe('ACCEPTED');
		expect(webhookStatusOf('COMPLETED')).toBe('COMPLETED_BY_LINGUIST');
		expect(webhookStatusOf('DELIVERED')).toBe('COMPLETED');
		expect(statusMatches('COMPLETED_BY_LINGUIST', ['api:COMPLETED'])).toBe(true);
		expect(statusMatches('COMPLETED', ['api:COMPLETED'])).toBe(false);
	});
});

describe('Phrase TMS Trigger: deliveries', () => {
	it('emits one item per job part with the envelope, both status names, assignees and metadata', async () => {
		const body = phraseJobWebhook('JOB_STATUS_CHANGED', [
			phraseSampleJobPart({ jobUid: 'j1' }),
			phraseSampleJobPart({ jobUid: 'j2', targetLang: 'fr', status: 'COMPLETED' }),
		]);
		const { status, items } = await deliver(request(body));
		expect(status).toBe(200);
		expect(items).toHaveLength(2);
		expect(items[0]).toMatchObject({
			vendor: 'phrase',
			event: 'JOB_STATUS_CHANGED',
			eventKey: 'phrase:JOB_STATUS_CHANGED:j1:COMPLETED_BY_LINGUIST',
			occurredAt: '2026-11-25T10:00:00.000Z',
			jobId: 'j1',
			projectId: 'prj-Website2026',
			status: 'COMPLETED_BY_LINGUIST',
			apiStatus: 'COMPLETED',
			targetLang: 'de',
			fileName: 'product-page.html',
			projectName: 'Website 2026',
			assignedTo: [expect.objectContaining({ type: 'linguist', userName: 'anna.keller' })],
			metadata: { project: { name: 'Website 2026' } },
		});
		expect(items[1]).toMatchObject({
			jobId: 'j2',
			status: 'COMPLETED',
			apiStatus: 'DELIVERED',
			targetLang: 'fr',
		});
	});

	it('emits one item for project events', async () => {
		const { items } = await deliver(
			request(
				phraseProjectWebhook('PROJECT_STATUS_CHANGED', { projectUid: 'p9', status: 'COMPLETED' }),
			),
		);
		expect(items).toEqual([
			expect.objectContaining({
				event: 'PROJECT_STATUS_CHANGED',
				projectId: 'p9',
				status: 'COMPLETED',
				eventKey: 'phrase:PROJECT_STATUS_CHANGED:p9:COMPLETED',
				project: expect.objectContaining({ name: 'Website 2026' }),
			}),
		]);
	});

	it('one item per delivery when asked', async () => {
		const body = phraseJobWebhook('JOB_CREATED', [
			phraseSampleJobPart({ jobUid: 'a' }),
			phraseSampleJobPart({ jobUid: 'b' }),
		]);
		const { items } = await deliver(request(body, { nodeParameters: { output: 'perDelivery' } }));
		expect(items).toHaveLength(1);
		expect((items[0].jobParts as unknown[]).length).toBe(2);
	});

	it('filters by status in either naming, project, target language, workflow level and assignee', async () => {
		const parts = [
			phraseSampleJobPart({ jobUid: 'done', status: 'COMPLETED_BY_LINGUIST' }),
			phraseSampleJobPart({ jobUid: 'delivered', status: 'COMPLETED' }),
			phraseSampleJobPart({
				jobUid: 'other-project',
				status: 'COMPLETED_BY_LINGUIST',
				projectUid: 'prj-Other',
			}),
			phraseSampleJobPart({ jobUid: 'french', status: 'COMPLETED_BY_LINGUIST', targetLang: 'fr' }),
			phraseSampleJobPart({
				jobUid: 'first-step',
				status: 'COMPLETED_BY_LINGUIST',
				workflowLevel: 1,
				lastWorkflowLevel: 2,
			}),
		];
		const uids = async (nodeParameters: Record<string, unknown>, event = 'JOB_STATUS_CHANGED') =>
			(await deliver(request(phraseJobWebhook(event, parts), { nodeParameters }))).items.map(
				(i) => i.jobId,
			);
		expect(await uids({ statuses: ['api:COMPLETED'] })).toEqual([
			'done',
			'other-project',
			'french',
			'first-step',
		]);
		expect(await uids({ statuses: ['api:DELIVERED'] })).toEqual(['delivered']);
		expect(await uids({ filters: { projectUid: 'prj-Other' } })).toEqual(['other-project']);
		expect(await uids({ filters: { projectNameContains: 'website' } })).toHaveLength(5);
		expect(await uids({ filters: { targetLang: 'FR' } })).toEqual(['french']);
		expect(await uids({ filters: { lastWorkflowLevelOnly: true } })).toEqual([
			'done',
			'delivered',
			'other-project',
			'french',
		]);
		expect(
			await uids({ filters: { assignee: 'anna@translators.example' } }, 'JOB_ASSIGNED'),
		).toHaveLength(5);
		expect(await uids({ filters: { assignee: 'someone.else' } }, 'JOB_ASSIGNED')).toEqual([]);
	});

	it('answers 200 and starts nothing for unselected events and fully filtered deliveries', async () => {
		const unselected = await deliver(
			request(phraseJobWebhook('JOB_CREATED', [phraseSampleJobPart()]), {
				nodeParameters: { events: ['JOB_STATUS_CHANGED'] },
			}),
		);
		expect([unselected.status, unselected.items.length, unselected.body.workflowStarted]).toEqual([
			200,
			0,
			false,
		]);
		const filtered = await deliver(
			request(phraseJobWebhook('JOB_STATUS_CHANGED', [phraseSampleJobPart({ status: 'NEW' })]), {
				nodeParameters: { statuses: ['api:COMPLETED'] },
			}),
		);
		expect([filtered.status, filtered.items.length]).toEqual([200, 0]);
		const other = await deliver(
			request(
				{ event: 'LANGUAGE_AI_SOMETHING', metadata: {} },
				{ nodeParameters: { events: ['JOB_CREATED'], otherEvents: 'language_ai_something' } },
			),
		);
		expect(other.items).toHaveLength(1);
	});

	it.each([
		['no event', { jobParts: [] }, 'event is missing'],
		['an event that is no code', { event: 'job status changed' }, 'not a Phrase TMS event code'],
		[
			'a job event without job parts',
			{ event: 'JOB_STATUS_CHANGED', jobParts: [] },
			'jobParts is missing or empty',
		],
		[
			'a job part without uid',
			{ event: 'JOB_CREATED', jobParts: [{ status: 'NEW' }] },
			'a job part has no uid',
		],
		['job parts that are no list', { event: 'JOB_CREATED', jobParts: 'x' }, 'jobParts'],
		['a list', [1, 2], 'not a JSON object'],
	])('refuses %s with 400', async (_name, body, reason) => {
		const { status, body: answer, items } = await deliver(request(body));
		expect([status, items.length]).toEqual([400, 0]);
		expect(answer.message).toContain(reason);
	});

	it('refuses another content type with 400', async () => {
		expect(
			(
				await deliver(
					request('{}', { headers: { 'content-type': 'text/plain', 'x-memsource-token': TOKEN } }),
				)
			).status,
		).toBe(400);
	});
});

describe('Phrase TMS Trigger: the secret token', () => {
	const body = phraseJobWebhook('JOB_CREATED', [phraseSampleJobPart()]);
	it.each([
		['missing', { 'content-type': 'application/json' }],
		['wrong', { 'content-type': 'application/json', 'x-memsource-token': `${TOKEN}x` }],
	])('%s → 401, before the body is read', async (_name, headers) => {
		const { status, items } = await deliver(request('garbage', { headers }));
		expect([status, items.length]).toEqual([401, 0]);
	});

	it('accepts the newer X-Phrase-Token header name too', async () => {
		expect(
			(
				await deliver(
					request(body, {
						headers: { 'content-type': 'application/json', 'x-phrase-token': TOKEN },
					}),
				)
			).status,
		).toBe(200);
	});

	it('manual registration checks the token entered in the node', async () => {
		const manual = { registration: 'manual', manualToken: 'manual-token-0123456789' };
		const ok = await deliver(
			request(body, {
				nodeParameters: manual,
				staticData: {},
				headers: {
					'content-type': 'application/json',
					'x-memsource-token': 'manual-token-0123456789',
				},
			}),
		);
		const wrong = await deliver(request(body, { nodeParameters: manual, staticData: {} }));
		expect([ok.status, wrong.status]).toEqual([200, 401]);
	});

	it('401 without a registration, and the log says what to do', async () => {
		const { status, logs } = await deliver(request(body, { staticData: {} }));
		expect(status).toBe(401);
		expect(logs.join('\n')).toContain('deactivate and activate');
	});
});

describe('Phrase TMS Trigger: through the API', () => {
	let phrase: PhraseSimulator;
	const credentials = () => ({
		phraseApi: {
			region: 'custom',
			baseUrl: phrase.baseUrl,
			authType: 'password',
			userName: 'pm',
			password: 'pw',
		},
	});
	beforeAll(async () => {
		phrase = await new PhraseSimulator({
			userName: 'pm',
			password: 'pw',
			projects: {
				'prj-Done': [
					{ uid: 'd1', status: 'COMPLETED', targetLang: 'de' },
					{ uid: 'd2', status: 'COMPLETED', targetLang: 'fr' },
				],
				'prj-Half': [
					{ uid: 'h1', status: 'COMPLETED' },
					{ uid: 'h2', status: 'NEW' },
				],
			},
		}).start();
	});
	afterAll(async () => phrase.stop());

	it("Fetch Full Job adds the API's job (after logging in)", async () => {
		const body = phraseJobWebhook('JOB_STATUS_CHANGED', [
			phraseSampleJobPart({ jobUid: 'd1', projectUid: 'prj-Done' }),
		]);
		const { items } = await deliver(
			request(body, { nodeParameters: { fetchFullJob: true }, credentials: credentials() }),
		);
		expect(items[0]).toMatchObject({
			jobId: 'd1',
			job: { uid: 'd1', status: 'COMPLETED', targetLang: 'de' },
		});
		expect(phrase.logins).toBeGreaterThan(0);
	});

	it('"all jobs reached" emits one item for a finished project, nothing for an unfinished one', async () => {
		const parameters = {
			nodeParameters: { allJobsStatus: 'api:COMPLETED' },
			credentials: credentials(),
		};
		const done = await deliver(
			request(
				phraseJobWebhook('JOB_STATUS_CHANGED', [
					phraseSampleJobPart({ jobUid: 'd2', projectUid: 'prj-Done' }),
				]),
				parameters,
			),
		);
		expect(done.items).toEqual([
			expect.objectContaining({
				projectId: 'prj-Done',
				allJobsReachedStatus: 'COMPLETED',
				jobCount: 2,
				eventKey: 'phrase:allJobsReached:prj-Done:COMPLETED',
			}),
		]);
		const half = await deliver(
			request(
				phraseJobWebhook('JOB_STATUS_CHANGED', [
					phraseSampleJobPart({ jobUid: 'h1', projectUid: 'prj-Half' }),
				]),
				parameters,
			),
		);
		expect([half.status, half.items.length, half.body.workflowStarted]).toEqual([200, 0, false]);
	});

	it('a failed API call answers 503 (Phrase retries) and starts nothing', async () => {
		const body = phraseJobWebhook('JOB_STATUS_CHANGED', [
			phraseSampleJobPart({ jobUid: 'gone', projectUid: 'prj-Done' }),
		]);
		const { status, items, logs } = await deliver(
			request(body, { nodeParameters: { fetchFullJob: true }, credentials: credentials() }),
		);
		expect([status, items.length]).toEqual([503, 0]);
		expect(logs.join('\n')).toContain('Job not found');
	});
});

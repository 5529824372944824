/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- developer tooling: runs in Node.js, never inside n8n, so n8n's rules for node code do not apply (CONTRIBUTING.md, "Lint") */
import {
	phraseJobWebhook,
	phraseProjectWebhook,
	phraseSampleJobPart,
	phraseSampleWebhook,
} from '../fixtures/samples/phrase';
import { isJobEvent, parseEventCodes } from '../../nodes/Phrase/events';
import { PhraseTrigger } from '../../nodes/Phrase/PhraseTrigger.node';
import { PHRASE_WEBHOOK_TOKEN } from '../../nodes/Phrase/registration';
import {
	apiStatusOf,
	STATUS_FILTER_OPTIONS,
	STATUS_PAIRS,
	statusMatches,
} from '../../nodes/Phrase/statuses';
import { deliverWithDerivedSecret } from '../helpers/derivedSecret';
import { deliverTo, type FakeRequest } from '../helpers/webhookContext';
import { PhraseSimulator } from '../simulators/phrase';

const trigger = new PhraseTrigger();
/** Stands for the token registration derived from the Phrase credential (deliverWithDerivedSecret). */
const TOKEN = 'phrase-registered-token-0123456789';
const registered = {
	webhookUid: 'wh-1',
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

const deliver = deliverWithDerivedSecret(deliverTo(trigger), PHRASE_WEBHOOK_TOKEN, TOKEN, {
	phraseApi: { authType: 'password', userName: 'pm', password: 'pw' },
});

describe('Phrase job statuses: webhook and API names', () => {
	// every pairing, both ways (README "Job statuses: two namings")
	it.each([
		['NEW', 'NEW'],
		['EMAILED', 'EMAILED'],
		['ASSIGNED', 'ACCEPTED'],
		['DECLINED_BY_LINGUIST', 'DECLINED'],
		['REJECTED_BY_LINGUIST', 'REJECTED'],
		['COMPLETED_BY_LINGUIST', 'COMPLETED'],
		['COMPLETED', 'DELIVERED'],
		['CANCELLED', 'CANCELLED'],
	])('webhook %s is API %s', (webhook, api) => {
		expect(apiStatusOf(webhook)).toBe(api);
		// one webhook name per API name: the pairing is a one-to-one table
		expect(STATUS_PAIRS.filter((p) => p.api === api).map((p) => p.webhook)).toEqual([webhook]);
		expect(statusMatches(webhook, [`api:${api}`])).toBe(true);
		// and no other API name matches it
		const others = STATUS_PAIRS.map((p) => p.api).filter((a) => a !== api);
		expect(
			statusMatches(
				webhook,
				others.map((a) => `api:${a}`),
			),
		).toBe(false);
		expect(STATUS_FILTER_OPTIONS.find((o) => o.value === `api:${api}`)?.description).toBe(
			`API: ${api}; webhook: ${webhook}`,
		);
	});

	it('covers every API job status and names the options as Phrase does', () => {
		expect(STATUS_PAIRS.map((p) => p.api).sort()).toEqual([
			'ACCEPTED',
			'CANCELLED',
			'COMPLETED',
			'DECLINED',
			'DELIVERED',
			'EMAILED',
			'NEW',
			'REJECTED',
		]);
		expect(STATUS_FILTER_OPTIONS.map((o) => o.name)).toEqual([
			'Accepted',
			'Cancelled',
			'Completed',
			'Declined',
			'Delivered',
			'Emailed',
			'New',
			'Rejected',
		]);
	});

	it('lets a status name it does not know through unchanged', () => {
		expect(apiStatusOf('SOMETHING_NEW')).toBe('SOMETHING_NEW');
		expect(statusMatches('REJECTED', ['api:REJECTED'])).toBe(true);
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
			eventKey: `phrase:JOB_STATUS_CHANGED:${String(body.eventUid)}:j1`,
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
		const body = phraseProjectWebhook('PROJECT_STATUS_CHANGED', {
			projectUid: 'p9',
			status: 'COMPLETED',
		});
		const { items } = await deliver(request(body));
		expect(items).toEqual([
			expect.objectContaining({
				event: 'PROJECT_STATUS_CHANGED',
				projectId: 'p9',
				status: 'COMPLETED',
				eventKey: `phrase:PROJECT_STATUS_CHANGED:${String(body.eventUid)}`,
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
		expect([filtered.status, filtered.items.length, filtered.body]).toEqual([
			200,
			0,
			{ code: 200, message: "no job part passes the node's filters", workflowStarted: false },
		]);
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

	it('refuses another content type with 400, naming it', async () => {
		const plain = await deliver(
			request('{}', { headers: { 'content-type': 'text/plain', 'x-memsource-token': TOKEN } }),
		);
		expect([plain.status, plain.body.message]).toEqual([
			400,
			'content type "text/plain" is not JSON: Phrase TMS posts application/json',
		]);
		const none = await deliver(request('{}', { headers: { 'x-memsource-token': TOKEN } }));
		expect([none.status, none.body.message]).toEqual([
			400,
			'content type "none" is not JSON: Phrase TMS posts application/json',
		]);
	});
});

describe('Phrase TMS Trigger: the secret token', () => {
	const body = phraseJobWebhook('JOB_CREATED', [phraseSampleJobPart()]);
	it.each([
		['missing', { 'content-type': 'application/json' }],
		['wrong', { 'content-type': 'application/json', 'x-memsource-token': `${TOKEN}x` }],
	])('%s → 401, before the body is read', async (_name, headers) => {
		const { status, items, body: answer } = await deliver(request('garbage', { headers }));
		expect([status, items.length, answer.message]).toEqual([
			401,
			0,
			'missing or wrong X-Memsource-Token',
		]);
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

	it('401 when the token cannot be derived (no password), and the log says what is missing', async () => {
		const { status, logs } = await deliver(
			request(body, { credentials: { phraseApi: { authType: 'password', userName: 'pm' } } }),
		);
		expect(status).toBe(401);
		expect(logs.join('\n')).toContain("the Phrase TMS credential's token or password is missing");
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
				eventKey: 'phrase:allJobsReached:prj-Done:1:COMPLETED',
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

describe('Phrase TMS Trigger: what real Phrase traffic looks like (payloads from the public webhook documentation of Phrase)', () => {
	const send = (body: unknown, extra: Partial<FakeRequest> = {}) => deliver(request(body, extra));

	it.each([
		['Unix seconds (what Phrase sends)', 1741357466, '2025-03-07T14:24:26.000Z'],
		['Unix seconds as text', '1741357466', '2025-03-07T14:24:26.000Z'],
		['milliseconds', 1741357466123, '2025-03-07T14:24:26.123Z'],
		['ISO 8601', '2025-03-07T14:24:26Z', '2025-03-07T14:24:26.000Z'],
		['nothing', undefined, null],
		['garbage', 'yesterday', null],
	])('occurredAt from a timestamp in %s', async (_name, timestamp, occurredAt) => {
		const body = { ...phraseJobWebhook('JOB_CREATED', [phraseSampleJobPart()]), timestamp };
		expect((await send(body)).items[0].occurredAt).toBe(occurredAt);
		expect((await deliver(request(body))).items[0].occurredAt).toBe(occurredAt);
	});

	it('JOB_TARGET_UPDATED with one `jobPart` (not a list): one item', async () => {
		const body = phraseSampleWebhook('JOB_TARGET_UPDATED', { jobUid: 'tgt1', status: 'NEW' });
		expect(body.jobPart).toBeDefined();
		expect(body.jobParts).toBeUndefined();
		const { status, items } = await send(body);
		expect(status).toBe(200);
		expect(items).toEqual([
			expect.objectContaining({ event: 'JOB_TARGET_UPDATED', jobId: 'tgt1', status: 'NEW' }),
		]);
	});

	it('JOB_UNEXPORTED `{jobUid, error}` without parts: one item with the job id and the error', async () => {
		const body = {
			event: 'JOB_UNEXPORTED',
			jobUid: 'KdUQ7rcc5UWs3ZjNXjGnQ1',
			error: 'An internal error occurred.',
			timestamp: 1672329301,
			eventUid: 'unexp0000000000000001',
		};
		const { items } = await send(body);
		expect(items).toEqual([
			expect.objectContaining({
				event: 'JOB_UNEXPORTED',
				jobId: 'KdUQ7rcc5UWs3ZjNXjGnQ1',
				error: 'An internal error occurred.',
				eventUid: 'unexp0000000000000001',
				eventKey: 'phrase:JOB_UNEXPORTED:unexp0000000000000001',
			}),
		]);
	});

	it('keeps `workUnit` of continuous jobs and LQA in the item', async () => {
		const workUnit = { id: 162634, supported: true, file: { name: 'strings.xml' } };
		const body = phraseJobWebhook('JOB_AUTO_LQA_FINISHED', [
			{ ...phraseSampleJobPart({ jobUid: 'lqa1' }), workUnit },
		]);
		const { items } = await send(body);
		expect((items[0].jobPart as { workUnit: unknown }).workUnit).toEqual(workUnit);
	});

	it('refuses, 400, job parts in forms no vendor sends: a uid with a slash, a project uid with ".."', async () => {
		for (const part of [
			{ ...phraseSampleJobPart(), uid: '../../api2/v1/x' },
			{ ...phraseSampleJobPart(), project: { uid: '..' } },
		]) {
			const { status, items } = await send(phraseJobWebhook('JOB_CREATED', [part]));
			expect([status, items.length]).toEqual([400, 0]);
		}
	});

	it('exposes `eventUid` in every item', async () => {
		const jobBody = phraseJobWebhook('JOB_CREATED', [phraseSampleJobPart()]);
		const projectBody = phraseProjectWebhook('PROJECT_CREATED');
		for (const body of [jobBody, projectBody]) {
			expect((await send(body)).items[0].eventUid).toBe(body.eventUid);
		}
		const perDelivery = await send(jobBody, { nodeParameters: { output: 'perDelivery' } });
		expect(perDelivery.items[0]).toMatchObject({
			eventUid: jobBody.eventUid,
			eventKey: `phrase:JOB_CREATED:${String(jobBody.eventUid)}`,
		});
	});

	it('eventKey: the same for a retry, different for another event, one per job part', async () => {
		const parts = [phraseSampleJobPart({ jobUid: 'a' }), phraseSampleJobPart({ jobUid: 'b' })];
		const first = phraseJobWebhook('JOB_UPDATED', parts);
		const again = { ...first }; // Phrase's retry or a replay: the same body
		const next = phraseJobWebhook('JOB_UPDATED', parts); // the source updated once more: a new eventUid
		const keys = async (body: unknown) => (await send(body)).items.map((i) => i.eventKey);
		expect(await keys(first)).toEqual([
			`phrase:JOB_UPDATED:${String(first.eventUid)}:a`,
			`phrase:JOB_UPDATED:${String(first.eventUid)}:b`,
		]);
		expect(await keys(again)).toEqual(await keys(first));
		expect(await keys(next)).not.toEqual(await keys(first));
		// without eventUid (Phrase's payload examples): what the event says about the part
		const { eventUid, ...withoutUid } = first;
		void eventUid;
		expect(await keys(withoutUid)).toEqual([
			'phrase:JOB_UPDATED:a:COMPLETED_BY_LINGUIST',
			'phrase:JOB_UPDATED:b:COMPLETED_BY_LINGUIST',
		]);
	});

	it('the Job Statuses filter applies to Job Status Changed only', async () => {
		const parts = [phraseSampleJobPart({ jobUid: 'n1', status: 'NEW' })];
		const nodeParameters = { statuses: ['api:COMPLETED'] };
		for (const event of ['JOB_CREATED', 'JOB_ASSIGNED', 'JOB_UPDATED', 'JOB_DELETED']) {
			const { items } = await send(phraseJobWebhook(event, parts), { nodeParameters });
			expect([event, items.map((i) => i.jobId)]).toEqual([event, ['n1']]);
		}
		const changed = await send(phraseJobWebhook('JOB_STATUS_CHANGED', parts), { nodeParameters });
		expect([changed.status, changed.items.length]).toEqual([200, 0]);
	});

	it('offers the newer event codes by name; the value stays the code', () => {
		const events = trigger.description.properties.find((p) => p.name === 'events')!;
		const options = (events.options ?? []) as Array<{ name: string; value: string }>;
		for (const code of [
			'JOB_UNSHARED',
			'JOB_AUTO_LQA_FINISHED',
			'JOB_METADATA_UPDATED',
			'JOB_CUSTOM_FIELDS_UPDATED',
			'PROJECT_UNSHARED',
		])
			expect(options.map((o) => o.value)).toContain(code);
		expect(options.find((o) => o.value === 'JOB_STATUS_CHANGED')?.name).toBe('Job Status Changed');
		// n8n lists a trigger's actions as "On <name, lower-cased>": no code, no repeated word
		for (const { name } of options) {
			expect(name).not.toMatch(/_|:/);
			expect(name.toLowerCase()).not.toMatch(/\b(\w+) \1\b/);
		}
	});
});

describe('Phrase TMS Trigger: forged deliveries', () => {
	const body = phraseJobWebhook('JOB_STATUS_CHANGED', [phraseSampleJobPart()]);
	it.each([
		['the token in Authorization instead', { authorization: `Bearer ${TOKEN}` }],
		['the token in another case', { 'x-memsource-token': TOKEN.toUpperCase() }],
		['the token with a space', { 'x-memsource-token': ` ${TOKEN}` }],
		['a prefix of the token', { 'x-memsource-token': TOKEN.slice(0, 16) }],
		['an empty token', { 'x-memsource-token': '' }],
		['the token of another registration', { 'x-memsource-token': 'phrase-other-token-0123456789' }],
	])('%s → 401, nothing started, the token not echoed', async (_name, headers) => {
		const answer = await deliver(
			request(body, { headers: { 'content-type': 'application/json', ...headers } }),
		);
		expect([answer.status, answer.items.length]).toEqual([401, 0]);
		expect(JSON.stringify(answer.body)).not.toContain(TOKEN);
	});

	it('manual: the token of the Translation Webhook Secret credential; a weak one refuses all', async () => {
		const secret = 'manual-credential-secret-0123456789';
		const manual = (credential: string, token: string) =>
			deliver(
				request(body, {
					staticData: {},
					nodeParameters: { registration: 'manual' },
					credentials: { translationWebhookSecretApi: { secret: credential } },
					headers: { 'content-type': 'application/json', 'x-memsource-token': token },
				}),
			);
		expect((await manual(secret, secret)).status).toBe(200);
		expect((await manual(secret, `${secret}x`)).status).toBe(401);
		// a credential that breaks the secret rule checks nothing: every delivery is refused
		expect((await manual('weak', 'weak')).status).toBe(401);
		// "No Secret" is an explicit choice
		const none = await deliver(
			request(body, {
				staticData: {},
				nodeParameters: { registration: 'manual', manualSecretCheck: 'none' },
				headers: { 'content-type': 'application/json' },
			}),
		);
		expect(none.status).toBe(200);
	});
});

describe('Phrase TMS Trigger: "Other Event Codes"', () => {
	it('reads codes separated by commas or spaces, upper-cased; drops what is no code', () => {
		expect(parseEventCodes(' job_created, language_ai_x\tPROJECT_CREATED ,, 1abc x-y ')).toEqual([
			'JOB_CREATED',
			'LANGUAGE_AI_X',
			'PROJECT_CREATED',
		]);
		expect(parseEventCodes('')).toEqual([]);
	});

	it('job events are JOB_ and CONTINUOUS_JOB_ codes', () => {
		expect(
			['JOB_CREATED', 'CONTINUOUS_JOB_UPDATED', 'PROJECT_JOB_X', 'XJOB_CREATED'].map(isJobEvent),
		).toEqual([true, true, false, false]);
	});
});

/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- developer tooling: runs in Node.js, never inside n8n, so n8n's rules for node code do not apply (CONTRIBUTING.md, "Lint") */
import { WorkBudget } from '../../nodes/common/delivery/workBudget';
import { SMARTCAT_EVENTS } from '../../nodes/Smartcat/events';
import { lookUpDelivery } from '../../nodes/Smartcat/lookups';
import { splitDocumentId } from '../../nodes/Smartcat/output';
import { validateCallbackSetting } from '../../nodes/Smartcat/settings';
import { SMARTCAT_CALLBACK_SECRET } from '../../nodes/Smartcat/registration';
import { SmartcatTrigger } from '../../nodes/Smartcat/SmartcatTrigger.node';
import { deliverWithDerivedSecret, registeredSecret } from '../helpers/derivedSecret';
import { deliverTo, fakeWebhookContext, type FakeRequest } from '../helpers/webhookContext';
import { SmartcatSimulator } from '../simulators/smartcat';

const trigger = new SmartcatTrigger();
/** Stands for the header value registration derived from the Smartcat API key (deliverWithDerivedSecret). */
const SECRET = 'registered-secret-0123456789abcdef';
const registered = {
	callbackUrl: 'https://n8n.example/webhook/x/smartcat',
	headerName: 'X-Smartcat-Callback-Secret',
};
const ACCOUNT = {
	accountId: 'acc',
	apiKey: 'key',
	server: 'custom',
	baseUrl: 'http://127.0.0.1:9',
};

function request(path: string, body: unknown, extra: Partial<FakeRequest> = {}): FakeRequest {
	return {
		path: `/webhook/abc/smartcat/${path}`,
		headers: { 'content-type': 'application/json', 'x-smartcat-callback-secret': SECRET },
		body,
		staticData: { ...registered },
		...extra,
	};
}

const deliver = deliverWithDerivedSecret(
	deliverTo(trigger, { fetchDetails: false }),
	SMARTCAT_CALLBACK_SECRET,
	SECRET,
	{
		smartcatApi: ACCOUNT,
	},
);

describe('Smartcat Trigger: deliveries', () => {
	it('emits one item per project id with the envelope', async () => {
		const { status, items } = await deliver(
			request('project/status', [
				'1e2d703f-9def-4d27-ab4d-350cbbe8c44b',
				'b5bf9123-31b3-4e45-9ee9-8c14d15a4145',
			]),
		);
		expect(status).toBe(200);
		expect(items).toEqual([
			expect.objectContaining({
				vendor: 'smartcat',
				event: 'project.status',
				projectId: '1e2d703f-9def-4d27-ab4d-350cbbe8c44b',
				eventKey: 'smartcat:project.status:1e2d703f-9def-4d27-ab4d-350cbbe8c44b',
				occurredAt: null,
			}),
			expect.objectContaining({ projectId: 'b5bf9123-31b3-4e45-9ee9-8c14d15a4145' }),
		]);
	});

	it('splits document ids into document and language, for both document events', async () => {
		for (const [path, event] of [
			['document/status', 'document.status'],
			['document/translationImportCompleted/', 'document.translationImportCompleted'],
		]) {
			const { items } = await deliver(request(path, ['189_25']));
			expect(items).toEqual([
				expect.objectContaining({
					event,
					documentId: '189_25',
					documentBaseId: '189',
					languageId: '25',
					eventKey: `smartcat:${event}:189_25`,
				}),
			]);
		}
		expect(splitDocumentId('abc')).toEqual({ documentBaseId: 'abc', languageId: null });
	});

	it('emits one item per delivery when asked, without duplicate ids', async () => {
		const { items } = await deliver(
			request('document/status', ['189_25', '310_25', '189_25'], {
				nodeParameters: { output: 'perDelivery' },
			}),
		);
		expect(items).toEqual([
			expect.objectContaining({
				event: 'document.status',
				ids: ['189_25', '310_25'],
				eventKey: 'smartcat:document.status:189_25,310_25',
			}),
		]);
	});

	it('answers 200 and starts nothing for an empty list and for filtered events', async () => {
		const empty = await deliver(request('document/status', []));
		expect([empty.status, empty.items.length, empty.body.workflowStarted]).toEqual([200, 0, false]);
		const filtered = await deliver(
			request('project/status', ['p1'], { nodeParameters: { events: ['document.status'] } }),
		);
		expect([filtered.status, filtered.items.length, filtered.body.workflowStarted]).toEqual([
			200,
			0,
			false,
		]);
	});

	it.each([
		['an object', { ids: ['1'] }, 'not a JSON array'],
		['numbers', [1, 2], 'every id must be a string'],
		['an empty id', ['189_25', ' '], 'an id is empty'],
		['a string', 'abc', 'not a JSON array'],
		['nested arrays', [['1']], 'every id must be a string'],
	])('refuses %s with 400', async (_name, body, reason) => {
		const { status, body: answer, items } = await deliver(request('document/status', body));
		expect([status, items.length]).toEqual([400, 0]);
		expect(answer.message).toContain(reason);
	});

	it('refuses another content type with 400 (docs/design.md)', async () => {
		const { status } = await deliver(
			request('document/status', '["1"]', {
				headers: { 'content-type': 'text/plain', 'x-smartcat-callback-secret': SECRET },
			}),
		);
		expect(status).toBe(400);
	});
});

describe('Smartcat Trigger: the secret header', () => {
	it.each([
		['missing', {}],
		['wrong', { 'x-smartcat-callback-secret': `${SECRET}x` }],
		['in another header', { authorization: SECRET }],
	])('%s → 401, checked before the body', async (_name, secretHeaders) => {
		const { status, body, items } = await deliver(
			request('document/status', 'not even json', {
				headers: { 'content-type': 'application/json', ...secretHeaders },
			}),
		);
		expect([status, items.length]).toEqual([401, 0]);
		expect(JSON.stringify(body)).not.toContain(SECRET);
	});

	it('401 when the secret cannot be derived (no API key), with a log line that says what is missing', async () => {
		const { status, logs } = await deliver(
			request('document/status', ['1'], { credentials: { smartcatApi: { accountId: 'acc' } } }),
		);
		expect(status).toBe(401);
		expect(logs.join('\n')).toContain("the Smartcat API credential's API key is missing");
	});
});

describe('Smartcat Trigger: Fetch Details', () => {
	let smartcat: SmartcatSimulator;
	const credentials = () => ({
		smartcatApi: { accountId: 'acc', apiKey: 'key', server: 'custom', baseUrl: smartcat.url },
	});
	beforeAll(async () => {
		smartcat = await new SmartcatSimulator({
			accountId: 'acc',
			apiKey: 'key',
			documents: [
				{
					id: '189_25',
					name: 'Home page',
					status: 'completed',
					projectId: 'p1',
					statusModificationDate: '2026-03-02T10:15:00.5Z',
				},
				{
					id: '310_25',
					name: 'Pricing',
					status: 'inProgress',
					projectId: 'p1',
					statusModificationDate: null,
				},
			],
		}).start();
	});
	afterAll(async () => smartcat.stop());

	it('the eventKey carries the status and its time, occurredAt the time; the filter is a list', async () => {
		const all = await deliver(
			request('document/status', ['189_25', '310_25'], {
				nodeParameters: { fetchDetails: true },
				credentials: credentials(),
			}),
		);
		expect(all.items.map((i) => [i.eventKey, i.occurredAt, i.status])).toEqual([
			[
				'smartcat:document.status:189_25:completed:2026-03-02T10:15:00.500Z',
				'2026-03-02T10:15:00.500Z',
				'completed',
			],
			['smartcat:document.status:310_25:inProgress:', null, 'inProgress'],
		]);
		const filtered = await deliver(
			request('document/status', ['189_25', '310_25'], {
				nodeParameters: { fetchDetails: true, statusFilter: ['inProgress', 'targetUpdated'] },
				credentials: credentials(),
			}),
		);
		expect(filtered.items.map((i) => i.documentId)).toEqual(['310_25']);
	});

	it('per delivery with details: the documents in the order of the ids', async () => {
		const { items } = await deliver(
			request('document/status', ['310_25', '189_25'], {
				nodeParameters: { fetchDetails: true, output: 'perDelivery' },
				credentials: credentials(),
			}),
		);
		expect(items).toEqual([
			expect.objectContaining({
				ids: ['310_25', '189_25'],
				documents: [
					expect.objectContaining({ id: '310_25' }),
					expect.objectContaining({ id: '189_25' }),
				],
			}),
		]);
		expect(items[0]).not.toHaveProperty('detailsSkipped');
	});

	it('a 429 from Smartcat is not waited out in a delivery: 503, so Smartcat retries', async () => {
		smartcat.rateLimitNext(1, '30');
		const { status, logs } = await deliver(
			request('document/status', ['189_25'], {
				nodeParameters: { fetchDetails: true },
				credentials: credentials(),
			}),
		);
		expect(status).toBe(503);
		expect(logs.join('\n')).toContain('HTTP 429');
	});

	it('adds each document and its status; the status filter drops the others, without case', async () => {
		const all = await deliver(
			request('document/status', ['189_25', '310_25'], {
				nodeParameters: { fetchDetails: true },
				credentials: credentials(),
			}),
		);
		expect(
			all.items.map((i) => [
				i.documentId,
				i.status,
				(i.document as { name: string }).name,
				i.eventKey,
			]),
		).toEqual([
			[
				'189_25',
				'completed',
				'Home page',
				'smartcat:document.status:189_25:completed:2026-03-02T10:15:00.500Z',
			],
			['310_25', 'inProgress', 'Pricing', 'smartcat:document.status:310_25:inProgress:'],
		]);
		const completed = await deliver(
			request('document/status', ['189_25', '310_25'], {
				// an expression may give the list as text, in another case
				nodeParameters: { fetchDetails: true, statusFilter: 'Completed' },
				credentials: credentials(),
			}),
		);
		expect(completed.items.map((i) => i.documentId)).toEqual(['189_25']);
		const none = await deliver(
			request('document/status', ['310_25'], {
				nodeParameters: { fetchDetails: true, statusFilter: ['completed'] },
				credentials: credentials(),
			}),
		);
		expect([none.status, none.items.length, none.body.workflowStarted]).toEqual([200, 0, false]);
	});

	it("a failed lookup starts nothing and answers 503 (Smartcat retries), with Smartcat's message in the log", async () => {
		const { status, items, logs } = await deliver(
			request('document/status', ['189_25', 'gone_25'], {
				nodeParameters: { fetchDetails: true },
				credentials: credentials(),
			}),
		);
		expect([status, items.length]).toEqual([503, 0]);
		expect(logs.join('\n')).toContain('Document not found');
	});
});

describe("Smartcat node: callback setting checks mirror Smartcat's 400 rules", () => {
	it.each([
		['not a url', [], 'is not a valid URL'],
		['ftp://x.example', [], 'must be an http or https URL'],
		['https://x.example/cb', [{ name: 'X-Key', value: ' ' }], 'has an empty value'],
		['https://x.example/cb', [{ name: 'bad name', value: 'v' }], 'is not a valid header name'],
	])('%s %j → %s', (url, headers, message) => {
		expect(validateCallbackSetting(url, headers)).toContain(message);
	});

	it('accepts a URL with headers', () => {
		expect(
			validateCallbackSetting('https://x.example/cb', [{ name: 'X-Key', value: 'v' }]),
		).toBeUndefined();
	});
});

describe('Smartcat Trigger: the event from the URL', () => {
	it.each([
		['a query string, the path appended to it', '/webhook/abc/smartcat?source=cms/document/status'],
		[
			'an empty last query value (Blackbird)',
			'/webhook/abc/smartcat?id=acc&eventType=/document/status',
		],
		['the path percent-encoded in the query', '/webhook/abc/smartcat?e=%2Fdocument%2Fstatus'],
		['a trailing slash', '/webhook/abc/smartcat/document/status/'],
	])('reads it after %s', async (_name, url) => {
		const { status, items } = await deliver(
			request('ignored', ['189_25'], { path: url.split('?')[0], url }),
		);
		expect([status, items.map((i) => [i.event, i.documentId])]).toEqual([
			200,
			[['document.status', '189_25']],
		]);
	});

	it('the base URL without an event anywhere: 400 naming the paths, nothing started', async () => {
		const { status, body, items } = await deliver(
			request('', ['189_25'], { path: '/webhook/abc/smartcat', url: '/webhook/abc/smartcat?x=1' }),
		);
		expect([status, items.length]).toEqual([400, 0]);
		expect(body.message).toContain('/project/status, /document/status');
	});

	it('the node offers the base URL (the one Smartcat needs) and hides the three event URLs', () => {
		const webhooks = trigger.description.webhooks ?? [];
		expect(webhooks.map((w) => [w.path, w.ndvHideUrl ?? false])).toEqual([
			['smartcat', false],
			...SMARTCAT_EVENTS.map((e) => [`smartcat/${e.path}`, true]),
		]);
	});
});

describe('Smartcat Trigger: ids and the secret of manual registration', () => {
	it.each([
		['document.status', 'document/status', '1e2d703f-9def-4d27-ab4d-350cbbe8c44b'],
		['document.status', 'document/status', '189'],
		['project.status', 'project/status', 'a/b'],
		['document.translationImportCompleted', 'document/translationImportCompleted', '../x_1'],
	])('refuses an id that is not a %s id with 400', async (_event, path, id) => {
		const { status, body, items } = await deliver(request(path, [id]));
		expect([status, items.length]).toEqual([400, 0]);
		expect(body.message).toMatch(/is not a Smartcat (project|document) ID/);
	});

	it('manual registration: no secret credential → 401 and a log line; "No Secret" → accepted; the credential → checked', async () => {
		const manual = { registration: 'manual', headerName: 'X-Hook-Key' };
		const noCredential = await deliver(
			request('document/status', ['189_25'], {
				nodeParameters: manual,
				headers: { 'content-type': 'application/json' },
			}),
		);
		expect(noCredential.status).toBe(401);
		expect(noCredential.logs.join('\n')).toContain('Translation Webhook Secret');
		const open = await deliver(
			request('document/status', ['189_25'], {
				nodeParameters: { ...manual, manualSecretCheck: 'none' },
				headers: { 'content-type': 'application/json' },
			}),
		);
		expect(open.status).toBe(200);
		const secret = 'manual-credential-secret-0123';
		const withCredential = (value: string) =>
			deliver(
				request('document/status', ['189_25'], {
					nodeParameters: manual,
					credentials: { translationWebhookSecretApi: { secret } },
					headers: { 'content-type': 'application/json', 'x-hook-key': value },
				}),
			);
		expect([(await withCredential(secret)).status, (await withCredential('nope')).status]).toEqual([
			200, 401,
		]);
	});
});

describe('Smartcat Trigger: forged deliveries', () => {
	it.each([
		[
			'the secret in the query string instead of the header',
			{
				path: '/webhook/abc/smartcat/document/status',
				url: `/webhook/abc/smartcat/document/status?secret=${SECRET}`,
				headers: { 'content-type': 'application/json' },
			},
		],
		[
			'the secret as a Bearer token',
			{ headers: { 'content-type': 'application/json', authorization: `Bearer ${SECRET}` } },
		],
		[
			'the secret with a different case',
			{
				headers: {
					'content-type': 'application/json',
					'x-smartcat-callback-secret': SECRET.toUpperCase(),
				},
			},
		],
		[
			'a prefix of the secret',
			{
				headers: {
					'content-type': 'application/json',
					'x-smartcat-callback-secret': SECRET.slice(0, 16),
				},
			},
		],
		[
			'the header name of another vendor',
			{ headers: { 'content-type': 'application/json', 'x-memsource-token': SECRET } },
		],
	])('%s → 401, nothing started, the secret not echoed', async (_name, extra) => {
		const { status, body, items } = await deliver(
			request('document/status', ['189_25'], extra as Partial<FakeRequest>),
		);
		expect([status, items.length]).toEqual([401, 0]);
		expect(JSON.stringify(body)).not.toContain(SECRET.slice(0, 16));
	});

	it('an event path not under the node (another event name) → 400', async () => {
		const { status, items } = await deliver(
			request('project/deleted', ['1e2d703f-9def-4d27-ab4d-350cbbe8c44b']),
		);
		expect([status, items.length]).toEqual([400, 0]);
	});

	it('more ids than Smartcat sends → 400', async () => {
		const ids = Array.from({ length: 10_001 }, (_, i) => `${i}_1`);
		const { status, body } = await deliver(request('document/status', ids));
		expect(status).toBe(400);
		expect(body.message).toContain('more than 10000 ids');
	});

	it('the value registered with another API key (another account, or before a new key) → 401', async () => {
		const other = await registeredSecret(SMARTCAT_CALLBACK_SECRET, {
			smartcatApi: { ...ACCOUNT, apiKey: 'another-key' },
		});
		const { status } = await deliver(
			request('document/status', ['189_25'], {
				headers: { 'content-type': 'application/json', 'x-smartcat-callback-secret': other },
			}),
		);
		expect(status).toBe(401);
	});
});

describe('Smartcat Trigger: bounded work per delivery (Fetch Details)', () => {
	let smartcat: SmartcatSimulator;
	const ids = Array.from({ length: 10_000 }, (_, i) => `${(0xa00000 + i).toString(16)}_25`);
	const credentials = () => ({
		smartcatApi: { accountId: 'acc', apiKey: 'key', server: 'custom', baseUrl: smartcat.url },
	});
	beforeAll(async () => {
		smartcat = await new SmartcatSimulator({
			accountId: 'acc',
			apiKey: 'key',
			documents: ids.map((id, i) => ({
				id,
				name: `Document ${i}`,
				status: i % 2 ? 'completed' : 'inProgress',
				projectId: 'p1',
			})),
		}).start();
	});
	afterAll(async () => smartcat.stop());

	it('the largest delivery Smartcat may send: at most 50 lookups, every id still in the output', async () => {
		const before = smartcat.requests.length;
		const { status, items, logs } = await deliver(
			request('document/status', ids, {
				nodeParameters: { fetchDetails: true, statusFilter: ['completed'] },
				credentials: credentials(),
			}),
		);
		const calls = smartcat.requests.slice(before);
		expect(status).toBe(200);
		expect(calls.length).toBeLessThanOrEqual(50);
		expect(calls.every((c) => c.path.endsWith('/document'))).toBe(true);
		const withDetails = items.filter((i) => i.document);
		const without = items.filter((i) => !i.document);
		// looked up: only the completed ones are kept; not looked up: all kept, saying why
		expect(withDetails.length).toBeGreaterThan(0);
		expect(withDetails.every((i) => i.status === 'completed')).toBe(true);
		expect(withDetails.length + without.length).toBe(items.length);
		expect(without.length).toBe(ids.length - calls.length);
		expect(without[0]).toMatchObject({
			eventKey: expect.stringMatching(/^smartcat:document\.status:[0-9a-f]+_25$/),
			detailsSkipped: expect.stringContaining('at most 50 API calls in 20 s'),
		});
		expect(logs.join('\n')).toContain('without details');
	}, 60_000);

	it('the time budget: ids whose rate-limit slot would come after the deadline are not looked up', async () => {
		const { ctx } = fakeWebhookContext({ credentials: credentials() });
		const event = SMARTCAT_EVENTS[1];
		const before = smartcat.requests.length;
		const looked = await lookUpDelivery(
			ctx,
			event,
			ids.slice(0, 20),
			new WorkBudget({ calls: 50, ms: 600 }),
		);
		const calls = smartcat.requests.length - before;
		expect(calls).toBeLessThan(20);
		expect(looked.details.filter(Boolean)).toHaveLength(calls);
		expect(looked.skipped).toContain(`${20 - calls} of 20 documents were not looked up`);
	});
});

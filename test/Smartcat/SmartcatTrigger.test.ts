/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- developer tooling: runs in Node.js, never inside n8n, so n8n's rules for node code do not apply (CONTRIBUTING.md, "Lint") */
import { splitDocumentId } from '../../nodes/Smartcat/output';
import { validateCallbackSetting } from '../../nodes/Smartcat/settings';
import { SmartcatTrigger } from '../../nodes/Smartcat/SmartcatTrigger.node';
import { deliverTo, type FakeRequest } from '../helpers/webhookContext';
import { SmartcatSimulator } from '../simulators/smartcat';

const trigger = new SmartcatTrigger();
const SECRET = 'registered-secret-0123456789abcdef';
const registered = {
	callbackUrl: 'https://n8n.example/webhook/x/smartcat',
	headerName: 'X-Smartcat-Callback-Secret',
	secret: SECRET,
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

const deliver = deliverTo(trigger);

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

	it('401 when the workflow has no registration, with a log line that says what to do', async () => {
		const { status, logs } = await deliver(request('document/status', ['1'], { staticData: {} }));
		expect(status).toBe(401);
		expect(logs.join('\n')).toContain('deactivate and activate the workflow');
	});

	it('manual registration checks the configured header value, or nothing when none is set', async () => {
		const manual = {
			registration: 'manual',
			headerName: 'X-Hook-Key',
			manualSecret: 'manual-secret-value-123',
		};
		const ok = await deliver(
			request('document/status', ['1'], {
				nodeParameters: manual,
				headers: { 'content-type': 'application/json', 'x-hook-key': 'manual-secret-value-123' },
			}),
		);
		const wrong = await deliver(
			request('document/status', ['1'], {
				nodeParameters: manual,
				headers: { 'content-type': 'application/json', 'x-hook-key': 'nope' },
			}),
		);
		const open = await deliver(
			request('document/status', ['1'], {
				nodeParameters: { registration: 'manual' },
				headers: { 'content-type': 'application/json' },
			}),
		);
		expect([ok.status, wrong.status, open.status]).toEqual([200, 401, 200]);
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
				{ id: '189_25', name: 'Home page', status: 'completed', projectId: 'p1' },
				{ id: '310_25', name: 'Pricing', status: 'inProgress', projectId: 'p1' },
			],
		}).start();
	});
	afterAll(async () => smartcat.stop());

	it('adds each document and its status; the status filter drops the others', async () => {
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
			['189_25', 'completed', 'Home page', 'smartcat:document.status:189_25:completed'],
			['310_25', 'inProgress', 'Pricing', 'smartcat:document.status:310_25:inProgress'],
		]);
		const completed = await deliver(
			request('document/status', ['189_25', '310_25'], {
				nodeParameters: { fetchDetails: true, statuses: 'Completed' },
				credentials: credentials(),
			}),
		);
		expect(completed.items.map((i) => i.documentId)).toEqual(['189_25']);
		const none = await deliver(
			request('document/status', ['310_25'], {
				nodeParameters: { fetchDetails: true, statuses: 'completed' },
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

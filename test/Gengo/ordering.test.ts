/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- developer tooling: runs in Node.js, never inside n8n, so n8n's rules for node code do not apply (CONTRIBUTING.md, "Lint") */
/**
 * The Gengo node's sending operations (Order → Create, Get Quote, Cancel; Job → Approve, Request Revision, Reject,
 * Add Comment) and its pick lists, through the fake execute context against the Gengo simulator: what reaches
 * Gengo (signed in the body, as Gengo's clients sign), what the node outputs, what it refuses before sending, that
 * nothing is ordered twice when Gengo fails after receiving an order, and that the callback secret stays out of
 * every item.
 */
import type { IDataObject } from 'n8n-workflow';

import { Gengo } from '../../nodes/Gengo/Gengo.node';
import { GengoTrigger } from '../../nodes/Gengo/GengoTrigger.node';
import { orderJob } from '../../nodes/Gengo/ordering';
import { NotSentTwiceError } from '../../nodes/common/http/vendorError';
import {
	fakeExecuteContext,
	fakeLoadOptionsContext,
	type FakeNodeOptions,
} from '../helpers/fakeContext';
import { resolveNodeParameters } from '../helpers/nodeParameters';
import { GengoSimulator } from '../simulators/gengo';

const KEYS = { publicKey: 'order-public', privateKey: 'order-private-key' };
const SECRET = 'Order-callback-Secret-0123456789';
const TRIGGER_URL = 'https://n8n.example.com/webhook/0c9b8a70-aaaa-4000-8000-000000000001/gengo';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** bytes that are no valid UTF-8: any re-encoding on the way would show */
const FILE_BYTES = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0xff, 0xfe, 0x80, 0x0a, 0x41, 0x42]);

const rl = (value: string, mode = 'list') => ({ __rl: true, mode, value });

let gengo: GengoSimulator;
beforeEach(async () => {
	gengo = await new GengoSimulator({
		...KEYS,
		jobs: [
			{ job_id: '500001', status: 'reviewable', body_tgt: 'Fertig.' },
			{ job_id: '500002', status: 'pending', order_id: '600001' },
			{ job_id: '500003', status: 'available', order_id: '600001' },
		],
	}).start();
});
afterEach(async () => gengo.stop());

const node = new Gengo();
const credentials = (secret: IDataObject = { secret: SECRET, callbackUrl: TRIGGER_URL }) => ({
	gengoApi: { environment: 'custom', baseUrl: gengo.baseUrl, ...KEYS },
	translationWebhookSecretApi: secret,
});

const textOrder = (extra: Record<string, unknown> = {}) => ({
	resource: 'order',
	operation: 'create',
	content: 'text',
	text: 'Translate your product pages in days, not weeks.',
	sourceLanguage: rl('en'),
	targetLanguage: rl('ja'),
	tier: rl('standard'),
	customData: '{"entryId":"page-42"}',
	...extra,
});

async function run(parameters: Record<string, unknown>, options: FakeNodeOptions = {}) {
	const fake = fakeExecuteContext({
		nodeType: node,
		credentials: credentials(),
		...options,
		parameters,
	});
	const before = gengo.requests.length;
	const output = await fake.execute();
	return {
		items: output[0].map((item) => item.json),
		output: output[0],
		fake,
		calls: gengo.requests.slice(before),
	};
}

async function failure(parameters: Record<string, unknown>, options: FakeNodeOptions = {}) {
	const before = gengo.requests.length;
	const error = await run(parameters, options).then(
		() => undefined,
		(e: unknown) => e as Error & { description?: string; cause?: unknown },
	);
	if (!error) throw new Error('the node did not fail');
	return { error, calls: gengo.requests.slice(before) };
}

const posts = (calls: typeof gengo.requests, path: string) =>
	calls.filter((c) => c.method && c.path === `/v2${path}`);

describe('Gengo node, sending: description', () => {
	const properties = node.description.properties;
	const operations = (resource: string) =>
		(properties.find(
			(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource),
		)?.options ?? []) as Array<{ value: string; description?: string; action: string }>;

	it('orders, quotes and cancels orders; approves, returns, rejects and comments on jobs', () => {
		expect(operations('order').map((o) => o.value)).toEqual(['cancel', 'create', 'get', 'quote']);
		expect(operations('job').map((o) => o.value)).toEqual(
			expect.arrayContaining(['approve', 'requestRevision', 'reject', 'addComment']),
		);
	});

	it('says that ordering costs money, in the operation and in a notice', () => {
		const create = operations('order').find((o) => o.value === 'create')!;
		expect(create.description).toMatch(/credits/);
		const notice = properties.find((p) => p.name === 'costsMoneyNotice')!;
		expect(notice.type).toBe('notice');
		expect(notice.displayName).toMatch(/spends your account's credits/);
		expect(notice.displayOptions?.show).toMatchObject({
			resource: ['order'],
			operation: ['create'],
		});
	});

	it('offers languages and tiers as pick lists searched through the node', () => {
		for (const [name, method] of [
			['sourceLanguage', 'searchSourceLanguages'],
			['targetLanguage', 'searchTargetLanguages'],
			['tier', 'searchTiers'],
		]) {
			const property = properties.find((p) => p.name === name)!;
			expect(property.type).toBe('resourceLocator');
			expect(property.modes?.find((m) => m.name === 'list')?.typeOptions?.searchListMethod).toBe(
				method,
			);
			expect(property.modes?.map((m) => m.name)).toContain('id');
			expect(typeof node.methods.listSearch[method as keyof typeof node.methods.listSearch]).toBe(
				'function',
			);
		}
	});

	it('the Gengo Trigger, as added to a workflow, tells the user to put its URL into the secret credential', () => {
		const trigger = new GengoTrigger();
		const shown = resolveNodeParameters(trigger, {});
		expect(shown).toHaveProperty('orderFromN8nNotice');
		const notice = trigger.description.properties.find((p) => p.name === 'orderFromN8nNotice')!;
		expect(notice.displayName).toMatch(
			/Callback URL<\/b> field of the Translation Webhook Secret credential/,
		);
		// not where the token is in the path: the Gengo node appends it as ?token=
		expect(resolveNodeParameters(trigger, { urlTokenLocation: 'path' })).not.toHaveProperty(
			'orderFromN8nNotice',
		);
	});

	it("asks for the trigger's secret credential only where an order calls the trigger back", () => {
		expect(node.description.credentials).toContainEqual(
			expect.objectContaining({
				name: 'translationWebhookSecretApi',
				required: true,
				displayOptions: {
					show: { resource: ['order'], operation: ['create'], callback: ['trigger'] },
				},
			}),
		);
		expect(properties.find((p) => p.name === 'callback')?.default).toBe('trigger');
	});
});

describe('Order → Create, a text job', () => {
	it('orders once, signed in the body, with the Gengo Trigger as callback and no secret in the item', async () => {
		const { items, calls } = await run(textOrder({ comment: 'Formal tone', autoApprove: true }));
		const orders = posts(calls, '/translate/jobs');
		expect(orders).toHaveLength(1);
		expect(calls.every((c) => c.signed)).toBe(true);
		const job = (orders[0].data as { jobs: Record<string, IDataObject> }).jobs.job_1;
		expect(job).toEqual({
			type: 'text',
			slug: 'Translate your product pages in days, not weeks.',
			body_src: 'Translate your product pages in days, not weeks.',
			lc_src: 'en',
			lc_tgt: 'ja',
			tier: 'standard',
			auto_approve: 1,
			comment: 'Formal tone',
			custom_data: '{"entryId":"page-42"}',
			callback_url: `${TRIGGER_URL}?token=${SECRET}`,
		});
		// Gengo's duplicate detection stays on: no force unless asked for
		expect(job).not.toHaveProperty('force');
		expect(gengo.orders).toHaveLength(1);
		expect(items).toEqual([
			expect.objectContaining({
				orderId: gengo.orders[0].order_id,
				alreadyOrdered: false,
				jobIds: [],
				job_count: 1,
				currency: 'USD',
				type: 'text',
				lc_src: 'en',
				lc_tgt: 'ja',
				tier: 'standard',
				custom_data: '{"entryId":"page-42"}',
			}),
		]);
		expect(JSON.stringify(items)).not.toContain(SECRET);
	});

	it('checks the pair against Gengo once per execution, not once per item', async () => {
		const { calls, items } = await run(textOrder(), {
			input: [{}, {}, {}],
			itemParameters: [{ text: 'One.' }, { text: 'Two.' }, { text: 'Three.' }],
		});
		expect(items.map((i) => i.orderId)).toEqual(gengo.orders.map((o) => o.order_id));
		expect(gengo.orders).toHaveLength(3);
		expect(calls.filter((c) => c.path === '/v2/translate/service/language_pairs')).toHaveLength(1);
	});

	it("Gengo's duplicate detection: content ordered and translated before comes back as the existing job", async () => {
		await run(textOrder());
		const [first] = gengo.orders[0].jobIds;
		gengo.job(first).callback_url = undefined; // translate() would call example.com
		await gengo.translate(first);
		gengo.job(first).callback_url = `${TRIGGER_URL}?token=${SECRET}`;
		const { items, calls } = await run(textOrder());
		expect(gengo.orders).toHaveLength(1);
		expect(posts(calls, '/translate/jobs')).toHaveLength(1);
		expect(items[0]).toMatchObject({ orderId: null, alreadyOrdered: true, jobIds: [first] });
		const existing = (items[0].jobs as IDataObject[])[0];
		expect(existing.callback_url).toBe(`${TRIGGER_URL}?token=***`);
		expect(JSON.stringify(items)).not.toContain(SECRET);
	});

	it('Force New Translation sends force and orders again', async () => {
		await run(textOrder());
		gengo.job(gengo.orders[0].jobIds[0]).status = 'approved';
		const { calls, items } = await run(textOrder({ options: { force: true } }));
		expect(
			(posts(calls, '/translate/jobs')[0].data as { jobs: { job_1: IDataObject } }).jobs.job_1
				.force,
		).toBe(1);
		expect(gengo.orders).toHaveLength(2);
		expect(items[0].alreadyOrdered).toBe(false);
	});

	it('Callback: None sends no callback_url and needs no secret credential; Other URL sends the URL as given', async () => {
		const none = await run(textOrder({ callback: 'none' }), {
			credentials: { gengoApi: credentials().gengoApi },
		});
		expect(
			(posts(none.calls, '/translate/jobs')[0].data as { jobs: { job_1: IDataObject } }).jobs.job_1,
		).not.toHaveProperty('callback_url');
		const other = await run(
			textOrder({ callback: 'url', callbackUrl: 'https://cms.example.com/gengo', text: 'Other.' }),
		);
		expect(
			(posts(other.calls, '/translate/jobs')[0].data as { jobs: { job_1: IDataObject } }).jobs.job_1
				.callback_url,
		).toBe('https://cms.example.com/gengo');
	});

	it.each([
		[{ callbackUrl: '' }, /Callback URL is empty/],
		[{ callbackUrl: `${TRIGGER_URL}?token=${SECRET}` }, /already has a \?token= parameter/],
		[{ callbackUrl: 'https://user:pw@n8n.example.com/webhook/x/gengo' }, /user name or password/],
		[{ callbackUrl: `${TRIGGER_URL}/:token-0c9b8a70` }, /token in the path/],
		[{ callbackUrl: 'not a url' }, /not an absolute URL/],
		[{ secret: 'short' }, /secret cannot be used/],
	])(
		'refuses the trigger callback when the credential has %j, before calling Gengo',
		async (change, message) => {
			const { error, calls } = await failure(textOrder(), {
				credentials: credentials({ secret: SECRET, callbackUrl: TRIGGER_URL, ...change }),
			});
			expect(error.message).toMatch(message);
			expect(error.message).not.toContain(SECRET);
			expect(calls).toEqual([]);
		},
	);

	it('refuses Callback: Gengo Trigger without a Translation Webhook Secret credential, before calling Gengo', async () => {
		const { error, calls } = await failure(textOrder(), {
			credentials: { gengoApi: credentials().gengoApi },
		});
		expect(error.message).toBe(
			'Callback: Gengo Trigger needs a Translation Webhook Secret credential',
		);
		expect(calls).toEqual([]);
	});

	it.each([
		['an empty text', { text: '   ' }, /^Text is empty/],
		[
			'an unknown target',
			{ targetLanguage: rl('xx', 'id') },
			/^Target Language "xx" is not offered from "en"/,
		],
		[
			'an unknown source',
			{ sourceLanguage: rl('tlh', 'id') },
			/^Source Language "tlh" is not a language Gengo translates from/,
		],
		['a tier not offered', { tier: rl('ultra', 'id') }, /^Tier "ultra" is not offered for en → ja/],
		['an empty target', { targetLanguage: rl('') }, /^Target Language is empty/],
		['custom data over 1 KB', { customData: 'ü'.repeat(513) }, /^Custom Data is 1026 bytes/],
		[
			'a comment over 25,000 characters',
			{ comment: 'x'.repeat(25_001) },
			/^Comment for the Translator has 25001 characters/,
		],
		[
			'a callback URL that is not http',
			{ callback: 'url', callbackUrl: 'ftp://x.example.com/' },
			/^Callback URL cannot be used/,
		],
	])('refuses %s naming the field, and orders nothing', async (_label, change, message) => {
		const { error, calls } = await failure(textOrder(change));
		expect(error.message).toMatch(message);
		expect(posts(calls, '/translate/jobs')).toEqual([]);
		expect(gengo.orders).toEqual([]);
	});

	it('accepts codes in any case and sends them as Gengo spells them', async () => {
		const { calls } = await run(
			textOrder({
				sourceLanguage: rl('EN', 'id'),
				targetLanguage: rl(' Ja ', 'id'),
				tier: rl('Pro', 'id'),
			}),
		);
		expect(
			(posts(calls, '/translate/jobs')[0].data as { jobs: { job_1: IDataObject } }).jobs.job_1,
		).toMatchObject({ lc_src: 'en', lc_tgt: 'ja', tier: 'pro' });
	});

	it('Continue On Fail: a refused item carries its error, the others are ordered, each paired with its input', async () => {
		const { output } = await run(textOrder(), {
			continueOnFail: true,
			input: [{}, {}, {}],
			itemParameters: [{ text: 'First.' }, { text: '' }, { text: 'Third.' }],
		});
		expect(output.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(output[1].json.error).toMatch(/Text is empty/);
		expect(gengo.orders).toHaveLength(2);
	});
});

describe('Order → Create: nothing is ordered twice', () => {
	it.each(['http500', 'drop'] as const)(
		'Gengo records the order, then %s: one order, one request, and an error that says how to check',
		async (fault) => {
			gengo.failNext('order', fault);
			const { error, calls } = await failure(textOrder());
			expect(gengo.orders).toHaveLength(1);
			expect(posts(calls, '/translate/jobs')).toHaveLength(1);
			expect(error.message).toMatch(/Gengo may have received the request/);
			expect(error.description).toMatch(/Gengo's dashboard \(Orders\)/);
			expect(error.description).toMatch(/Job → Get Many/);
			expect(error.message).not.toContain(SECRET);
			expect(JSON.stringify(error)).not.toContain(SECRET);
		},
	);

	it('with Continue On Fail, the failed item says so and the next item is ordered once', async () => {
		gengo.failNext('order', 'http500');
		const { output } = await run(textOrder(), {
			continueOnFail: true,
			input: [{}, {}],
			itemParameters: [{ text: 'First.' }, { text: 'Second.' }],
		});
		expect(output[0].json.error).toMatch(/may have received the request/);
		expect(output[1].json.orderId).toBe(gengo.orders[1].order_id);
		expect(gengo.orders).toHaveLength(2);
	});

	it('is the error class callers can tell apart', async () => {
		gengo.failNext('order', 'http500');
		const fake = fakeExecuteContext({
			nodeType: node,
			credentials: credentials(),
			parameters: textOrder(),
		});
		const error = await orderJob(
			fake.ctx,
			{ kind: 'text', text: 'x' },
			{
				lcSrc: 'en',
				lcTgt: 'ja',
				tier: 'standard',
				slug: 'x',
			},
		).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(NotSentTwiceError);
		expect((error as NotSentTwiceError).mayHaveReachedVendor).toBe(true);
	});
});

describe("n8n's Retry On Fail would send the work again: the sending operations refuse it", () => {
	it.each([
		['Order → Create', textOrder(), /a Gengo order must be sent once only/],
		['Order → Cancel', { resource: 'order', operation: 'cancel', orderId: '600001' }, /cancelling/],
		['Job → Approve', { resource: 'job', operation: 'approve', jobId: '500001' }, /an approval/],
		[
			'Job → Request Revision',
			{ resource: 'job', operation: 'requestRevision', jobId: '500001', comment: 'x' },
			/a revision request/,
		],
		[
			'Job → Reject',
			{ resource: 'job', operation: 'reject', jobId: '500001', comment: 'x' },
			/a rejection/,
		],
		[
			'Job → Add Comment',
			{ resource: 'job', operation: 'addComment', jobId: '500001', comment: 'x' },
			/a comment/,
		],
	])('%s, before anything is sent', async (_label, parameters, message) => {
		const fake = fakeExecuteContext({ nodeType: node, credentials: credentials(), parameters });
		const getNode = fake.ctx.getNode;
		fake.ctx.getNode = () => ({ ...getNode(), retryOnFail: true });
		const before = gengo.requests.length;
		const error = await fake.execute().catch((e: Error) => e);
		expect((error as Error).message).toMatch(/^"Retry On Fail" is on, and /);
		expect((error as Error).message).toMatch(message);
		expect(gengo.requests.slice(before)).toEqual([]);
	});

	it('Get Quote (free) runs with it', async () => {
		const fake = fakeExecuteContext({
			nodeType: node,
			credentials: credentials(),
			parameters: { ...textOrder(), operation: 'quote' },
		});
		const getNode = fake.ctx.getNode;
		fake.ctx.getNode = () => ({ ...getNode(), retryOnFail: true });
		expect((await fake.execute())[0][0].json.type).toBe('text');
	});
});

describe('Order → Create, a file job', () => {
	const fileOrder = (extra: Record<string, unknown> = {}) =>
		textOrder({ content: 'file', text: undefined, binaryPropertyName: 'document', ...extra });
	const binaryInput = [
		{ document: { data: FILE_BYTES, fileName: 'brochure.docx', mimeType: DOCX } },
	];

	it("uploads the file through Gengo's quote, then orders it by its identifier, once", async () => {
		const { items, calls, fake } = await run(fileOrder(), { binaryInput });
		const [quoteCall] = posts(calls, '/translate/service/quote');
		expect(quoteCall.signed).toBe(true);
		expect(quoteCall.files).toEqual([
			{
				field: 'file_job_1',
				filename: 'brochure.docx',
				size: FILE_BYTES.length,
				contentType: DOCX,
			},
		]);
		expect((quoteCall.data as { jobs: { job_1: IDataObject } }).jobs.job_1).toEqual({
			type: 'file',
			slug: 'brochure.docx',
			lc_src: 'en',
			lc_tgt: 'ja',
			tier: 'standard',
			file_key: 'file_job_1',
		});
		const [orderCall] = posts(calls, '/translate/jobs');
		const job = (orderCall.data as { jobs: { job_1: IDataObject } }).jobs.job_1;
		expect(job).toMatchObject({ type: 'file', identifier: gengo.quotes[0].identifier });
		expect(job).not.toHaveProperty('file_key');
		expect(gengo.orders).toHaveLength(1);
		// the bytes Gengo got are the file's, streamed from n8n's binary data
		expect(gengo.job(gengo.orders[0].jobIds[0]).source?.content.equals(FILE_BYTES)).toBe(true);
		expect(fake.binaryStreams).toHaveLength(1);
		expect(items[0]).toMatchObject({
			orderId: gengo.orders[0].order_id,
			type: 'file',
			quote: { identifier: gengo.quotes[0].identifier, fileName: 'brochure.docx' },
		});
	});

	it('a file n8n keeps in memory is sent the same way', async () => {
		await run(fileOrder(), {
			binaryInput: [{ document: { ...binaryInput[0].document, mode: 'memory' } }],
		});
		expect(gengo.job(gengo.orders[0].jobIds[0]).source?.content.equals(FILE_BYTES)).toBe(true);
	});

	it('File Name overrides the name Gengo receives', async () => {
		const { calls } = await run(fileOrder({ options: { fileName: 'dir/../Broschüre.docx' } }), {
			binaryInput,
		});
		expect(posts(calls, '/translate/service/quote')[0].files?.[0].filename).toBe('Broschüre.docx');
	});

	it.each([
		[{ binaryPropertyName: 'data' }, /^Input Binary Field "data": item 1 has no binary property/],
	])('refuses %j naming the field', async (change, message) => {
		const { error, calls } = await failure(fileOrder(change), { binaryInput });
		expect(error.message).toMatch(message);
		expect(error.description).toMatch(/"document"/);
		expect(calls).toEqual([]);
	});

	it("refuses a file over Gengo's 100 MB before uploading anything", async () => {
		const big = Buffer.alloc(100 * 1024 * 1024 + 1);
		const { error, calls } = await failure(fileOrder(), {
			binaryInput: [{ document: { data: big, fileName: 'huge.docx', mimeType: DOCX } }],
		});
		expect(error.message).toMatch(
			/^Input Binary Field "document": the file "huge.docx" is 100 MB, over the limit/,
		);
		expect(error.description).toMatch(/Request should be no larger than 100MB/);
		expect(calls).toEqual([]);
	});

	it('a failed upload (not an order) orders nothing; the order request itself is never sent', async () => {
		gengo.failNext('quote', 'http500');
		const { error, calls } = await failure(fileOrder(), { binaryInput });
		expect(error.message).toMatch(/HTTP 500/);
		expect(posts(calls, '/translate/jobs')).toEqual([]);
		expect(gengo.orders).toEqual([]);
	});

	it('Gengo fails after recording a file order: one order, not sent again', async () => {
		gengo.failNext('order', 'drop');
		const { error, calls } = await failure(fileOrder(), { binaryInput });
		expect(error.message).toMatch(/may have received the request/);
		expect(posts(calls, '/translate/jobs')).toHaveLength(1);
		expect(gengo.orders).toHaveLength(1);
	});
});

describe('Order → Get Quote', () => {
	it('a text: credits, eta, unit count, currency; orders nothing', async () => {
		const { items, calls } = await run({
			...textOrder(),
			operation: 'quote',
			text: 'Four words to price.',
		});
		expect(items).toEqual([
			expect.objectContaining({
				type: 'text',
				unit_count: 4,
				credits: 0.24,
				eta: 25056,
				currency: 'USD',
				lc_src: 'en',
				lc_tgt: 'ja',
				tier: 'standard',
				etaIso: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
			}),
		]);
		expect(posts(calls, '/translate/jobs')).toEqual([]);
		expect(gengo.orders).toEqual([]);
	});

	it('a file: uploaded, priced, with the identifier Gengo answers', async () => {
		const { items } = await run(
			{ ...textOrder(), operation: 'quote', content: 'file' },
			{
				binaryInput: [
					{
						data: { data: Buffer.from('one two three'), fileName: 'a.txt', mimeType: 'text/plain' },
					},
				],
			},
		);
		expect(items[0]).toMatchObject({
			type: 'file',
			unit_count: 3,
			identifier: gengo.quotes[0].identifier,
			fileName: 'a.txt',
			fileSize: 13,
		});
		expect(gengo.orders).toEqual([]);
	});
});

describe('Order → Cancel', () => {
	it("cancels the order's available jobs and outputs the order", async () => {
		const { items, calls } = await run({
			resource: 'order',
			operation: 'cancel',
			orderId: '600001',
		});
		expect(calls.map((c) => [c.method, c.path, c.signed])).toEqual([
			['DELETE', '/v2/translate/order/600001', true],
		]);
		expect(items[0]).toMatchObject({
			orderId: '600001',
			jobs_cancelled: ['500003'],
			jobs_pending: ['500002'],
		});
		expect(gengo.job('500003').status).toBe('canceled');
	});

	it('reads the orderId of the incoming item by default', async () => {
		const { calls } = await run(
			{ resource: 'order', operation: 'cancel' },
			{ input: [{ orderId: '600001' }] },
		);
		expect(calls[0].path).toBe('/v2/translate/order/600001');
	});

	it('is not sent again when Gengo fails after cancelling', async () => {
		gengo.failNext('cancel', 'http500');
		const { error, calls } = await failure({
			resource: 'order',
			operation: 'cancel',
			orderId: '600001',
		});
		expect(calls).toHaveLength(1);
		expect(error.description).toMatch(/Order → Get for order 600001/);
	});

	it('refuses an id that is not one before calling', async () => {
		const { error, calls } = await failure({
			resource: 'order',
			operation: 'cancel',
			orderId: '../jobs',
		});
		expect(error.message).toMatch(/not a valid Gengo order ID/);
		expect(calls).toEqual([]);
	});
});

describe('Job → Approve, Request Revision, Reject, Add Comment', () => {
	const job = (operation: string, extra: Record<string, unknown> = {}) => ({
		resource: 'job',
		operation,
		jobId: '500001',
		...extra,
	});
	const sent = (calls: typeof gengo.requests) => calls.map((c) => [c.method, c.path, c.data]);

	it('Approve sends the rating and feedback (a rating given as text is read as a number)', async () => {
		const { items, calls } = await run(
			job('approve', {
				options: { rating: '4', forTranslator: 'Thanks!', forGengo: 'Fast.', public: true },
			}),
		);
		expect(sent(calls)).toEqual([
			[
				'PUT',
				'/v2/translate/job/500001',
				{
					action: 'approve',
					rating: 4,
					for_translator: 'Thanks!',
					for_mygengo: 'Fast.',
					public: 1,
				},
			],
		]);
		expect(calls[0].signed).toBe(true);
		expect(gengo.job('500001').status).toBe('approved');
		expect(items[0]).toMatchObject({ jobId: '500001', action: 'approve', rating: 4 });
	});

	it('Approve without options sends the action alone', async () => {
		const { calls } = await run(job('approve'));
		expect(calls[0].data).toEqual({ action: 'approve' });
	});

	it.each([['6'], ['0'], ['4.5'], ['five']])(
		'Approve refuses the rating %s before calling',
		async (rating) => {
			const { error, calls } = await failure(job('approve', { options: { rating } }));
			expect(error.message).toMatch(/^Rating ".*" is not a whole number from 1 to 5/);
			expect(calls).toEqual([]);
		},
	);

	it('Request Revision sends the comment', async () => {
		const { calls } = await run(job('requestRevision', { comment: 'Use British spelling.' }));
		expect(sent(calls)).toEqual([
			['PUT', '/v2/translate/job/500001', { action: 'revise', comment: 'Use British spelling.' }],
		]);
		expect(gengo.job('500001').status).toBe('revising');
	});

	it('Reject sends reason, comment and follow-up (requeue by default)', async () => {
		const { calls } = await run(
			job('reject', { comment: 'Half of it is missing.', reason: 'incomplete' }),
		);
		expect(calls[0].data).toEqual({
			action: 'reject',
			reason: 'incomplete',
			comment: 'Half of it is missing.',
			follow_up: 'requeue',
		});
		expect(gengo.job('500001').status).toBe('rejected');
	});

	it('Add Comment posts to the thread', async () => {
		const { calls, items } = await run(job('addComment', { comment: 'Is "hero" a name?' }));
		expect(sent(calls)).toEqual([
			['POST', '/v2/translate/job/500001/comment', { body: 'Is "hero" a name?' }],
		]);
		expect(gengo.job('500001').comments?.at(-1)).toMatchObject({
			body: 'Is "hero" a name?',
			author: 'customer',
		});
		expect(items[0]).toEqual({ jobId: '500001', body: 'Is "hero" a name?' });
	});

	it.each([
		['requestRevision', 'an empty comment', '', /^Comment is empty/],
		['reject', 'a blank comment', ' ', /^Comment is empty/],
		[
			'addComment',
			'a comment over 25,000 characters',
			'x'.repeat(25_001),
			/^Comment has 25001 characters/,
		],
	])('%s refuses %s before calling', async (operation, _label, comment, message) => {
		const { error, calls } = await failure(job(operation, { comment }));
		expect(error.message).toMatch(message);
		expect(calls).toEqual([]);
	});

	it("keeps Gengo's refusal of a job that is not reviewable (message and code)", async () => {
		const { error } = await failure(job('approve', { jobId: '500002' }));
		expect(error.message).toMatch(
			/Gengo PUT \/translate\/job\/500002 failed: job 500002 is pending, not reviewable \(code 400\)/,
		);
	});

	it.each([
		['approve', 'jobUpdate', {}],
		['addComment', 'comment', { comment: 'Hello' }],
	] as const)(
		'%s is not sent again when Gengo fails after taking it',
		async (operation, call, extra) => {
			gengo.failNext(call, 'drop');
			const { error, calls } = await failure(job(operation, extra));
			expect(calls).toHaveLength(1);
			expect(error.message).toMatch(/may have received the request/);
			expect(error.description).toMatch(/job 500001/);
		},
	);

	it("reads the trigger item's jobId by default", async () => {
		const { calls } = await run(
			{ resource: 'job', operation: 'approve' },
			{ input: [{ jobId: '500001', event: 'reviewable' }] },
		);
		expect(calls[0].path).toBe('/v2/translate/job/500001');
	});
});

describe('Pick lists (list search)', () => {
	const search = async (
		method: keyof typeof node.methods.listSearch,
		parameters: Record<string, unknown> = {},
		filter?: string,
	) => {
		const fake = fakeLoadOptionsContext({
			nodeType: node,
			credentials: credentials(),
			parameters: { resource: 'order', operation: 'create', ...parameters },
		});
		const before = gengo.requests.length;
		const result = await node.methods.listSearch[method].call(fake.ctx, filter);
		return { results: result.results, calls: gengo.requests.slice(before) };
	};

	it('source languages: those Gengo translates from, named from its language list', async () => {
		const { results, calls } = await search('searchSourceLanguages');
		expect(results).toEqual([
			{ name: 'English (en)', value: 'en' },
			{ name: 'German (de)', value: 'de' },
			{ name: 'Japanese (ja)', value: 'ja' },
		]);
		expect(calls.every((c) => c.signed)).toBe(true);
	});

	it('target languages: those offered from the chosen source; the filter narrows them', async () => {
		const { results, calls } = await search('searchTargetLanguages', { sourceLanguage: rl('en') });
		expect(results).toEqual([
			{ name: 'French (fr)', value: 'fr' },
			{ name: 'German (de)', value: 'de' },
			{ name: 'Japanese (ja)', value: 'ja' },
		]);
		expect(calls.find((c) => c.path.endsWith('language_pairs'))?.query).toEqual({ lc_src: 'en' });
		expect(
			(await search('searchTargetLanguages', { sourceLanguage: rl('en') }, 'jap')).results,
		).toEqual([{ name: 'Japanese (ja)', value: 'ja' }]);
	});

	it('tiers: those offered for the pair, with their price per word', async () => {
		const { results } = await search('searchTiers', {
			sourceLanguage: rl('en'),
			targetLanguage: rl('ja'),
		});
		expect(results).toEqual([
			{ name: 'Standard: 0.06 USD per word', value: 'standard' },
			{ name: 'Business (pro): 0.12 USD per word', value: 'pro' },
		]);
	});
});

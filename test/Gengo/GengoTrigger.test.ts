/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets, @n8n/community-nodes/no-restricted-imports -- developer tooling: runs in Node.js, never inside n8n, so n8n's rules for node code do not apply (CONTRIBUTING.md, "Lint") */
import { parse as parseQuery } from 'node:querystring';

import {
	gengoCallbackRequest,
	gengoSampleComment,
	gengoSampleJob,
} from '../fixtures/samples/gengo';
import { GENGO_EVENTS } from '../../nodes/Gengo/events';
import { DeliveryRejected } from '../../nodes/common/delivery/answers';
import { WorkBudget } from '../../nodes/common/delivery/workBudget';
import { confirmCallback, fetchConfirmedJob } from '../../nodes/Gengo/lookups';
import { GengoTrigger } from '../../nodes/Gengo/GengoTrigger.node';
import { gengoSignature } from '../../nodes/Gengo/signature';
import invalid from '../fixtures/gengo/invalid.json';
import { fakeHookContext } from '../helpers/fakeContext';
import {
	deliverTo,
	fakeWebhookContext,
	PATH_TOKEN,
	withUrlToken,
	type FakeRequest,
} from '../helpers/webhookContext';
import { expectedCommentEventKey, expectedJobEventKey, GengoSimulator } from '../simulators/gengo';
import { corpusDeliveries, formFields, payloadOf } from './corpus';

/** The public file-job callback with file_url_tgt as its own form parameter. */
const fileUrlParameterDelivery = () =>
	corpusDeliveries().find(
		(d) => d.file === 'callback-job-file-reviewable-file-url-parameter.json',
	)!;

const trigger = new GengoTrigger();

/** A request as n8n hands it to the node: form bodies parsed into an object, JSON bodies parsed. */
function request(contentType: string, body: string, extra: Partial<FakeRequest> = {}): FakeRequest {
	const parsed = contentType.startsWith('application/json')
		? (JSON.parse(body) as unknown)
		: parseQuery(body);
	return { headers: { 'content-type': contentType }, body: parsed, ...extra };
}

const SECRET = 'Gengo-url-secret-0123456789';
/** A request exactly as given: for the checks of the secret token itself. */
const deliverAsIs = deliverTo(trigger);
/** A callback to the trigger as set up by default: the secret token in the query string, from the credential. */
const deliver = async (sent: FakeRequest) => await deliverAsIs(withUrlToken(sent, SECRET));

describe('Gengo request signing', () => {
	it('signs ts with HMAC-SHA1 of the private key, hex (vector from openssl dgst -sha1 -hmac)', () => {
		expect(gengoSignature('pub', 'private-key-example', 1313475693_000)).toEqual({
			api_key: 'pub',
			ts: '1313475693',
			api_sig: 'bbfce846370862cf6892efae2fbb4480ec11c27b',
		});
	});
});

describe('Gengo Trigger: job callbacks', () => {
	const jobEvents = GENGO_EVENTS.map(([code]) => code).filter((code) => code !== 'comment');

	it.each(jobEvents)(
		'%s: one item with the documented envelope and a typed job',
		async (status) => {
			const sent = gengoCallbackRequest(status, { jobId: '4711' });
			const { status: http, items } = await deliver(request(sent.contentType, sent.body));
			expect(http).toBe(200);
			expect(items).toHaveLength(1);
			const [item] = items;
			expect(item).toMatchObject({
				vendor: 'gengo',
				event: status,
				// a reviewable job's key carries a hash of its translation (gengoJobEventKey)
				eventKey: expectedJobEventKey(
					'4711',
					status,
					gengoSampleJob(status, { jobId: '4711' }).body_tgt as string | undefined,
				),
				occurredAt: null,
				jobId: '4711',
				status,
				orderId: '54632',
				customData: { cms_id: 'page-42', field: 'hero.title' },
				fullJobFetched: false,
			});
			const job = item.job as Record<string, unknown>;
			expect(job).toMatchObject({
				job_id: '4711',
				order_id: '54632',
				unit_count: 9,
				credits: 0.54,
				auto_approve: false,
				lc_tgt: 'de',
			});
			expect(typeof job.ctime).toBe('number');
			expect(job.ctimeIso).toBe(new Date((job.ctime as number) * 1000).toISOString());
			expect(item).not.toHaveProperty('fileUrl');
		},
	);

	it("gives the same eventKey to Gengo's retries and a new one to the next status", async () => {
		const once = gengoCallbackRequest('reviewable', { jobId: '9' });
		const a = await deliver(request(once.contentType, once.body));
		const b = await deliver(request(once.contentType, once.body));
		const next = gengoCallbackRequest('approved', { jobId: '9' });
		const c = await deliver(request(next.contentType, next.body));
		expect(a.items[0].eventKey).toBe(b.items[0].eventKey);
		expect(c.items[0].eventKey).not.toBe(a.items[0].eventKey);
	});

	it('computes etaIso from eta seconds and leaves it null when Gengo has no estimate', async () => {
		const available = gengoCallbackRequest('available');
		const { items } = await deliver(request(available.contentType, available.body));
		const job = items[0].job as Record<string, unknown>;
		expect(Date.parse(job.etaIso as string) - Date.parse(items[0].receivedAt as string)).toBe(
			25056_000,
		);
		const reviewable = gengoCallbackRequest('reviewable');
		expect(
			(
				(await deliver(request(reviewable.contentType, reviewable.body))).items[0].job as Record<
					string,
					unknown
				>
			).etaIso,
		).toBeNull();
	});

	it('adds fileUrl for file jobs and keeps custom_data that is not JSON as the string', async () => {
		const sent = gengoCallbackRequest('approved', {
			fileUrl: 'https://gengo.example/files/t.docx',
			customData: 'page 42 / hero',
		});
		const { items } = await deliver(request(sent.contentType, sent.body));
		expect(items[0]).toMatchObject({
			fileUrl: 'https://gengo.example/files/t.docx',
			customData: 'page 42 / hero',
		});
	});

	// https://developers.gengo.com/v2/callback_urls/: "the request that is sent to your callback will contain a
	// file_url_tgt parameter" (its own form parameter), while the Payloads page puts it inside the job
	it('takes fileUrl from a file_url_tgt parameter beside "job" (public callback, file job)', async () => {
		const delivery = fileUrlParameterDelivery();
		const { status, items } = await deliver({
			headers: delivery.request.headers,
			body: formFields(delivery),
		});
		expect(status).toBe(200);
		expect(items[0]).toMatchObject({
			event: 'reviewable',
			jobId: '384985',
			fileUrl: delivery.request.form.file_url_tgt,
		});
	});

	it('prefers the link inside the job when both are sent; a comment takes the parameter too', async () => {
		const { headers } = fileUrlParameterDelivery().request;
		const inJob = { job_id: '5', status: 'approved', file_url_tgt: 'https://a.example/in-job' };
		const both = await deliver({
			headers,
			body: { job: JSON.stringify(inJob), file_url_tgt: 'https://a.example/beside' },
		});
		expect(both.items[0].fileUrl).toBe('https://a.example/in-job');
		const comment = payloadOf(
			corpusDeliveries().find((d) => d.file === 'callback-comment-minimal.json')!,
		);
		const commented = await deliver({
			headers,
			body: { comment: JSON.stringify(comment), file_url_tgt: 'https://a.example/beside' },
		});
		expect(commented.items[0]).toMatchObject({
			event: 'comment',
			fileUrl: 'https://a.example/beside',
		});
	});

	it('accepts a JSON body with the job as an object or as a JSON string (re-encoding proxies)', async () => {
		const job = gengoSampleJob('approved', { jobId: '77' });
		for (const body of [{ job }, { job: JSON.stringify(job) }]) {
			const { status, items } = await deliver(
				request('application/json; charset=utf-8', JSON.stringify(body)),
			);
			expect(status).toBe(200);
			expect(items[0]).toMatchObject({ event: 'approved', jobId: '77' });
		}
	});
});

describe('Gengo Trigger: comment callbacks', () => {
	it('emits the comment with its time and a per-comment eventKey', async () => {
		const comment = gengoSampleComment({ jobId: '4711' }, Date.UTC(2026, 10, 25, 9, 0, 0));
		const { items } = await deliver(
			request(
				'application/x-www-form-urlencoded',
				new URLSearchParams({ comment: JSON.stringify(comment) }).toString(),
			),
		);
		expect(items[0]).toMatchObject({
			vendor: 'gengo',
			event: 'comment',
			eventKey: expectedCommentEventKey('4711', Number(comment.ctime), String(comment.body)),
			occurredAt: '2026-11-25T09:00:00.000Z',
			jobId: '4711',
			comment: { job_id: '4711', body: comment.body, ctimeIso: '2026-11-25T09:00:00.000Z' },
			customData: { cms_id: 'page-42' },
		});
		expect(items[0]).not.toHaveProperty('status');
	});
});

describe('Gengo Trigger: two comments on one job in the same second', () => {
	// Gengo's comment callback (https://developers.gengo.com/v2/callback_urls/) and its comment thread carry no
	// comment id and a ctime in whole seconds: the two public comments of gengo-php's thread example, sent in one
	// second, differ only by their text
	const [first, second] = ['callback-comment.json', 'callback-comment-minimal.json'].map((file) =>
		payloadOf(corpusDeliveries().find((d) => d.file === file)!),
	);
	const sameSecond = (comment: Record<string, unknown>) => ({
		...comment,
		job_id: '384985',
		ctime: '1313498803',
	});

	it('get two eventKeys; a retried delivery of either keeps its key', async () => {
		const keyOf = async (comment: Record<string, unknown>) =>
			(await deliver(form('comment', sameSecond(comment)))).items[0].eventKey;
		const [a, b, aAgain, bAgain] = [
			await keyOf(first),
			await keyOf(second),
			await keyOf(first),
			await keyOf(second),
		];
		expect(a).not.toBe(b);
		expect([aAgain, bAgain]).toEqual([a, b]);
		expect(a).toBe(expectedCommentEventKey('384985', 1313498803, String(first.body)));
	});
});

describe('Gengo Trigger: refusals', () => {
	it.each(invalid.map((f) => [f.name, f] as const))('%s → 400', async (_name, fixture) => {
		const { status, body, items } = await deliver(request(fixture.contentType, fixture.body));
		expect(status).toBe(400);
		expect(body.message).toContain(fixture.reason);
		expect(items).toHaveLength(0);
	});

	it.each(['text/plain', 'multipart/form-data; boundary=x', ''])(
		'content type "%s" → 400 (docs/design.md)',
		async (contentType) => {
			const { status, items } = await deliver({
				headers: contentType ? { 'content-type': contentType } : {},
				body: 'job={}',
			});
			expect(status).toBe(400);
			expect(items).toHaveLength(0);
		},
	);

	it('answers 200 and starts nothing for events the filter does not want', async () => {
		const sent = gengoCallbackRequest('pending');
		const { status, body, items } = await deliver(
			request(sent.contentType, sent.body, { nodeParameters: { events: ['approved', 'comment'] } }),
		);
		expect(status).toBe(200);
		expect(body.workflowStarted).toBe(false);
		expect(items).toHaveLength(0);
	});

	it('checks the secret token in the query string and in the path', async () => {
		const sent = gengoCallbackRequest('approved');
		const query = {
			nodeParameters: { urlTokenLocation: 'query' },
			credentials: { translationWebhookSecretApi: { secret: SECRET } },
		};
		const status = async (extra: Partial<FakeRequest>) =>
			(await deliverAsIs(request(sent.contentType, sent.body, extra))).status;
		expect(await status({ ...query, query: { token: SECRET } })).toBe(200);
		expect(await status({ ...query, query: { token: `${SECRET}x` } })).toBe(401);
		expect(await status(query)).toBe(401);
		const path = { ...query, nodeParameters: { urlTokenLocation: 'path' } };
		expect(await status({ ...path, params: { [PATH_TOKEN]: SECRET } })).toBe(200);
		// the path token is the one checked: a token in the query string does not stand in for it
		expect(await status({ ...path, query: { token: SECRET } })).toBe(401);
		const wrong = await deliverAsIs(
			request(sent.contentType, sent.body, { ...path, params: { [PATH_TOKEN]: 'nope' } }),
		);
		expect(wrong.status).toBe(401);
		expect(JSON.stringify(wrong.body)).not.toContain(SECRET);
		// "No Secret" chosen explicitly: nothing is checked
		expect(await status({ nodeParameters: { urlTokenLocation: 'none' } })).toBe(200);
	});
});

const form = (parameter: 'job' | 'comment', value: Record<string, unknown>) => ({
	headers: { 'content-type': 'application/x-www-form-urlencoded' },
	body: { [parameter]: JSON.stringify(value) },
});

describe('Gengo Trigger: the secret token and the job-status spellings', () => {
	it('is closed by default: a secret token in the query string, from the credential', async () => {
		const sent = gengoCallbackRequest('approved');
		const base = request(sent.contentType, sent.body);
		expect((await deliverAsIs(base)).status).toBe(401);
		expect((await deliver({ ...base, query: { token: '' } })).status).toBe(401);
		expect((await deliver({ ...base, query: { token: `${SECRET}x` } })).status).toBe(401);
		const good = await deliver(base);
		expect([good.status, good.items.length]).toEqual([200, 1]);
	});

	it("names the event in the job-status page's spelling and keeps the status as sent", async () => {
		for (const [sent, event] of [
			['cancelled', 'canceled'],
			['canceled', 'canceled'],
			['held', 'hold'],
			['hold', 'hold'],
			['queued', 'queued'],
		]) {
			const { items } = await deliver(form('job', { job_id: '51', status: sent }));
			expect(items[0]).toMatchObject({
				event,
				status: sent,
				eventKey: `gengo:job:51:${event}`,
				job: { status: sent },
			});
		}
	});

	it.each([
		[['canceled', 'hold'], 'cancelled'],
		[['canceled', 'hold'], 'held'],
		[['cancelled', 'held'], 'canceled'],
		[['cancelled', 'held'], 'hold'],
	])('a filter of %j (either spelling) lets "%s" through', async (events, status) => {
		const { items } = await deliver({
			...form('job', { job_id: '52', status }),
			nodeParameters: { events },
		});
		expect(items).toHaveLength(1);
	});

	it('offers queued, canceled and hold, and no longer the old spellings', () => {
		const events = trigger.description.properties.find((p) => p.name === 'events')!;
		const values = (events.options as Array<{ value: string }>).map((o) => o.value);
		expect(values).toEqual(expect.arrayContaining(['queued', 'canceled', 'hold']));
		expect(values).not.toEqual(expect.arrayContaining(['cancelled']));
		expect(values).not.toContain('held');
	});

	it('gives a second review round (a new translation after revising) a new eventKey, a retry the same', async () => {
		const reviewable = (body_tgt: string) => ({ job_id: '53', status: 'reviewable', body_tgt });
		const first = await deliver(form('job', reviewable('Erste Fassung.')));
		const retry = await deliver(form('job', reviewable('Erste Fassung.')));
		const second = await deliver(form('job', reviewable('Zweite Fassung.')));
		expect(first.items[0].eventKey).toBe(expectedJobEventKey('53', 'reviewable', 'Erste Fassung.'));
		expect(first.items[0].eventKey).toMatch(/^gengo:job:53:reviewable:[0-9a-f]{16}$/);
		expect(retry.items[0].eventKey).toBe(first.items[0].eventKey);
		expect(second.items[0].eventKey).not.toBe(first.items[0].eventKey);
		// a file job has no body_tgt: the key is the status's
		const file = await deliver(form('job', { job_id: '53', status: 'reviewable' }));
		expect(file.items[0].eventKey).toBe('gengo:job:53:reviewable');
	});

	it.each([
		[
			`https://n8n.example.com/webhook/abc/gengo?token=${SECRET}`,
			'https://n8n.example.com/webhook/abc/gengo?token=***',
		],
		[
			`https://n8n.example.com/webhook/abc/gengo/${SECRET}`,
			'https://n8n.example.com/webhook/abc/gengo/***',
		],
		['http://gengo.callback/', 'http://gengo.callback/'],
	])('keeps the URL token out of the item: callback_url %s', async (callbackUrl, shown) => {
		const { items } = await deliver(
			form('job', { job_id: '54', status: 'approved', callback_url: callbackUrl }),
		);
		expect((items[0].job as Record<string, unknown>).callback_url).toBe(shown);
		expect(JSON.stringify(items)).not.toContain(SECRET);
	});
});

describe('Gengo Trigger: Fetch Full Job', () => {
	const keys = { publicKey: 'sim-public', privateKey: 'sim-private' };
	const longText = `${'Long text. '.repeat(6000)}End.`;
	let gengo: GengoSimulator;
	beforeAll(async () => {
		gengo = await new GengoSimulator({
			...keys,
			jobs: [
				{
					job_id: '384985',
					status: 'reviewable',
					body_src: longText,
					body_tgt: 'Langer Text, übersetzt.',
					custom_data: '{"cms_id":"page-42"}',
					callback_url: `https://n8n.example.com/webhook/abc/gengo?token=${SECRET}`,
					comments: [{ body: 'Is "hero" a proper noun?', author: 'translator', ctime: 1767225600 }],
				},
				{ job_id: '384986', status: 'canceled' },
				{
					job_id: '384987',
					status: 'approved',
					style: 'numbers',
					file: { name: 'brochure-de.docx', content: 'DOCX', contentType: 'application/msword' },
				},
			],
		}).start();
	});
	afterAll(async () => gengo.stop());

	const withApi = (credentials: Record<string, string> = keys) => ({
		nodeParameters: { fetchFullJob: true },
		credentials: {
			translationWebhookSecretApi: { secret: SECRET },
			gengoApi: { environment: 'custom', baseUrl: gengo.baseUrl, ...credentials },
		},
	});
	const callsDuring = async <T>(work: () => Promise<T>) => {
		const before = gengo.requests.length;
		const result = await work();
		return { result, calls: gengo.requests.slice(before) };
	};

	it('every field comes from the API, none from the callback (signed request)', async () => {
		const forged = {
			job_id: '384985',
			status: 'reviewable',
			body_src: 'cut short',
			body_tgt: 'forged translation',
			custom_data: '{"cms_id":"someone-elses-page"}',
			file_url_tgt: 'https://attacker.example/file.docx',
			order_id: '1',
		};
		const { result, calls } = await callsDuring(() =>
			deliver({ ...form('job', forged), ...withApi() }),
		);
		expect(result.status).toBe(200);
		const [item] = result.items;
		expect(item).toMatchObject({
			event: 'reviewable',
			status: 'reviewable',
			jobId: '384985',
			orderId: '54632',
			customData: { cms_id: 'page-42' },
			fullJobFetched: true,
			job: { body_tgt: 'Langer Text, übersetzt.', eta: null },
		});
		expect(item).not.toHaveProperty('fileUrl');
		expect((item.job as Record<string, unknown>).body_src).toBe(longText);
		expect(JSON.stringify(item)).not.toContain('forged');
		expect(JSON.stringify(item)).not.toContain(SECRET);
		expect((item.job as Record<string, unknown>).callback_url).toBe(
			'https://n8n.example.com/webhook/abc/gengo?token=***',
		);
		expect(calls).toEqual([{ path: '/v2/translate/job/384985', signed: true, query: {} }]);
	});

	it('reads a job whose eta is "" (Gengo\'s Job GET) instead of calling it unknown', async () => {
		expect(gengo.jobPayload(gengo.job('384985')).eta).toBe('');
		const { status } = await deliver({
			...form('job', { job_id: '384985', status: 'reviewable' }),
			...withApi(),
		});
		expect(status).toBe(200);
	});

	it('takes the file link of a file job from the API, not from a file_url_tgt parameter', async () => {
		const { items } = await deliver({
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: {
				job: JSON.stringify({ job_id: '384985', status: 'reviewable' }),
				file_url_tgt: 'https://attacker.example/x',
			},
			...withApi(),
		});
		expect(items[0]).toMatchObject({ jobId: '384985', fullJobFetched: true });
		expect(items[0]).not.toHaveProperty('fileUrl');
	});

	it('takes the file link of a file job from the API', async () => {
		const { items } = await deliver({
			...form('job', {
				job_id: 384987,
				status: 'approved',
				file_url_tgt: 'https://attacker.example/x',
			}),
			...withApi(),
		});
		expect(items[0].fileUrl).toBe(`${gengo.url}/files/brochure-de.docx`);
	});

	it('a status the API does not have (forged, or a late retry) starts nothing: 200 and a warning', async () => {
		const { status, body, items, logs } = await deliver({
			...form('job', { job_id: '384985', status: 'approved', body_tgt: 'x' }),
			...withApi(),
		});
		expect([status, body.workflowStarted, items.length]).toEqual([200, false, 0]);
		expect(body.message).toContain('does not match the job at the Gengo API');
		expect(body.message).not.toContain('reviewable');
		expect(logs).toEqual([
			expect.stringMatching(
				/^warn: Gengo Trigger: callback for job 384985 says "approved" but the Gengo API has "reviewable"/,
			),
		]);
	});

	it("accepts Gengo's other spelling of the same status", async () => {
		const { items } = await deliver({
			...form('job', { job_id: '384986', status: 'cancelled' }),
			...withApi(),
		});
		expect(items[0]).toMatchObject({ event: 'canceled', status: 'canceled' });
	});

	it('answers 401 and starts nothing for a job the account does not know (2 calls)', async () => {
		const { result, calls } = await callsDuring(() =>
			deliver({ ...form('job', { job_id: '999', status: 'approved' }), ...withApi() }),
		);
		expect([result.status, result.items.length]).toEqual([401, 0]);
		expect(result.body.message).toContain('job 999 is not known');
		expect(calls.map((c) => c.path)).toEqual(['/v2/translate/job/999', '/v2/account/balance']);
	});

	it('answers 503 (Gengo retries) when the credential is refused, and logs what to fix', async () => {
		const { status, items, logs } = await deliver({
			...form('job', { job_id: '384985', status: 'reviewable' }),
			...withApi({ ...keys, privateKey: 'wrong' }),
		});
		expect([status, items.length]).toEqual([503, 0]);
		expect(logs.join('\n')).toContain('the Gengo credential does not work');
		expect(logs.join('\n')).not.toContain('wrong');
	});

	it('answers 503 when the Gengo API is unreachable', async () => {
		const { status, items } = await deliver({
			...form('job', { job_id: '384985', status: 'reviewable' }),
			...withApi(),
			credentials: {
				translationWebhookSecretApi: { secret: SECRET },
				gengoApi: { environment: 'custom', baseUrl: 'http://127.0.0.1:1/v2', ...keys },
			},
		});
		expect([status, items.length]).toEqual([503, 0]);
	});

	it('answers 503 at once when Gengo rate-limits the lookup (Gengo retries; no waiting in the delivery)', async () => {
		gengo.rateLimit(1, 3600);
		const { result, calls } = await callsDuring(() =>
			deliver({ ...form('job', { job_id: '384985', status: 'reviewable' }), ...withApi() }),
		);
		expect([result.status, result.items.length, calls.length]).toEqual([503, 0, 1]);
	});

	it("confirms a comment against the job's thread and takes it from there (2 calls)", async () => {
		const comment = { job_id: '384985', body: 'Is "hero" a proper noun?', ctime: '1767225600' };
		const { result, calls } = await callsDuring(() =>
			deliver({ ...form('comment', { ...comment, custom_data: 'forged' }), ...withApi() }),
		);
		expect(result.items[0]).toMatchObject({
			event: 'comment',
			eventKey: expectedCommentEventKey('384985', 1767225600, 'Is "hero" a proper noun?'),
			occurredAt: '2026-01-01T00:00:00.000Z',
			fullJobFetched: true,
			orderId: '54632',
			customData: { cms_id: 'page-42' },
			comment: {
				job_id: '384985',
				body: 'Is "hero" a proper noun?',
				author: 'translator',
				ctime: 1767225600,
			},
			job: { job_id: '384985', status: 'reviewable' },
		});
		expect(calls.map((c) => c.path)).toEqual([
			'/v2/translate/job/384985',
			'/v2/translate/job/384985/comments',
		]);
		// without a ctime, the body alone must match
		const { body: _ignored, ...withoutTime } = { ...comment, ctime: undefined };
		void _ignored;
		expect(
			(await deliver({ ...form('comment', { ...withoutTime, body: comment.body }), ...withApi() }))
				.items,
		).toHaveLength(1);
	});

	it.each([
		['a body the thread does not have', { body: 'Please pay me directly', ctime: '1767225600' }],
		['another time', { body: 'Is "hero" a proper noun?', ctime: '1767225601' }],
	])('starts nothing for a comment with %s', async (_what, fields) => {
		const { status, body, items, logs } = await deliver({
			...form('comment', { job_id: '384985', ...fields }),
			...withApi(),
		});
		expect([status, body.workflowStarted, items.length]).toEqual([200, false, 0]);
		expect(logs.join('\n')).toContain("is not in the job's comments at the Gengo API");
	});

	it('refuses a job id that is no id before any call', async () => {
		const { result, calls } = await callsDuring(() =>
			deliver({ ...form('job', { job_id: '1/../2', status: 'approved' }), ...withApi() }),
		);
		expect([result.status, calls.length]).toEqual([400, 0]);
	});
});

describe('fetchConfirmedJob, through a fake webhook context', () => {
	const keys = { publicKey: 'p-key', privateKey: 'k-key' };
	let gengo: GengoSimulator;
	beforeAll(async () => {
		gengo = await new GengoSimulator({
			...keys,
			jobs: [
				{ job_id: '7', status: 'pending', style: 'numbers' },
				{
					job_id: '9',
					status: 'reviewable',
					style: 'numbers',
					comments: [{ body: 'Please check', author: 'customer', ctime: 1369227600 }],
				},
			],
		}).start();
	});
	afterAll(async () => gengo.stop());
	const ctx = (credentials: Record<string, unknown> = keys) =>
		fakeWebhookContext({
			credentials: { gengoApi: { environment: 'custom', baseUrl: gengo.baseUrl, ...credentials } },
		});

	it('answers the API job, typed', async () => {
		const job = await fetchConfirmedJob(ctx().ctx, '7');
		expect(job).toMatchObject({ job_id: '7', status: 'pending', order_id: '54632', eta: 25056 });
	});

	it.each([
		['an unknown job', '8', keys, 401],
		['a refused credential', '7', { ...keys, privateKey: 'nope' }, 503],
	])('%s → DeliveryRejected %s', async (_what, jobId, credentials, status) => {
		const failure = await fetchConfirmedJob(ctx(credentials).ctx, jobId).catch((e: unknown) => e);
		expect(failure).toBeInstanceOf(DeliveryRejected);
		expect((failure as DeliveryRejected).httpStatus).toBe(status);
	});

	it('stops when the delivery budget is used up (503), making no call', async () => {
		const budget = new WorkBudget({ calls: 0, ms: 1000 });
		const before = gengo.requests.length;
		const failure = await fetchConfirmedJob(ctx().ctx, '7', budget).catch((e: unknown) => e);
		expect((failure as DeliveryRejected).httpStatus).toBe(503);
		expect(gengo.requests.length).toBe(before);
		expect((failure as DeliveryRejected).message).toBe(
			'the Gengo API did not answer in time to confirm this callback; retry later',
		);
	});

	it('the API unreachable: 503, and the reason in the log', async () => {
		const { ctx: unreachable, logs } = ctx({ ...keys, baseUrl: 'http://127.0.0.1:1/v2' });
		const failure = await fetchConfirmedJob(unreachable, '7').catch((e: unknown) => e);
		expect(failure).toBeInstanceOf(DeliveryRejected);
		expect((failure as DeliveryRejected).httpStatus).toBe(503);
		expect((failure as DeliveryRejected).message).toBe(
			'the Gengo API is unavailable to confirm this job; retry later',
		);
		expect(logs.join('\n')).toMatch(/warn: Gengo Trigger: could not confirm job 7: \S/);
	});

	it('a refused credential: 503 and an error in the log naming it, not a forgery', async () => {
		const { ctx: refused, logs } = ctx({ ...keys, privateKey: 'nope' });
		const failure = await fetchConfirmedJob(refused, '7').catch((e: unknown) => e);
		expect((failure as DeliveryRejected).message).toBe(
			'the trigger cannot confirm callbacks with Gengo right now; retry later',
		);
		expect(logs.join('\n')).toMatch(
			/error: Gengo Trigger: the Gengo credential does not work \(\S/,
		);
		const unknown = await fetchConfirmedJob(ctx().ctx, '8').catch((e: unknown) => e);
		expect((unknown as DeliveryRejected).message).toMatch(
			/job 8 is not known to this Gengo account/,
		);
	});

	it("confirmCallback: the status must be the API's; a comment must be in the thread, with its time", async () => {
		const job = (status: string) =>
			({ kind: 'job', job: { job_id: '7', status } }) as Parameters<typeof confirmCallback>[1];
		const comment = (body: string, ctime?: number) =>
			({ kind: 'comment', comment: { job_id: '9', body, ctime } }) as Parameters<
				typeof confirmCallback
			>[1];
		expect(await confirmCallback(ctx().ctx, job('pending'))).toMatchObject({ confirmed: true });
		expect(await confirmCallback(ctx().ctx, job('approved'))).toEqual({
			confirmed: false,
			reason: 'callback for job 7 says "approved" but the Gengo API has "pending"',
		});
		expect(await confirmCallback(ctx().ctx, comment('Please check', 1369227600))).toMatchObject({
			confirmed: true,
			comment: { body: 'Please check', ctime: 1369227600 },
		});
		expect(await confirmCallback(ctx().ctx, comment('Please check'))).toMatchObject({
			confirmed: true,
		});
		expect(await confirmCallback(ctx().ctx, comment('Please check', 1369227601))).toEqual({
			confirmed: false,
			reason:
				"comment callback for job 9 (ctime 1369227601) is not in the job's comments at the Gengo API",
		});
		expect(await confirmCallback(ctx().ctx, comment('Other'))).toEqual({
			confirmed: false,
			reason: "comment callback for job 9 is not in the job's comments at the Gengo API",
		});
	});
});

describe('Gengo Trigger as n8n adds it: only the defaults of its description', () => {
	// Gengo cannot sign its callbacks (developers.gengo.com/v2/callback_urls/), so a new node must check a secret
	// token unless the user turns it off. n8n fills a new node's parameters from the description (deliverTo reads
	// them that way), so this fails if a default changes to "no secret".
	const sent = gengoCallbackRequest('approved');
	const fresh = (query: Record<string, string>) => ({
		...request(sent.contentType, sent.body),
		query,
		credentials: { translationWebhookSecretApi: { secret: SECRET } },
	});

	it('refuses a callback without the secret token or with a wrong one (401)', async () => {
		for (const query of [{}, { token: `${SECRET}x` }] as Array<Record<string, string>>) {
			const { status, items } = await deliverAsIs(fresh(query));
			expect([status, items]).toEqual([401, []]);
		}
	});

	it('accepts the callback with the token in the query string', async () => {
		const { status, items } = await deliverAsIs(fresh({ token: SECRET }));
		expect([status, items.length]).toEqual([200, 1]);
	});

	it('does not activate without a secret credential', async () => {
		const { ctx } = fakeHookContext({
			nodeType: trigger,
			webhookUrl: 'https://n8n.example.com/webhook/x/gengo',
		});
		await expect(trigger.webhookMethods.default.create.call(ctx)).rejects.toThrow(/secret/i);
	});
});

/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets, @n8n/community-nodes/no-restricted-imports -- developer tooling: runs in Node.js, never inside n8n, so n8n's rules for node code do not apply (CONTRIBUTING.md, "Lint") */
import { parse as parseQuery } from 'node:querystring';

import { gengoCallbackRequest, gengoSampleComment, gengoSampleJob } from '../../cli/samples/gengo';
import { GENGO_EVENTS } from '../../nodes/Gengo/events';
import { GengoTrigger } from '../../nodes/Gengo/GengoTrigger.node';
import { gengoSignature } from '../../nodes/Gengo/signature';
import invalid from '../fixtures/gengo/invalid.json';
import { deliverTo, PATH_TOKEN, type FakeRequest } from '../helpers/webhookContext';
import { GengoSimulator } from '../simulators/gengo';

const trigger = new GengoTrigger();

/** A request as n8n hands it to the node: form bodies parsed into an object, JSON bodies parsed. */
function request(contentType: string, body: string, extra: Partial<FakeRequest> = {}): FakeRequest {
	const parsed = contentType.startsWith('application/json')
		? (JSON.parse(body) as unknown)
		: parseQuery(body);
	return { headers: { 'content-type': contentType }, body: parsed, ...extra };
}

const deliver = deliverTo(trigger);

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
				eventKey: `gengo:job:4711:${status}`,
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
			eventKey: `gengo:comment:4711:${comment.ctime}`,
			occurredAt: '2026-11-25T09:00:00.000Z',
			jobId: '4711',
			comment: { job_id: '4711', body: comment.body, ctimeIso: '2026-11-25T09:00:00.000Z' },
			customData: { cms_id: 'page-42' },
		});
		expect(items[0]).not.toHaveProperty('status');
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
		const token = 'Gengo-secret-token-0123456789';
		const sent = gengoCallbackRequest('approved');
		const query = { nodeParameters: { urlTokenLocation: 'query', urlToken: token } };
		expect(
			(await deliver(request(sent.contentType, sent.body, { ...query, query: { token } }))).status,
		).toBe(200);
		expect(
			(
				await deliver(
					request(sent.contentType, sent.body, { ...query, query: { token: `${token}x` } }),
				)
			).status,
		).toBe(401);
		expect((await deliver(request(sent.contentType, sent.body, query))).status).toBe(401);
		const path = { nodeParameters: { urlTokenLocation: 'path', urlToken: token } };
		expect(
			(
				await deliver(
					request(sent.contentType, sent.body, { ...path, params: { [PATH_TOKEN]: token } }),
				)
			).status,
		).toBe(200);
		const wrong = await deliver(
			request(sent.contentType, sent.body, { ...path, params: { [PATH_TOKEN]: 'nope' } }),
		);
		expect(wrong.status).toBe(401);
		expect(JSON.stringify(wrong.body)).not.toContain(token);
	});
});

describe('Gengo Trigger: Fetch Full Job', () => {
	const keys = { publicKey: 'sim-public', privateKey: 'sim-private' };
	let gengo: GengoSimulator;
	beforeAll(async () => {
		gengo = await new GengoSimulator({
			...keys,
			jobs: [{ job_id: '384985', status: 'reviewable' }],
		}).start();
	});
	afterAll(async () => gengo.stop());

	const withApi = (credentials: Record<string, string>) => ({
		nodeParameters: { fetchFullJob: true },
		credentials: { gengoApi: { environment: 'custom', baseUrl: gengo.baseUrl, ...credentials } },
	});

	it("replaces the callback's job with the API's (signed request), keeping the callback's event", async () => {
		const sent = gengoCallbackRequest('reviewable', { jobId: '384985', bodySrc: 'cut short' });
		const { status, items } = await deliver(request(sent.contentType, sent.body, withApi(keys)));
		expect(status).toBe(200);
		const job = items[0].job as Record<string, unknown>;
		expect(items[0]).toMatchObject({ event: 'reviewable', jobId: '384985', fullJobFetched: true });
		expect((job.body_src as string).length).toBeGreaterThan(60_000);
		expect(job.job_id).toBe('384985');
		expect(gengo.requests.at(-1)).toEqual({ path: '/v2/translate/job/384985', signed: true });
	});

	it('answers 401 and starts nothing for a job the account does not know', async () => {
		const sent = gengoCallbackRequest('approved', { jobId: '999' });
		const { status, body, items } = await deliver(
			request(sent.contentType, sent.body, withApi(keys)),
		);
		expect([status, items.length]).toEqual([401, 0]);
		expect(body.message).toContain('job 999 is not known');
	});

	it('answers 503 (Gengo retries) when the credential is refused, and logs what to fix', async () => {
		const sent = gengoCallbackRequest('approved', { jobId: '384985' });
		const { status, items, logs } = await deliver(
			request(sent.contentType, sent.body, withApi({ ...keys, privateKey: 'wrong' })),
		);
		expect([status, items.length]).toEqual([503, 0]);
		expect(logs.join('\n')).toContain('the Gengo credential does not work');
		expect(logs.join('\n')).not.toContain('wrong');
	});

	it('answers 503 when the Gengo API is unreachable', async () => {
		const sent = gengoCallbackRequest('approved', { jobId: '384985' });
		const { status, items } = await deliver({
			...request(sent.contentType, sent.body),
			nodeParameters: { fetchFullJob: true },
			credentials: {
				gengoApi: { environment: 'custom', baseUrl: 'http://127.0.0.1:1/v2', ...keys },
			},
		});
		expect([status, items.length]).toEqual([503, 0]);
	});

	it('confirms the job of a comment too, and adds the job', async () => {
		const comment = { comment: JSON.stringify(gengoSampleComment({ jobId: '384985' })) };
		const { items } = await deliver(
			request(
				'application/x-www-form-urlencoded',
				new URLSearchParams(comment).toString(),
				withApi(keys),
			),
		);
		expect(items[0]).toMatchObject({
			event: 'comment',
			fullJobFetched: true,
			orderId: '54632',
			job: { job_id: '384985' },
		});
	});
});

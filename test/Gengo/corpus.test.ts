/* eslint-disable @n8n/community-nodes/no-restricted-imports -- developer tooling: runs in Node.js, never inside n8n, so n8n's rules for node code do not apply (CONTRIBUTING.md, "Lint") */
/**
 * Gengo as the world has it: every callback of the public corpus goes through the trigger's webhook(), every API
 * answer through the code that reads that endpoint (served by a local server that answers with the corpus file).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

import type { IDataObject } from 'n8n-workflow';

import {
	getAccount,
	getJob,
	getJobComments,
	getJobFeedback,
	getJobRevision,
	getJobRevisions,
	getJobsByIds,
	getOrder,
	listJobs,
	parseApiJob,
} from '../../nodes/Gengo/api';
import { GengoTrigger } from '../../nodes/Gengo/GengoTrigger.node';
import { gengoLanguagePairs, gengoLanguages } from '../../nodes/Gengo/languages';
import {
	cancelOrder,
	commentOnJob,
	orderJob,
	quoteJob,
	updateJob,
	type JobContent,
} from '../../nodes/Gengo/ordering';
import { GengoApiError } from '../../nodes/Gengo/transport';
import { fakeExecuteContext } from '../helpers/fakeContext';
import { deliverTo, withUrlToken, type FakeRequest } from '../helpers/webhookContext';
import { LocalServer } from '../simulators/localServer';
import { expectedCommentEventKey, expectedJobEventKey } from '../simulators/gengo';
import {
	corpusAnswers,
	corpusDeliveries,
	formFields,
	payloadOf,
	type CorpusAnswer,
} from './corpus';

const deliverToTrigger = deliverTo(new GengoTrigger());
/** A callback to the trigger as set up by default: with the secret token in the query string. */
const deliver = async (request: FakeRequest) => await deliverToTrigger(withUrlToken(request));
const deliveries = corpusDeliveries();
const answers = corpusAnswers();
const canonical = (status: string) =>
	({ cancelled: 'canceled', held: 'hold' })[status as 'cancelled' | 'held'] ?? status;

describe('Gengo corpus: every published callback', () => {
	it('has the deliveries the research found (job statuses in both spellings, comments, file jobs)', () => {
		expect(deliveries.length).toBeGreaterThanOrEqual(17);
		expect(new Set(deliveries.map((d) => d.event))).toEqual(
			new Set([
				'available',
				'pending',
				'reviewable',
				'approved',
				'revising',
				'rejected',
				'canceled',
				'cancelled',
				'hold',
				'queued',
				'comment',
			]),
		);
	});

	describe('through the trigger', () => {
		it.each(deliveries.map((d) => [d.file, d] as const))(
			'%s: 200 and one item with what Gengo sent',
			async (_file, delivery) => {
				const payload = payloadOf(delivery);
				const { status, body, items, result } = await deliver({
					headers: delivery.request.headers,
					body: formFields(delivery),
				});
				expect({ status, refused: body.message, answer: result.webhookResponse }).toEqual({
					status: 200,
					refused: undefined,
					answer: { code: 200, message: 'Workflow was started', workflowStarted: true },
				});
				expect(items).toHaveLength(1);
				const [item] = items;
				const jobId = String(payload.job_id);
				expect(item).toMatchObject({ vendor: 'gengo', jobId, fullJobFetched: false });
				const customData = payload.custom_data;
				// custom_data is documented as a string: it stays the string (no number, no digit lost)
				expect(item.customData).toBe(customData === undefined ? null : customData);

				if (delivery.event === 'comment') {
					const ctime = Number(payload.ctime);
					expect(item).toMatchObject({
						event: 'comment',
						eventKey: expectedCommentEventKey(jobId, ctime, String(payload.body)),
						occurredAt: new Date(ctime * 1000).toISOString(),
						comment: { job_id: jobId, body: payload.body, ctime },
					});
				} else {
					const rawStatus = String(payload.status);
					expect(item).toMatchObject({
						event: canonical(rawStatus),
						status: rawStatus,
						occurredAt: null,
						eventKey: expectedJobEventKey(jobId, rawStatus, payload.body_tgt as string | undefined),
					});
					const job = item.job as IDataObject;
					expect(job.job_id).toBe(jobId);
					if (payload.unit_count !== undefined)
						expect(job.unit_count).toBe(Number(payload.unit_count));
					if (payload.credits !== undefined) expect(job.credits).toBe(Number(payload.credits));
					// "eta": "" (no estimate) is null; -1 (done) stays -1; neither has an etaIso
					expect(job.eta).toBe(payload.eta === '' ? null : Number(payload.eta));
					if (payload.eta === '' || Number(payload.eta) < 0) expect(job.etaIso).toBeNull();
					expect(job.ctimeIso).toBe(new Date(Number(payload.ctime) * 1000).toISOString());
				}
				// inside the job or comment, or (callback page: "will contain a file_url_tgt parameter") beside it
				const fileUrl = payload.file_url_tgt || delivery.request.form.file_url_tgt;
				if (fileUrl) expect(item.fileUrl).toBe(fileUrl);
				else expect(item).not.toHaveProperty('fileUrl');
			},
		);
	});

	it('eta "" (Gengo has no estimate) is accepted, not answered 400', async () => {
		const delivery = deliveries.find((d) => d.file === 'callback-job-available-eta-empty.json')!;
		const { status, items } = await deliver({
			headers: delivery.request.headers,
			body: formFields(delivery),
		});
		expect(status).toBe(200);
		expect((items[0].job as IDataObject).eta).toBeNull();
	});

	// Payloads page (https://developers.gengo.com/v2/api_methods/payloads/): job_id and ctime are "String of ...",
	// eta "Integer"; Gengo's examples write each number either way
	const allStrings = deliveries.find(
		(d) => d.file === 'callback-job-available-numbers-as-strings.json',
	)!;
	const numericFields = Object.entries(payloadOf(allStrings)).filter(
		([, value]) => typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value),
	);

	it('covers every numeric field of a Job payload written as a string', () => {
		expect(numericFields.map(([name]) => name).sort()).toEqual(
			['auto_approve', 'credits', 'ctime', 'eta', 'job_id', 'order_id', 'unit_count'].sort(),
		);
	});

	it.each(numericFields)(
		'a callback with %s as a string (%j), the rest as numbers: 200 and typed',
		async (name, text) => {
			const published = payloadOf(
				deliveries.find((d) => d.file === 'callback-job-available-numeric-types.json')!,
			);
			const job = { ...published, [name]: text };
			const { status, body, items } = await deliver({
				headers: { 'content-type': 'application/x-www-form-urlencoded' },
				body: { job: JSON.stringify(job) },
			});
			expect({ status, refused: body.message }).toEqual({ status: 200, refused: undefined });
			const typed = items[0].job as IDataObject;
			const expected: Record<string, unknown> = {
				job_id: String(text),
				order_id: String(text),
				auto_approve: text === '1',
			};
			expect(typed[name]).toBe(name in expected ? expected[name] : Number(text));
			if (name === 'eta')
				expect(Date.parse(typed.etaIso as string) - Date.parse(items[0].receivedAt as string)).toBe(
					Number(text) * 1000,
				);
			if (name === 'ctime')
				expect(typed.ctimeIso).toBe(new Date(Number(text) * 1000).toISOString());
		},
	);

	it('a numeric-looking custom_data stays a string with every digit', async () => {
		const job = { job_id: '1', status: 'approved', custom_data: '12345678901234567890' };
		const { items } = await deliver({
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: { job: JSON.stringify(job) },
		});
		expect(items[0].customData).toBe('12345678901234567890');
		expect((items[0].job as IDataObject).custom_data).toBe('12345678901234567890');
	});

	it.each([
		['{"cms_id":"page-42"}', { cms_id: 'page-42' }],
		['[1,2]', [1, 2]],
		['"quoted"', '"quoted"'],
		['true', 'true'],
		['null', 'null'],
		['{internal_id: 2311}', '{internal_id: 2311}'],
		['1234567日本語', '1234567日本語'],
	])('custom_data %s → %j (only JSON objects and arrays are parsed)', async (text, expected) => {
		const job = { job_id: '1', status: 'approved', custom_data: text };
		const { items } = await deliver({
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: { job: JSON.stringify(job) },
		});
		expect(items[0].customData).toEqual(expected);
	});
});

/** Answers every request with the corpus file it is given (status as recorded, 200 where the source has none). */
class AnswerServer extends LocalServer {
	answer: CorpusAnswer | undefined;

	readonly paths: string[] = [];

	protected handle(req: IncomingMessage, res: ServerResponse): void {
		this.paths.push(new URL(req.url ?? '/', 'http://x').pathname);
		res.writeHead(this.answer?.status ?? 200, { 'content-type': 'application/json' });
		res.end(JSON.stringify(this.answer?.body));
	}
}

describe('Gengo corpus: every published API answer, read by the code that calls that endpoint', () => {
	let server: AnswerServer;
	beforeAll(async () => {
		server = await new AnswerServer().start();
	});
	afterAll(async () => server.stop());

	const ctx = () =>
		fakeExecuteContext({
			credentials: {
				gengoApi: {
					environment: 'custom',
					baseUrl: `${server.url}/v2`,
					publicKey: 'p',
					privateKey: 'k',
				},
			},
		}).ctx;

	/** The call our code makes for an endpoint of the corpus. */
	const call = (endpoint: string): (() => Promise<unknown>) => {
		switch (endpoint) {
			case 'GET /v2/translate/job/{id}':
				return () => getJob(ctx(), '384985');
			case 'GET /v2/translate/jobs/{ids}':
				// the ids the answer lists: jobs not asked for are dropped (see the test below)
				return () =>
					getJobsByIds(
						ctx(),
						(server.answer!.body.response as { jobs: Array<{ job_id: unknown }> }).jobs.map((j) =>
							String(j.job_id),
						),
					);
			case 'GET /v2/translate/jobs':
				return () => listJobs(ctx(), { count: 10 });
			case 'GET /v2/translate/job/{id}/comments':
				return () => getJobComments(ctx(), '384985');
			case 'GET /v2/translate/job/{id}/revisions':
				return () => getJobRevisions(ctx(), '384988');
			case 'GET /v2/translate/job/{id}/revision/{rev_id}':
				return () => getJobRevision(ctx(), '384988', '3333759');
			case 'GET /v2/translate/job/{id}/feedback':
				return () => getJobFeedback(ctx(), '384985');
			case 'GET /v2/translate/order/{id}':
				return () => getOrder(ctx(), '232');
			case 'GET /v2/account/balance':
				return () => getAccount(ctx(), 'balance');
			case 'GET /v2/account/stats':
				return () => getAccount(ctx(), 'stats');
			case 'GET /v2/translate/service/language_pairs': {
				// the published examples filter by lc_src=de, except the complete list
				const source = server.answer!.file.includes('-all-') ? '' : 'de';
				return () => gengoLanguagePairs(ctx(), source);
			}
			case 'GET /v2/translate/service/languages':
				return () => gengoLanguages(ctx());
			case 'POST /v2/translate/service/quote':
				return () => quoteJob(ctx(), contentFor(server.answer!), pair);
			case 'POST /v2/translate/jobs':
				return () => orderJob(ctx(), { kind: 'text', text: 'Any value' }, pair);
			case 'PUT /v2/translate/job/{id}':
				return () => updateJob(ctx(), '384985', { action: 'approve' });
			case 'POST /v2/translate/job/{id}/comment':
				return () => commentOnJob(ctx(), '384985', 'Thanks!');
			case 'DELETE /v2/translate/order/{id}':
				return () => cancelOrder(ctx(), '232');
			default:
				return () => Promise.resolve(undefined);
		}
	};
	const pair = { lcSrc: 'en', lcTgt: 'ja', tier: 'standard', slug: 'corpus' };
	/** A quote answer's job_1 is a file job's (it has an identifier) or a text job's. */
	const contentFor = (answer: CorpusAnswer): JobContent =>
		JSON.stringify(answer.body).includes('"identifier"')
			? {
					kind: 'file',
					file: {
						open: async () => Buffer.from('one two three'),
						size: 13,
						fileName: 'video_on_demand.txt',
						mimeType: 'text/plain',
					},
				}
			: { kind: 'text', text: 'Any value' };

	const ok = answers.filter((a) => a.body.opstat === 'ok');
	const errors = answers.filter((a) => a.body.opstat !== 'ok');

	it('covers every endpoint we call', () => {
		expect(new Set(answers.map((a) => a.endpoint))).toEqual(
			new Set([
				'GET /v2/translate/job/{id}',
				'GET /v2/translate/jobs/{ids}',
				'GET /v2/translate/jobs',
				'GET /v2/translate/job/{id}/comments',
				'GET /v2/translate/job/{id}/revisions',
				'GET /v2/translate/job/{id}/revision/{rev_id}',
				'GET /v2/translate/job/{id}/feedback',
				'GET /v2/translate/order/{id}',
				'DELETE /v2/translate/order/{id}',
				'GET /v2/account/balance',
				'GET /v2/account/stats',
				'POST /v2/translate/jobs',
				'PUT /v2/translate/job/{id}',
				'POST /v2/translate/job/{id}/comment',
				'GET /v2/translate/service/language_pairs',
				'GET /v2/translate/service/languages',
				'POST /v2/translate/service/quote',
			]),
		);
	});

	it.each(ok.map((a) => [a.file, a] as const))('%s', async (_file, answer) => {
		server.answer = answer;
		const response = answer.body.response as Record<string, unknown> | unknown[];
		const out = await call(answer.endpoint)();
		switch (answer.endpoint) {
			case 'GET /v2/translate/job/{id}': {
				const raw = (response as { job: Record<string, unknown> }).job;
				expect(out).toMatchObject({ job_id: String(raw.job_id), status: raw.status });
				expect((out as IDataObject).eta).toBe(raw.eta === '' ? null : raw.eta);
				if (raw.custom_data !== undefined)
					expect((out as IDataObject).custom_data).toBe(raw.custom_data);
				break;
			}
			case 'GET /v2/translate/jobs/{ids}': {
				const raw = (response as { jobs: Array<Record<string, unknown>> }).jobs;
				expect((out as IDataObject[]).map((j) => [j.job_id, j.status])).toEqual(
					raw.map((j) => [String(j.job_id), j.status]),
				);
				break;
			}
			case 'GET /v2/translate/jobs': {
				const raw = response as Array<{ job_id: unknown; ctime: unknown }>;
				expect(out).toEqual(
					raw.map((j) => ({
						job_id: String(j.job_id),
						ctime: typeof j.ctime === 'number' ? j.ctime : undefined,
					})),
				);
				break;
			}
			case 'GET /v2/translate/job/{id}/comments':
				expect(out).toEqual(
					(response as { thread: IDataObject[] }).thread.map((c) => ({ job_id: '384985', ...c })),
				);
				break;
			case 'GET /v2/translate/job/{id}/revisions':
				expect((out as IDataObject[]).length).toBe(
					(response as { revisions: unknown[] }).revisions.length,
				);
				break;
			case 'GET /v2/translate/job/{id}/revision/{rev_id}':
				expect(out).toEqual({
					job_id: '384988',
					rev_id: '3333759',
					...(response as { revision: object }).revision,
				});
				expect(server.paths.at(-1)).toBe('/v2/translate/job/384988/revision/3333759');
				break;
			case 'GET /v2/translate/job/{id}/feedback':
				expect(out).toEqual({
					job_id: '384985',
					...(response as { feedback: object }).feedback,
				});
				break;
			case 'GET /v2/translate/order/{id}':
				expect(out).toEqual((response as { order: object }).order);
				break;
			case 'GET /v2/account/balance':
			case 'GET /v2/account/stats':
				expect(out).toEqual(response);
				break;
			case 'POST /v2/translate/jobs': {
				const raw = response as { order_id?: unknown; jobs?: Record<string, unknown> };
				// duplicate detection: the jobs Gengo already has, keyed like the submission, each a list of Job payloads
				const existing = raw.jobs?.job_1;
				const lazy = Array.isArray(existing) ? (existing as Array<Record<string, unknown>>) : [];
				for (const job of lazy.filter((j) => Object.keys(j).length > 1))
					expect(parseApiJob(job)).toMatchObject({ job_id: String(job.job_id) });
				expect(out).toMatchObject({
					orderId: raw.order_id === undefined ? null : String(raw.order_id),
					alreadyOrdered: raw.order_id === undefined && lazy.length > 0,
					jobIds: lazy.map((j) => String(j.job_id)),
				});
				break;
			}
			case 'DELETE /v2/translate/order/{id}': {
				const order = (response as { order: { jobs_cancelled: string[] } }).order;
				expect(order.jobs_cancelled).toEqual(
					expect.arrayContaining([expect.stringMatching(/^\d+$/)]),
				);
				expect(out).toMatchObject({ orderId: '232', jobs_cancelled: order.jobs_cancelled });
				break;
			}
			case 'PUT /v2/translate/job/{id}':
				expect(out).toEqual({ jobId: '384985', action: 'approve' });
				expect(server.paths.at(-1)).toBe('/v2/translate/job/384985');
				break;
			case 'POST /v2/translate/job/{id}/comment':
				expect(out).toEqual({ jobId: '384985', body: 'Thanks!' });
				expect(server.paths.at(-1)).toBe('/v2/translate/job/384985/comment');
				break;
			case 'GET /v2/translate/service/language_pairs': {
				const raw = response as Array<Record<string, unknown>>;
				expect(out).toEqual(
					raw.map((p) => ({
						lcSrc: p.lc_src,
						lcTgt: p.lc_tgt,
						tier: p.tier,
						unitPrice: String(p.unit_price),
						currency: (p.currency as string | undefined) ?? '',
					})),
				);
				break;
			}
			case 'GET /v2/translate/service/languages':
				expect(
					(out as Array<{ lc: string; language: string }>).map((l) => [l.lc, l.language]),
				).toEqual(
					(response as Array<{ lc: string; language: string }>).map((l) => [l.lc, l.language]),
				);
				break;
			case 'POST /v2/translate/service/quote': {
				const jobs = (response as { jobs: unknown }).jobs;
				const first = (
					Array.isArray(jobs)
						? (jobs[0] as { job_1: object }).job_1
						: (jobs as { job_1: object }).job_1
				) as Record<string, unknown>;
				expect(out).toMatchObject({
					unit_count: first.unit_count,
					credits: first.credits,
					type: first.identifier ? 'file' : 'text',
					...(first.identifier ? { identifier: first.identifier } : {}),
				});
				break;
			}
			default:
				throw new Error(`no check for ${answer.endpoint}`);
		}
	});

	it("a file the quote refuses inside an answer that is ok as a whole: Gengo's code, the file's name", async () => {
		const published = answers.find((a) => a.file === 'api-quote-files-2013-docs.json')!;
		const refusal = (published.body.response as { jobs: Record<string, unknown> }).jobs.job_3;
		server.answer = {
			...published,
			body: { opstat: 'ok', response: { jobs: { job_1: refusal } } },
		};
		const failure = await quoteJob(ctx(), contentFor(published), pair).catch((e: unknown) => e);
		expect(failure).toBeInstanceOf(GengoApiError);
		expect((failure as GengoApiError).message).toBe(
			'Gengo refused the file "video_on_demand.txt": file "sushi_en.doc" (code 1802)',
		);
		expect((failure as GengoApiError).vendorCode).toBe(1802);
	});

	it.each(
		ok
			.filter((a) => a.endpoint === 'GET /v2/translate/jobs/{ids}')
			.map((a) => [a.file, a] as const),
	)(
		'%s asked for its first job only: the other job of the answer is dropped with a warning',
		async (_file, answer) => {
			server.answer = answer;
			const [first, other] = (answer.body.response as { jobs: Array<{ job_id: unknown }> }).jobs;
			const fake = fakeExecuteContext({
				credentials: {
					gengoApi: {
						environment: 'custom',
						baseUrl: `${server.url}/v2`,
						publicKey: 'p',
						privateKey: 'k',
					},
				},
			});
			const out = await getJobsByIds(fake.ctx, [String(first.job_id)]);
			expect(server.paths.at(-1)).toBe(`/v2/translate/jobs/${String(first.job_id)}`);
			expect(out.map((j) => j.job_id)).toEqual([String(first.job_id)]);
			expect(fake.logs).toEqual([
				expect.stringMatching(
					new RegExp(`^warn: .*1 job\\(s\\) not asked for.*\\(${String(other.job_id)}\\)`),
				),
			]);
		},
	);

	it.each(errors.map((a) => [a.file, a] as const))(
		"%s: a GengoApiError with Gengo's message and code",
		async (_file, answer) => {
			server.answer = answer;
			const err = answer.body.err as Record<string, unknown>;
			const first = (
				err.msg !== undefined ? err : (Object.values(err).flat()[0] as Record<string, unknown>)
			) as { msg: string; code?: number };
			const failure = await call(answer.endpoint)().catch((error: unknown) => error);
			expect(failure).toBeInstanceOf(GengoApiError);
			expect((failure as GengoApiError).message).toContain(first.msg);
			expect((failure as GengoApiError).vendorCode).toBe(first.code);
		},
	);
});

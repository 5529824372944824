/* eslint-disable @n8n/community-nodes/no-restricted-imports -- developer tooling: runs in Node.js, never inside n8n, so n8n's rules for node code do not apply (CONTRIBUTING.md, "Lint") */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

import balanceAnswer from '../fixtures/public/gengo/api-account-balance-sandbox.json';
import pairsCurrentDocs from '../fixtures/public/gengo/api-language-pairs-current-docs.json';
import languagesCurrentDocs from '../fixtures/public/gengo/api-languages-current-docs.json';
import orderDeleteAnswer from '../fixtures/public/gengo/api-order-delete-current-docs.json';
import quoteFilesAnswer from '../fixtures/public/gengo/api-quote-files-2013-docs.json';
import statsAnswer from '../fixtures/public/gengo/api-account-stats-sandbox.json';
import noFeedbackAnswer from '../fixtures/public/gengo/api-job-feedback-sandbox.json';
import jobCurrentDocs from '../fixtures/public/gengo/api-job-get-current-docs.json';
import jobEtaEmpty from '../fixtures/public/gengo/api-job-get-eta-empty.json';
import notFoundAnswer from '../fixtures/public/gengo/api-error-not-found.json';
import orderAnswer from '../fixtures/public/gengo/api-order-get-current-docs.json';
import unauthorizedRevisionAnswer from '../fixtures/public/gengo/api-error-unauthorized-revision.json';
import { LocalServer } from './localServer';

/**
 * A local Gengo API v2 for tests (base URL `<url>/v2`) on the paths of https://developers.gengo.com/v2/api_methods/
 * and Gengo's clients, answering in Gengo's envelope with the published answers of the public corpus
 * (test/fixtures/public/gengo) as templates:
 * - a job is the Job GET answer of Gengo's 2013 docs (numbers as strings, `"eta": ""`: style `strings`, the
 *   default) or of the current docs (numbers as numbers: style `numbers`), with the simulated job's fields;
 * - an unknown job or order is `{"opstat": "error", "err": {"msg": "Not Found", "code": 404}}` with HTTP 200, an
 *   unknown revision Gengo's `{"code": 2200, "msg": "unauthorized revision access"}`, also with HTTP 200;
 * - a wrong signature is HTTP 401 with an error envelope: every call's `api_key` must be the public key, `api_sig`
 *   the hex HMAC-SHA1 of `ts` with the private key, `ts` within five minutes;
 * - `GET /translate/jobs` lists `{job_id, ctime}` newest first, filtered by `status` and `timestamp_after`
 *   (submission time), `count` 1..200 (10 without it, unless timestamp_after is given: then all);
 * - one revision is at `/revision/{rev_id}` (singular); `/revisions/{x}` is no API method;
 * - `rateLimit(n)` answers the next n calls 429 with Retry-After;
 * - translated files are served without a signature at `<url>/files/<name>` (404 while the job's file is not
 *   ready: a file job answers `file_download_ready: false` for its first `notReadyFor` Job GETs).
 * `nextEvent()` changes the account as Gengo would for one new event (see there).
 *
 * Ordering (https://developers.gengo.com/v2/api_methods/service/, .../jobs/, .../job/, .../order/): POST and PUT
 * calls are signed in their body, as Gengo's clients send them (form-encoded `api_key`, `ts`, `api_sig` and
 * `data`, a JSON text; multipart fields when files go with it), a DELETE in its query:
 * - `GET /translate/service/languages` and `.../language_pairs` (optionally `?lc_src=`) answer `languages` and
 *   `languagePairs` (default: the published examples' entries and more in their shape);
 * - `POST /translate/service/quote` quotes text jobs (unit_count: words, credits: units × unit price) and file
 *   jobs (multipart, the file under the job's `file_key`), answering a file's `identifier` in the published file
 *   quote's shape;
 * - `POST /translate/jobs` orders: a new order (`order_id`, `job_count`, `credits_used`, `currency`) whose jobs
 *   are `available` with the payload's fields (a file job by a quoted identifier), recorded in `orders`; a text
 *   job whose content was ordered and translated before comes back as the existing job unless `force` is 1
 *   (Gengo's duplicate detection, "lazy loading");
 * - `DELETE /translate/order/{id}` cancels its available jobs; `PUT /translate/job/{id}` approves, returns for
 *   revision or rejects a reviewable job; `POST /translate/job/{id}/comment` adds to its thread (`jobActions`);
 * - `failNext(call, fault)` makes the next such call fail after Gengo received and recorded it: HTTP 500, the
 *   connection dropped without an answer, or no answer at all (the client's timeout);
 * - `translate(jobId)` does a translator's work (text: `[lc_tgt] ` + the source; file: the same prefix + the
 *   file's bytes) and POSTs the callback Gengo sends to the job's `callback_url`, as given at ordering.
 */
export interface SimulatedGengoJob {
	job_id: string;
	status: string;
	/** submission time, Unix seconds (default: an hour before the simulator was made) */
	ctime?: number;
	order_id?: string;
	/** which published Job GET answer the payload follows (default `strings`) */
	style?: 'strings' | 'numbers';
	body_src?: string;
	body_tgt?: string;
	/** default: the template's (`"1234567"` in the strings style, none in the numbers style); null: none */
	custom_data?: string | null;
	callback_url?: string;
	file?: {
		name: string;
		content: string | Buffer;
		contentType: string;
		contentDisposition?: string;
		/** how many Job GETs answer `file_download_ready: false` (the file link then answers 404) */
		notReadyFor?: number;
	};
	/** a file job's source file (ordered through the simulator) */
	source?: { name: string; content: Buffer; contentType: string };
	comments?: Array<{ body: string; author: string; ctime: number }>;
	revisions?: Array<{ rev_id: string; ctime: number; body_tgt: string }>;
	feedback?: { rating: string; for_translator: string | null };
	/** fields set on the payload last (anything Gengo might send) */
	extra?: Record<string, unknown>;
}

export interface GengoSimulatorOptions {
	publicKey: string;
	privateKey: string;
	jobs: SimulatedGengoJob[];
	/** what `GET /translate/service/language_pairs` lists (default: DEFAULT_LANGUAGE_PAIRS) */
	languagePairs?: GengoLanguagePairEntry[];
}

export interface GengoLanguagePairEntry {
	lc_src: string;
	lc_tgt: string;
	tier: string;
	unit_price: number | string;
	currency?: string;
}

/**
 * The published example's pairs (de → en, standard and pro) and, in the same shape, the pairs the tests order:
 * en → ja, de, fr; ja → en.
 */
export const DEFAULT_LANGUAGE_PAIRS: GengoLanguagePairEntry[] = [
	...(pairsCurrentDocs.body.response as GengoLanguagePairEntry[]),
	...['ja', 'de', 'fr'].flatMap((lc_tgt) => [
		{ unit_price: 0.06, lc_tgt, lc_src: 'en', tier: 'standard', currency: 'USD' },
		{ unit_price: 0.12, lc_tgt, lc_src: 'en', tier: 'pro', currency: 'USD' },
	]),
	{ unit_price: 0.05, lc_tgt: 'en', lc_src: 'ja', tier: 'standard', currency: 'USD' },
];

/** The published example's languages and, in their shape, the others of DEFAULT_LANGUAGE_PAIRS. */
export const DEFAULT_LANGUAGES = [
	...(languagesCurrentDocs.body.response as Array<Record<string, string>>),
	{ unit_type: 'word', lc: 'de', localized_name: 'Deutsch', language: 'German' },
	{ unit_type: 'word', lc: 'fr', localized_name: 'Français', language: 'French' },
];

/** The calls `failNext` can make fail. */
export type GengoCall = 'quote' | 'order' | 'cancel' | 'jobUpdate' | 'comment';

/**
 * How a failing call fails, always after Gengo received the request and did what it asked: `http500`, `drop`
 * (the connection closed without an answer), `hang` (no answer until the client gives up).
 */
export type GengoFault = 'http500' | 'drop' | 'hang';

/** One multipart field or file of a request. */
interface Part {
	name: string;
	filename?: string;
	contentType?: string;
	data: Buffer;
}

const TEMPLATES = {
	strings: jobEtaEmpty.body.response.job as Record<string, unknown>,
	numbers: jobCurrentDocs.body.response.job as Record<string, unknown>,
};

/** The statuses Order GET groups, under Gengo's keys (jobs_cancelled, jobs_held: Order GET's spellings). */
const ORDER_GROUPS: Record<string, string> = {
	available: 'jobs_available',
	pending: 'jobs_pending',
	reviewable: 'jobs_reviewable',
	approved: 'jobs_approved',
	revising: 'jobs_revising',
	canceled: 'jobs_cancelled',
	cancelled: 'jobs_cancelled',
	hold: 'jobs_held',
	held: 'jobs_held',
};

/** What a job's next status is when nextEvent() moves it on (the usual path of https://developers.gengo.com/v2/job_statuses/). */
const NEXT_STATUS: Record<string, string> = {
	queued: 'available',
	available: 'pending',
	pending: 'reviewable',
	revising: 'reviewable',
	reviewable: 'approved',
};

/**
 * The eventKey our trigger gives a job event (README "Gengo eventKey"), written out here on its own so the tests
 * check the nodes against the rule, not against themselves.
 */
export function expectedJobEventKey(jobId: string, status: string, bodyTgt?: string): string {
	const canonical =
		({ cancelled: 'canceled', held: 'hold' } as Record<string, string>)[status] ?? status;
	const hash =
		canonical === 'reviewable' && bodyTgt
			? `:${createHash('sha256').update(bodyTgt).digest('hex').slice(0, 16)}`
			: '';
	return `gengo:job:${jobId}:${canonical}${hash}`;
}

/**
 * The eventKey our triggers give a comment (README "Gengo eventKey"): job, ctime and the first 16 hex digits of
 * SHA-256 of the text (written out on its own, like expectedJobEventKey).
 */
export function expectedCommentEventKey(jobId: string, ctime: number | undefined, body: string) {
	const hash = createHash('sha256').update(body).digest('hex').slice(0, 16);
	return `gengo:comment:${jobId}:${ctime === undefined ? '' : `${ctime}:`}${hash}`;
}

export class GengoSimulator extends LocalServer {
	/**
	 * every API call (not file downloads): path, whether it was signed, its query without the signature; for a
	 * POST or PUT the method, its `data` parameter parsed and the names of the files sent with it
	 */
	readonly requests: Array<{
		path: string;
		signed: boolean;
		query?: Record<string, string>;
		method?: string;
		data?: Record<string, unknown>;
		files?: Array<{ field: string; filename: string; size: number; contentType?: string }>;
	}> = [];

	/** every order Gengo created: its id, its jobs and the payload of each (as sent) */
	readonly orders: Array<{
		order_id: string;
		jobIds: string[];
		payloads: Array<Record<string, unknown>>;
	}> = [];

	/** every quote answered: the job's type, and for a file its name, size and identifier */
	readonly quotes: Array<{ type: string; fileName?: string; size?: number; identifier?: string }> =
		[];

	/** approvals, revision requests, rejections and comments Gengo accepted */
	readonly jobActions: Array<{ job_id: string; action: string; data: Record<string, unknown> }> =
		[];

	/** callbacks translate() delivered: the URL called (token included, as Gengo has it) and the HTTP answer */
	readonly callbacks: Array<{ url: string; job_id: string; status: number }> = [];

	private readonly uploads = new Map<
		string,
		{ name: string; content: Buffer; contentType: string; unitCount: number }
	>();

	private readonly faults = new Map<GengoCall, GengoFault>();

	private readonly hanging = new Set<ServerResponse>();

	private nextOrderId = 700000;

	private readonly defaultCtime = Math.floor(Date.now() / 1000) - 3600;

	private pendingRateLimits = 0;

	/** jobs nextEvent() changed */
	private readonly touched = new Set<string>();

	private retryAfter = '0';

	/**
	 * Jobs (ids of simulated jobs) that every `GET /translate/jobs/{ids}` answer lists besides the ones asked for:
	 * what a misbehaving API, proxy or cache could answer.
	 */
	unrequestedJobs: string[] = [];

	constructor(readonly options: GengoSimulatorOptions) {
		super();
	}

	/** What a credential's custom base URL should be. */
	get baseUrl(): string {
		return `${this.url}/v2`;
	}

	get jobs(): SimulatedGengoJob[] {
		return this.options.jobs;
	}

	job(jobId: string): SimulatedGengoJob {
		const job = this.options.jobs.find((j) => j.job_id === jobId);
		if (!job) throw new Error(`the simulator has no job ${jobId}`);
		return job;
	}

	/** The next `count` API calls are answered 429 with this Retry-After (seconds). */
	rateLimit(count: number, retryAfterSeconds = 0): void {
		this.pendingRateLimits = count;
		this.retryAfter = String(retryAfterSeconds);
	}

	/** The next `call` fails with `fault`, after Gengo received it and did what it asked. */
	failNext(call: GengoCall, fault: GengoFault): void {
		this.faults.set(call, fault);
	}

	async stop(): Promise<void> {
		for (const res of this.hanging) res.destroy();
		this.hanging.clear();
		await super.stop();
	}

	/** What `GET /translate/service/language_pairs` lists. */
	get languagePairs(): GengoLanguagePairEntry[] {
		return this.options.languagePairs ?? DEFAULT_LANGUAGE_PAIRS;
	}

	/**
	 * A translator's work on a job ordered through the simulator, then the callback Gengo sends: the job becomes
	 * `reviewable` (`approved` when it was ordered with auto_approve), with a translation (text: `[lc_tgt] ` and the
	 * source; file: the same prefix and the source file's bytes, under the source's name); the callback (form
	 * parameter `job`, the Job payload) goes to the job's callback_url as given at ordering. Answers the callback's
	 * HTTP status (0: no answer, undefined: the job has no callback_url).
	 */
	async translate(jobId: string): Promise<number | undefined> {
		const job = this.job(jobId);
		const extra = (job.extra ??= {});
		const prefix = `[${String(extra.lc_tgt ?? '')}] `;
		if (job.source) {
			job.file = {
				name: job.source.name,
				content: Buffer.concat([Buffer.from(prefix, 'utf8'), job.source.content]),
				contentType: job.source.contentType,
			};
		} else {
			job.body_tgt = `${prefix}${job.body_src ?? ''}`;
		}
		job.status = Number(extra.auto_approve) === 1 ? 'approved' : 'reviewable';
		if (!job.callback_url) return undefined;
		const status = await postCallback(job.callback_url, this.jobPayload(job));
		this.callbacks.push({ url: job.callback_url, job_id: job.job_id, status });
		return status;
	}

	/** The full Job payload the API answers (and a callback carries) for a simulated job. */
	jobPayload(job: SimulatedGengoJob): Record<string, unknown> {
		const style = job.style ?? 'strings';
		const number = (value: string | number) =>
			style === 'numbers' ? Number(value) : String(value);
		const payload: Record<string, unknown> = { ...TEMPLATES[style] };
		payload.job_id = number(job.job_id);
		payload.order_id = number(job.order_id ?? String(payload.order_id));
		payload.status = job.status;
		payload.ctime = job.ctime ?? this.defaultCtime;
		if (job.status === 'approved') payload.eta = -1;
		if (job.body_src !== undefined) payload.body_src = job.body_src;
		if (job.body_tgt !== undefined) payload.body_tgt = job.body_tgt;
		if (job.custom_data === null) delete payload.custom_data;
		else if (job.custom_data !== undefined) payload.custom_data = job.custom_data;
		if (job.callback_url !== undefined) payload.callback_url = job.callback_url;
		if (job.source && !job.file) {
			delete payload.body_src;
			delete payload.body_tgt;
			payload.type = 'file';
			payload.file_url_src = `${this.url}/files/src-${encodeURIComponent(job.source.name)}`;
			payload.file_download_ready = false;
		}
		if (job.file) {
			delete payload.body_src;
			delete payload.body_tgt;
			payload.type = 'file';
			payload.file_url_src = `${this.url}/files/src-${encodeURIComponent(job.file.name)}`;
			payload.file_url_tgt = `${this.url}/files/${job.source ? `${job.job_id}/` : ''}${encodeURIComponent(job.file.name)}`;
			payload.file_download_ready = !job.file.notReadyFor;
		}
		return { ...payload, ...job.extra };
	}

	/**
	 * One new event of the simulated account, as Gengo would have it, each on a job no earlier nextEvent() changed
	 * (so a catch-up that compares snapshots sees every one of them, however many happen between two polls): the
	 * first such job that can move on takes its next status (queued → available → pending → reviewable, with a
	 * translation → approved; revising → reviewable), else a new job is submitted (available, now).
	 * The account's API shows the change at once; `deliver` POSTs the callback Gengo would send for it to `url`
	 * (the trigger's Production URL) with `?token=<secret>`, and answers the HTTP status (0: no answer); `eventKey`
	 * is the key our triggers (webhook and catch-up) give the event.
	 */
	nextEvent(): { deliver(url: string, secret: string): Promise<number>; eventKey: string } {
		let job = this.options.jobs.find((j) => NEXT_STATUS[j.status] && !this.touched.has(j.job_id));
		if (job) {
			job.status = NEXT_STATUS[job.status];
			if (job.status === 'reviewable' && !job.file)
				job.body_tgt = `Übersetzung von Auftrag ${job.job_id}, Fassung ${(job.revisions?.length ?? 0) + 1}.`;
		} else {
			const last = Math.max(0, ...this.options.jobs.map((j) => Number(j.job_id)));
			job = {
				job_id: String(last + 1),
				status: 'available',
				ctime: Math.floor(Date.now() / 1000),
			};
			this.options.jobs.push(job);
		}
		this.touched.add(job.job_id);
		const payload = this.jobPayload(job);
		return {
			eventKey: expectedJobEventKey(
				job.job_id,
				job.status,
				typeof payload.body_tgt === 'string' ? payload.body_tgt : undefined,
			),
			deliver: async (url: string, secret: string) => {
				const target = new URL(url);
				target.searchParams.set('token', secret);
				return await postCallback(target.toString(), payload);
			},
		};
	}

	private signatureValid(query: { get(name: string): string | null }): boolean {
		const ts = query.get('ts') ?? '';
		if (query.get('api_key') !== this.options.publicKey || !/^\d+$/.test(ts)) return false;
		if (Math.abs(Date.now() / 1000 - Number(ts)) > 300) return false;
		const expected = Buffer.from(
			createHmac('sha1', this.options.privateKey).update(ts).digest('hex'),
		);
		const given = Buffer.from(query.get('api_sig') ?? '');
		return given.length === expected.length && timingSafeEqual(given, expected);
	}

	protected async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const url = new URL(req.url ?? '/', 'http://localhost');
		const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
			res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
			res.end(JSON.stringify(body));
		};
		const ok = (response: unknown) => send(200, { opstat: 'ok', response });
		// Gengo answers refusals of known methods with HTTP 200 and opstat "error"
		const refused = (body: unknown) => send(200, body);
		const error = (status: number, code: number, msg: string) =>
			send(status, { opstat: 'error', err: { code, msg } });

		const file = /^\/files\/(?:(\d+)\/)?(.+)$/.exec(url.pathname);
		if (req.method === 'GET' && file) {
			const name = decodeURIComponent(file[2]);
			// a job ordered through the simulator has its file under its id: two jobs may have files of one name
			const job = this.options.jobs.find(
				(j) => j.file?.name === name && (file[1] === undefined || j.job_id === file[1]),
			);
			if (!job?.file || job.file.notReadyFor) return void res.writeHead(404).end();
			res.writeHead(200, {
				'content-type': job.file.contentType,
				...(job.file.contentDisposition
					? { 'content-disposition': job.file.contentDisposition }
					: {}),
			});
			return void res.end(job.file.content);
		}

		const query = Object.fromEntries(
			[...url.searchParams].filter(([key]) => !['api_key', 'ts', 'api_sig'].includes(key)),
		);
		let signed: boolean;
		let body: { fields: Map<string, string>; files: Part[] } | undefined;
		if (req.method === 'POST' || req.method === 'PUT') {
			// Gengo's clients sign a POST or PUT in its body (form fields or multipart fields)
			body = await readBody(req);
			signed = this.signatureValid({ get: (name) => body!.fields.get(name) ?? null });
			let data: Record<string, unknown> | undefined;
			try {
				data = JSON.parse(body.fields.get('data') ?? 'null') as Record<string, unknown>;
			} catch {
				data = undefined;
			}
			this.requests.push({
				path: url.pathname,
				signed,
				query,
				method: req.method,
				data,
				files: body.files
					.filter((f) => f.filename !== undefined)
					.map((f) => ({
						field: f.name,
						filename: f.filename as string,
						size: f.data.length,
						contentType: f.contentType,
					})),
			});
		} else {
			signed = this.signatureValid(url.searchParams);
			this.requests.push({
				path: url.pathname,
				signed,
				query,
				...(req.method === 'GET' ? {} : { method: req.method }),
			});
		}
		if (this.pendingRateLimits > 0) {
			this.pendingRateLimits--;
			res.setHeader('retry-after', this.retryAfter);
			return error(429, 429, 'Too Many Requests');
		}
		if (!['GET', 'POST', 'PUT', 'DELETE'].includes(req.method ?? ''))
			return error(405, 1000, 'method not supported by the simulator');
		if (!signed) return error(401, 1000, 'api_sig is invalid or the api_key is not recognized');
		if (req.method !== 'GET')
			return this.handleWrite(req.method as 'POST' | 'PUT' | 'DELETE', url, body, res);

		const path = url.pathname.replace(/^\/v2/, '');
		const jobOf = (id: string) => this.options.jobs.find((j) => j.job_id === id);
		const notFound = () => refused(notFoundAnswer.body);
		let m: RegExpExecArray | null;

		if (path === '/translate/service/languages') return ok(DEFAULT_LANGUAGES);
		if (path === '/translate/service/language_pairs') {
			const source = url.searchParams.get('lc_src');
			return ok(this.languagePairs.filter((p) => !source || p.lc_src === source));
		}
		if (path === '/account/balance') return ok(balanceAnswer.body.response);
		if (path === '/account/stats') return ok(statsAnswer.body.response);
		if (path === '/translate/jobs') {
			const status = url.searchParams.get('status');
			const after = url.searchParams.get('timestamp_after');
			const countText = url.searchParams.get('count');
			const count = countText === null ? (after === null ? 10 : Infinity) : Number(countText);
			if (countText !== null && !(count >= 1 && count <= 200))
				return refused({ opstat: 'error', err: { code: 1001, msg: 'count must be 1 to 200' } });
			const listed = this.options.jobs
				.filter((j) => !status || j.status === status)
				.filter((j) => after === null || (j.ctime ?? this.defaultCtime) > Number(after))
				.sort(
					(a, b) =>
						(b.ctime ?? this.defaultCtime) - (a.ctime ?? this.defaultCtime) ||
						Number(b.job_id) - Number(a.job_id),
				)
				.slice(0, count);
			return ok(listed.map((j) => ({ ctime: j.ctime ?? this.defaultCtime, job_id: j.job_id })));
		}
		if ((m = /^\/translate\/jobs\/([\d,]+)$/.exec(path))) {
			const ids = m[1].split(',');
			if (ids.some((id) => !jobOf(id))) return notFound();
			return ok({
				jobs: [...ids, ...this.unrequestedJobs].map((id) => this.jobPayload(jobOf(id)!)),
			});
		}
		if ((m = /^\/translate\/job\/(\d+)(\/.*)?$/.exec(path))) {
			const job = jobOf(m[1]);
			const rest = m[2] ?? '';
			if (!job) return notFound();
			if (rest === '') {
				const payload = this.jobPayload(job);
				if (job.file?.notReadyFor) job.file.notReadyFor--;
				return ok({ job: payload });
			}
			if (rest === '/comments') return ok({ thread: job.comments ?? [] });
			if (rest === '/revisions')
				return ok({
					job_id: job.job_id,
					revisions: (job.revisions ?? []).map(({ rev_id, ctime }) => ({ ctime, rev_id })),
				});
			const rev = /^\/revision\/([A-Za-z0-9_-]+)$/.exec(rest);
			if (rev) {
				const revision = (job.revisions ?? []).find((r) => r.rev_id === rev[1]);
				return revision
					? ok({ revision: { ctime: revision.ctime, body_tgt: revision.body_tgt } })
					: refused(unauthorizedRevisionAnswer.body);
			}
			if (rest === '/feedback')
				return ok({ feedback: job.feedback ?? noFeedbackAnswer.body.response.feedback });
		}
		if ((m = /^\/translate\/order\/(\d+)$/.exec(path))) {
			const template = orderAnswer.body.response.order as Record<string, unknown>;
			const jobs = this.options.jobs.filter(
				(j) => (j.order_id ?? String(TEMPLATES.strings.order_id)) === m![1],
			);
			if (!jobs.length) return notFound();
			const order: Record<string, unknown> = { ...template, order_id: m[1] };
			for (const key of new Set(Object.values(ORDER_GROUPS))) order[key] = [];
			for (const job of jobs) {
				const group = ORDER_GROUPS[job.status];
				if (group) (order[group] as string[]).push(job.job_id);
			}
			order.jobs_queued = jobs.filter((j) => j.status === 'queued').length;
			order.total_jobs = String(jobs.length);
			return ok({ order });
		}
		return error(404, 1000, `no such API method: ${path}`);
	}

	/** The answer helpers of one response. */
	private answering(res: ServerResponse) {
		const send = (status: number, body: unknown) => {
			res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
			res.end(JSON.stringify(body));
		};
		return {
			ok: (response: unknown) => send(200, { opstat: 'ok', response }),
			// Gengo answers refusals of known methods with HTTP 200 and opstat "error"
			refused: (code: number, msg: string) => send(200, { opstat: 'error', err: { code, msg } }),
			error: (status: number, code: number, msg: string) =>
				send(status, { opstat: 'error', err: { code, msg } }),
		};
	}

	/**
	 * Answers a call that did its work, or fails it the way failNext() asked (the work is done either way: the
	 * fault comes after Gengo received the request).
	 */
	private done(call: GengoCall, res: ServerResponse, response: unknown): void {
		const fault = this.faults.get(call);
		this.faults.delete(call);
		if (fault === 'http500') return this.answering(res).error(500, 500, 'Internal Server Error');
		if (fault === 'drop') return void res.socket?.destroy();
		if (fault === 'hang') return void this.hanging.add(res);
		return this.answering(res).ok(response);
	}

	private pairOf(job: Record<string, unknown>): GengoLanguagePairEntry | undefined {
		return this.languagePairs.find(
			(p) => p.lc_src === job.lc_src && p.lc_tgt === job.lc_tgt && p.tier === job.tier,
		);
	}

	private handleWrite(
		method: 'POST' | 'PUT' | 'DELETE',
		url: URL,
		body: { fields: Map<string, string>; files: Part[] } | undefined,
		res: ServerResponse,
	): void {
		const { refused, error } = this.answering(res);
		const path = url.pathname.replace(/^\/v2/, '');
		let data: Record<string, unknown> = {};
		try {
			data = JSON.parse(body?.fields.get('data') ?? '{}') as Record<string, unknown>;
		} catch {
			return refused(400, 'data is not JSON');
		}
		const jobs = (data.jobs ?? {}) as Record<string, Record<string, unknown>>;
		let m: RegExpExecArray | null;

		if (method === 'POST' && path === '/translate/service/quote') {
			const quoted: Record<string, unknown> = {};
			for (const [key, job] of Object.entries(jobs)) {
				const pair = this.pairOf(job);
				if (!pair) return refused(1551, `unsupported language pair or tier for ${key}`);
				if (job.type === 'file') {
					const file = body?.files.find((f) => f.name === job.file_key && f.filename !== undefined);
					if (!file) return refused(1801, `no file for ${key}`);
					const identifier = createHash('sha256')
						.update(file.data)
						.update(`${pair.lc_src}:${pair.lc_tgt}:${pair.tier}`)
						.digest('hex');
					const unitCount = words(file.data.toString('utf8'));
					this.uploads.set(identifier, {
						name: file.filename as string,
						content: file.data,
						contentType: file.contentType ?? 'application/octet-stream',
						unitCount,
					});
					this.quotes.push({
						type: 'file',
						fileName: file.filename,
						size: file.data.length,
						identifier,
					});
					const template = quoteFilesAnswer.body.response.jobs.job_1 as Record<string, unknown>;
					quoted[key] = {
						...template,
						unit_count: unitCount,
						credits: (unitCount * Number(pair.unit_price)).toFixed(2),
						eta: 25056,
						identifier,
						lc_src: pair.lc_src,
						title: file.filename,
					};
					delete (quoted[key] as Record<string, unknown>).order_id;
				} else {
					const unitCount = words(String(job.body_src ?? ''));
					this.quotes.push({ type: 'text' });
					quoted[key] = {
						type: 'text',
						unit_count: unitCount,
						credits: Number((unitCount * Number(pair.unit_price)).toFixed(2)),
						eta: 25056,
						currency: pair.currency ?? 'USD',
						lc_src_detected: pair.lc_src,
					};
				}
			}
			return this.done('quote', res, { jobs: quoted });
		}

		if (method === 'POST' && path === '/translate/jobs') {
			const created: SimulatedGengoJob[] = [];
			const existing: Record<string, unknown[]> = {};
			let credits = 0;
			for (const [key, job] of Object.entries(jobs)) {
				let source: SimulatedGengoJob['source'];
				let unitCount: number;
				let settings = job;
				if (job.type === 'file') {
					const upload = this.uploads.get(String(job.identifier ?? ''));
					if (!upload) return refused(1802, `unknown identifier for ${key}`);
					source = { name: upload.name, content: upload.content, contentType: upload.contentType };
					unitCount = upload.unitCount;
				} else {
					if (!String(job.body_src ?? '').trim())
						return refused(1350, '"body_src" is a required field');
					unitCount = words(String(job.body_src));
					// duplicate detection ("lazy loading"): content ordered and translated before is not ordered again
					const old = this.options.jobs.filter(
						(j) =>
							!j.source &&
							j.body_src === job.body_src &&
							j.extra?.lc_src === job.lc_src &&
							j.extra?.lc_tgt === job.lc_tgt &&
							j.extra?.tier === job.tier &&
							(j.status === 'reviewable' || j.status === 'approved'),
					);
					if (old.length && Number(job.force) !== 1) {
						existing[key] = old.map((j) => this.jobPayload(j));
						continue;
					}
				}
				const pair = this.pairOf(settings);
				if (!pair) return refused(1551, `unsupported language pair or tier for ${key}`);
				settings = { ...settings };
				const last = Math.max(0, ...this.options.jobs.map((j) => Number(j.job_id)));
				created.push({
					job_id: String(last + 1 + created.length),
					status: 'available',
					ctime: Math.floor(Date.now() / 1000),
					body_src: source ? undefined : String(job.body_src),
					custom_data: typeof job.custom_data === 'string' ? job.custom_data : null,
					callback_url: typeof job.callback_url === 'string' ? job.callback_url : undefined,
					source,
					extra: {
						lc_src: pair.lc_src,
						lc_tgt: pair.lc_tgt,
						tier: pair.tier,
						slug: job.slug,
						auto_approve: Number(job.auto_approve) === 1 ? 1 : 0,
						unit_count: unitCount,
						credits: (unitCount * Number(pair.unit_price)).toFixed(2),
					},
				});
				credits += unitCount * Number(pair.unit_price);
			}
			const response: Record<string, unknown> = {};
			if (Object.keys(existing).length) response.jobs = existing;
			if (created.length) {
				const orderId = String(this.nextOrderId++);
				for (const job of created) {
					job.order_id = orderId;
					this.options.jobs.push(job);
				}
				this.orders.push({
					order_id: orderId,
					jobIds: created.map((j) => j.job_id),
					payloads: Object.entries(jobs)
						.filter(([key]) => !existing[key])
						.map(([, job]) => job),
				});
				Object.assign(response, {
					order_id: orderId,
					job_count: created.length,
					credits_used: credits.toFixed(2),
					currency: 'USD',
				});
			}
			return this.done('order', res, response);
		}

		if (method === 'DELETE' && (m = /^\/translate\/order\/(\d+)$/.exec(path))) {
			const inOrder = this.options.jobs.filter((j) => j.order_id === m![1]);
			if (!inOrder.length) return refused(404, 'Not Found');
			const cancelled: string[] = [];
			for (const job of inOrder)
				if (job.status === 'available') {
					job.status = 'canceled';
					cancelled.push(job.job_id);
				}
			const template = orderDeleteAnswer.body.response.order as Record<string, unknown>;
			return this.done('cancel', res, {
				order: {
					...template,
					order_id: m[1],
					jobs_cancelled: inOrder.filter((j) => j.status === 'canceled').map((j) => j.job_id),
					jobs_available: [],
					jobs_reviewable: inOrder.filter((j) => j.status === 'reviewable').map((j) => j.job_id),
					jobs_pending: inOrder.filter((j) => j.status === 'pending').map((j) => j.job_id),
					jobs_approved: inOrder.filter((j) => j.status === 'approved').map((j) => j.job_id),
					total_jobs: String(inOrder.length),
				},
			});
		}

		if ((m = /^\/translate\/job\/(\d+)(\/comment)?$/.exec(path))) {
			const job = this.options.jobs.find((j) => j.job_id === m![1]);
			if (!job) return refused(404, 'Not Found');
			if (method === 'POST' && m[2]) {
				if (!String(data.body ?? '').trim()) return refused(1350, '"body" is a required field');
				(job.comments ??= []).push({
					body: String(data.body),
					author: 'customer',
					ctime: Math.floor(Date.now() / 1000),
				});
				this.jobActions.push({ job_id: job.job_id, action: 'comment', data });
				return this.done('comment', res, {});
			}
			if (method === 'PUT' && !m[2]) {
				const action = String(data.action ?? '');
				const next = { approve: 'approved', revise: 'revising', reject: 'rejected' }[action];
				if (!next) return refused(400, 'Bad Request');
				if (job.status !== 'reviewable')
					return refused(400, `job ${job.job_id} is ${job.status}, not reviewable`);
				job.status = next;
				this.jobActions.push({ job_id: job.job_id, action, data });
				return this.done('jobUpdate', res, {});
			}
		}
		return error(404, 1000, `no such API method: ${method} ${path}`);
	}
}

/** Words, as the simulator counts a job's units. */
function words(text: string): number {
	return text.split(/\s+/).filter(Boolean).length;
}

/** POSTs a callback the way Gengo does (form parameter `job`, the Job payload as JSON); answers the status. */
async function postCallback(url: string, payload: Record<string, unknown>): Promise<number> {
	const response = await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ job: JSON.stringify(payload) }).toString(),
	}).catch(() => undefined);
	await response?.arrayBuffer();
	return response?.status ?? 0;
}

/** A request's form fields and files: application/x-www-form-urlencoded or multipart/form-data. */
async function readBody(
	req: IncomingMessage,
): Promise<{ fields: Map<string, string>; files: Part[] }> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(Buffer.from(chunk as Buffer));
	const raw = Buffer.concat(chunks);
	const type = String(req.headers['content-type'] ?? '');
	const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(type);
	if (!type.startsWith('multipart/form-data') || !boundary)
		return { fields: new Map(new URLSearchParams(raw.toString('utf8'))), files: [] };
	const parts = parseMultipart(raw, (boundary[1] ?? boundary[2]).trim());
	return {
		fields: new Map(
			parts.filter((p) => p.filename === undefined).map((p) => [p.name, p.data.toString('utf8')]),
		),
		files: parts,
	};
}

/** The parts of a multipart/form-data body (RFC 7578): each part's name, file name, type and bytes. */
function parseMultipart(body: Buffer, boundary: string): Part[] {
	const delimiter = Buffer.from(`--${boundary}`);
	const parts: Part[] = [];
	let start = body.indexOf(delimiter);
	while (start !== -1) {
		const headerStart = start + delimiter.length;
		if (body.subarray(headerStart, headerStart + 2).toString() === '--') break;
		const next = body.indexOf(delimiter, headerStart);
		if (next === -1) break;
		const part = body.subarray(headerStart + 2, next - 2); // after CRLF, before CRLF--boundary
		const split = part.indexOf('\r\n\r\n');
		const head = part.subarray(0, split).toString('utf8');
		const disposition = /content-disposition:[^\r\n]*/i.exec(head)?.[0] ?? '';
		parts.push({
			name: /\bname="([^"]*)"/.exec(disposition)?.[1] ?? '',
			filename: /\bfilename="([^"]*)"/.exec(disposition)?.[1],
			contentType: /content-type:\s*([^\r\n]+)/i.exec(head)?.[1],
			data: part.subarray(split + 4),
		});
		start = next;
	}
	return parts;
}

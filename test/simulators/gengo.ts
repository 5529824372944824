/* eslint-disable @n8n/community-nodes/no-restricted-imports -- developer tooling: runs in Node.js, never inside n8n, so n8n's rules for node code do not apply (CONTRIBUTING.md, "Lint") */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

import balanceAnswer from '../fixtures/public/gengo/api-account-balance-sandbox.json';
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
	/** every API call (not file downloads): path, whether it was signed, its query without the signature */
	readonly requests: Array<{ path: string; signed: boolean; query?: Record<string, string> }> = [];

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
		if (job.file) {
			delete payload.body_src;
			delete payload.body_tgt;
			payload.type = 'file';
			payload.file_url_src = `${this.url}/files/src-${encodeURIComponent(job.file.name)}`;
			payload.file_url_tgt = `${this.url}/files/${encodeURIComponent(job.file.name)}`;
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
				const response = await fetch(target, {
					method: 'POST',
					headers: { 'content-type': 'application/x-www-form-urlencoded' },
					body: new URLSearchParams({ job: JSON.stringify(payload) }).toString(),
				}).catch(() => undefined);
				await response?.arrayBuffer();
				return response?.status ?? 0;
			},
		};
	}

	private signatureValid(query: URLSearchParams): boolean {
		const ts = query.get('ts') ?? '';
		if (query.get('api_key') !== this.options.publicKey || !/^\d+$/.test(ts)) return false;
		if (Math.abs(Date.now() / 1000 - Number(ts)) > 300) return false;
		const expected = Buffer.from(
			createHmac('sha1', this.options.privateKey).update(ts).digest('hex'),
		);
		const given = Buffer.from(query.get('api_sig') ?? '');
		return given.length === expected.length && timingSafeEqual(given, expected);
	}

	protected handle(req: IncomingMessage, res: ServerResponse): void {
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

		const file = /^\/files\/(.+)$/.exec(url.pathname);
		if (req.method === 'GET' && file) {
			const name = decodeURIComponent(file[1]);
			const job = this.options.jobs.find((j) => j.file?.name === name);
			if (!job?.file || job.file.notReadyFor) return void res.writeHead(404).end();
			res.writeHead(200, {
				'content-type': job.file.contentType,
				...(job.file.contentDisposition
					? { 'content-disposition': job.file.contentDisposition }
					: {}),
			});
			return void res.end(job.file.content);
		}

		const signed = this.signatureValid(url.searchParams);
		const query = Object.fromEntries(
			[...url.searchParams].filter(([key]) => !['api_key', 'ts', 'api_sig'].includes(key)),
		);
		this.requests.push({ path: url.pathname, signed, query });
		if (this.pendingRateLimits > 0) {
			this.pendingRateLimits--;
			res.setHeader('retry-after', this.retryAfter);
			return error(429, 429, 'Too Many Requests');
		}
		if (req.method !== 'GET') return error(405, 1000, 'method not supported by the simulator');
		if (!signed) return error(401, 1000, 'api_sig is invalid or the api_key is not recognized');

		const path = url.pathname.replace(/^\/v2/, '');
		const jobOf = (id: string) => this.options.jobs.find((j) => j.job_id === id);
		const notFound = () => refused(notFoundAnswer.body);
		let m: RegExpExecArray | null;

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
}

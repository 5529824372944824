/* eslint-disable @n8n/community-nodes/no-restricted-imports -- developer tooling: runs in Node.js, never inside n8n, so n8n's rules for node code do not apply (CONTRIBUTING.md, "Lint") */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

import { gengoSampleJob } from '../../cli/samples/gengo';
import { LocalServer } from './localServer';

/**
 * A local Gengo API v2 for tests (base URL `<url>/v2`), answering in Gengo's envelope
 * (`{opstat: "ok", response}` / `{opstat: "error", err: {code, msg}}`) on the paths of
 * developers.gengo.com/v2/api_methods and Gengo's gengo-python client. Every API call's signature is checked for
 * real: `api_key` must be the public key, `api_sig` the hex HMAC-SHA1 of `ts` with the private key, `ts` within
 * five minutes. Translated files are served without a signature at `<url>/files/<name>`, as download links are.
 */
export interface SimulatedGengoJob {
	job_id: string;
	status: string;
	file?: { name: string; content: string; contentType: string };
	comments?: Array<{ body: string; author: string; ctime: number }>;
	revisions?: Array<{ rev_id: string; ctime: number; body_tgt: string }>;
	feedback?: { rating: string; for_translator: string };
}

export interface GengoSimulatorOptions {
	publicKey: string;
	privateKey: string;
	jobs: SimulatedGengoJob[];
}

export class GengoSimulator extends LocalServer {
	readonly requests: Array<{ path: string; signed: boolean }> = [];

	constructor(private readonly options: GengoSimulatorOptions) {
		super();
	}

	/** What a credential's custom base URL should be. */
	get baseUrl(): string {
		return `${this.url}/v2`;
	}

	/** The full Job payload the API answers for a simulated job (a file job has file_url_tgt once translated). */
	jobPayload(job: SimulatedGengoJob): Record<string, unknown> {
		return {
			...gengoSampleJob(job.status, { jobId: job.job_id }, Date.UTC(2026, 0, 1)),
			job_id: Number(job.job_id),
			order_id: 54632,
			unit_count: 9,
			credits: 0.54,
			ctime: 1767222000,
			auto_approve: 0,
			body_src: `${'Long text. '.repeat(8000)}End.`,
			...(job.file
				? {
						type: 'file',
						file_url_src: `${this.url}/files/src-${job.file.name}`,
						file_url_tgt: `${this.url}/files/${job.file.name}`,
					}
				: {}),
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
		const send = (status: number, body: unknown) => {
			res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
			res.end(JSON.stringify(body));
		};
		const ok = (response: unknown) => send(200, { opstat: 'ok', response });
		const error = (status: number, code: number, msg: string) =>
			send(status, { opstat: 'error', err: { code, msg } });

		const file = /^\/files\/(.+)$/.exec(url.pathname);
		if (req.method === 'GET' && file) {
			const job = this.options.jobs.find((j) => j.file?.name === decodeURIComponent(file[1]));
			if (!job?.file) return void res.writeHead(404).end();
			res.writeHead(200, { 'content-type': job.file.contentType });
			return void res.end(job.file.content);
		}

		const signed = this.signatureValid(url.searchParams);
		this.requests.push({ path: url.pathname, signed });
		if (req.method !== 'GET') return error(405, 1000, 'method not supported by the simulator');
		if (!signed) return error(401, 1100, 'api_sig is invalid or the api_key is not recognized');

		const path = url.pathname.replace(/^\/v2/, '');
		const jobOf = (id: string) => this.options.jobs.find((j) => j.job_id === id);
		const notFound = (id: string) => error(404, 2050, `job ${id} does not exist or is not yours`);
		let m: RegExpExecArray | null;

		if (path === '/account/balance') return ok({ credits: '25.32', currency: 'USD' });
		if (path === '/account/stats')
			return ok({
				credits_spent: '1023.31',
				currency: 'USD',
				user_since: 1234089500,
				customer_type: 'Retail',
			});
		if (path === '/translate/jobs') {
			const status = url.searchParams.get('status');
			const count = Number(url.searchParams.get('count') ?? 10);
			const listed = this.options.jobs
				.filter((j) => !status || j.status === status)
				.slice(0, count);
			return ok(listed.map((j) => ({ job_id: j.job_id, ctime: 1767222000 })));
		}
		if ((m = /^\/translate\/jobs\/([\d,]+)$/.exec(path))) {
			const ids = m[1].split(',');
			const missing = ids.find((id) => !jobOf(id));
			if (missing) return notFound(missing);
			return ok({ jobs: ids.map((id) => this.jobPayload(jobOf(id)!)) });
		}
		if ((m = /^\/translate\/job\/(\d+)(\/.*)?$/.exec(path))) {
			const job = jobOf(m[1]);
			if (!job) return notFound(m[1]);
			const rest = m[2] ?? '';
			if (rest === '') return ok({ job: this.jobPayload(job) });
			if (rest === '/comments') return ok({ thread: job.comments ?? [] });
			if (rest === '/revisions')
				return ok({
					job_id: job.job_id,
					revisions: (job.revisions ?? []).map(({ rev_id, ctime }) => ({ rev_id, ctime })),
				});
			const rev = /^\/revisions\/(\w+)$/.exec(rest);
			if (rev) {
				const revision = (job.revisions ?? []).find((r) => r.rev_id === rev[1]);
				return revision
					? ok({ revision: { ctime: revision.ctime, body_tgt: revision.body_tgt } })
					: error(404, 2200, 'unauthorized revision access');
			}
			if (rest === '/feedback')
				return ok({ feedback: job.feedback ?? { rating: '0', for_translator: '' } });
		}
		if ((m = /^\/translate\/order\/(\d+)$/.exec(path))) {
			const byStatus = (s: string) =>
				this.options.jobs.filter((j) => j.status === s).map((j) => j.job_id);
			return ok({
				order: {
					order_id: m[1],
					total_jobs: String(this.options.jobs.length),
					currency: 'USD',
					total_credits: '1.62',
					total_units: 27,
					jobs_available: byStatus('available'),
					jobs_pending: byStatus('pending'),
					jobs_reviewable: byStatus('reviewable'),
					jobs_approved: byStatus('approved'),
					jobs_revising: [],
					jobs_cancelled: [],
					jobs_held: [],
					jobs_queued: 0,
				},
			});
		}
		return error(404, 1000, `no such API method: ${path}`);
	}
}

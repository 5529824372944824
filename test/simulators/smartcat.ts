/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- developer tooling: runs in Node.js, never inside n8n, so n8n's rules for node code do not apply (CONTRIBUTING.md, "Lint") */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LocalServer } from './localServer';

/**
 * A local Smartcat API for tests (help.smartcat.ai/hc/en-us/articles/360000048572): Basic auth (account id : API key) checked on every call; the
 * account's callback setting stored (GET 404 when none, POST validated like Smartcat: 400 for an invalid URL or
 * an empty header value, DELETE 204); last delivery errors recorded; projects and documents to look up. And it
 * delivers callbacks for real: `deliver()` POSTs the ids to the registered URL + path with the registered
 * headers, retrying on Smartcat's schedule (8 attempts, delay doubling) scaled down to `retryBaseMs`.
 */
export interface SmartcatSimulatorOptions {
	accountId: string;
	apiKey: string;
	projects?: Array<{ id: string; name: string; status: string }>;
	documents?: Array<{ id: string; name: string; status: string; projectId: string }>;
	/** the first retry delay (Smartcat: 30 s) */
	retryBaseMs?: number;
}

interface Setting {
	url: string;
	additionalHeaders: Array<{ name: string; value: string }>;
}

const MAX_ERRORS_LIMIT = 100;

export class SmartcatSimulator extends LocalServer {
	setting: Setting | null = null;
	readonly errors: Array<Record<string, unknown>> = [];
	readonly requests: Array<{ method: string; path: string; authorized: boolean }> = [];

	constructor(private readonly options: SmartcatSimulatorOptions) {
		super();
	}

	/**
	 * Delivers ids the way Smartcat does; resolves when delivered or when the 8 attempts are spent.
	 * @returns the HTTP status of each attempt (0 for a network failure)
	 */
	async deliver(path: string, ids: string[]): Promise<{ delivered: boolean; attempts: number[] }> {
		if (!this.setting) throw new Error('no callback setting');
		const { url, additionalHeaders } = this.setting;
		const attempts: number[] = [];
		let wait = this.options.retryBaseMs ?? 30;
		for (let attempt = 1; attempt <= 8; attempt++) {
			const headers: Record<string, string> = { 'content-type': 'application/json' };
			for (const h of additionalHeaders) headers[h.name] = h.value;
			let status = 0;
			let content = '';
			let reason = '';
			try {
				const response = await fetch(`${url.replace(/\/+$/, '')}/${path}`, {
					method: 'POST',
					headers,
					body: JSON.stringify(ids),
				});
				status = response.status;
				content = (await response.text()).slice(0, 500);
			} catch (error) {
				reason = (error as Error).message;
			}
			attempts.push(status);
			if (status >= 200 && status < 300) return { delivered: true, attempts };
			this.errors.unshift({
				Id: `err-${this.errors.length + 1}`,
				Created: new Date().toISOString(),
				Expired: new Date(Date.now() + 86_400_000).toISOString(),
				ApplicationId: this.options.accountId,
				Url: `${url}/${path}`,
				FailResponse: { Reason: reason || `HTTP ${status}`, Code: status, Content: content },
			});
			if (attempt < 8) await new Promise((resolve) => setTimeout(resolve, wait));
			wait *= 2;
		}
		return { delivered: false, attempts };
	}

	private authorized(req: IncomingMessage): boolean {
		const expected = `Basic ${Buffer.from(`${this.options.accountId}:${this.options.apiKey}`).toString('base64')}`;
		return req.headers.authorization === expected;
	}

	protected async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const url = new URL(req.url ?? '/', 'http://localhost');
		const authorized = this.authorized(req);
		this.requests.push({ method: req.method ?? '', path: url.pathname, authorized });
		const json = (status: number, body?: unknown) => {
			res.writeHead(
				status,
				body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' },
			);
			res.end(body === undefined ? undefined : JSON.stringify(body));
		};
		if (!authorized) return json(401, { message: 'Unauthorized: invalid account id or API key' });
		const path = url.pathname.replace(/^\/api\/integration\/v1/, '');

		if (path === '/account' && req.method === 'GET')
			return json(200, {
				id: this.options.accountId,
				name: 'Simulated account',
				isPersonal: false,
				type: 'LSP',
			});
		if (path === '/callback') {
			if (req.method === 'GET')
				return this.setting
					? json(200, this.setting)
					: json(404, { message: 'Callback settings not found' });
			if (req.method === 'DELETE') {
				this.setting = null;
				return json(204);
			}
			if (req.method === 'POST') {
				let raw = '';
				for await (const chunk of req) raw += chunk;
				let body: { url?: unknown; additionalHeaders?: Array<{ name?: unknown; value?: unknown }> };
				try {
					body = JSON.parse(raw);
				} catch {
					return json(400, { message: 'Invalid JSON' });
				}
				try {
					new URL(String(body.url));
				} catch {
					return json(400, { message: 'Invalid URI' });
				}
				const headers = body.additionalHeaders ?? [];
				if (headers.some((h) => typeof h.value !== 'string' || h.value.trim() === ''))
					return json(400, { message: 'Header value cannot be empty' });
				this.setting = {
					url: String(body.url),
					additionalHeaders: headers.map((h) => ({ name: String(h.name), value: String(h.value) })),
				};
				return json(200);
			}
		}
		if (path === '/callback/lastErrors' && req.method === 'GET') {
			const limit = Number(url.searchParams.get('limit') ?? 10);
			if (limit > MAX_ERRORS_LIMIT)
				return json(400, { message: `limit must not exceed ${MAX_ERRORS_LIMIT}` });
			return json(200, this.errors.slice(0, limit));
		}
		const project = /^\/project\/([^/]+)$/.exec(path);
		if (project && req.method === 'GET') {
			const found = this.options.projects?.find((p) => p.id === decodeURIComponent(project[1]));
			return found
				? json(200, { ...found, sourceLanguage: 'en', targetLanguages: ['de'] })
				: json(404, { message: 'Project not found' });
		}
		if (path === '/document' && req.method === 'GET') {
			const found = this.options.documents?.find(
				(d) => d.id === url.searchParams.get('documentId'),
			);
			return found
				? json(200, { ...found, sourceLanguage: 'en', targetLanguage: 'de' })
				: json(404, { message: 'Document not found' });
		}
		json(404, { message: `no such API method: ${req.method} ${path}` });
	}
}

/* eslint-disable @n8n/community-nodes/no-restricted-imports -- developer tooling: runs in Node.js, never inside n8n, so n8n's rules for node code do not apply (CONTRIBUTING.md, "Lint") */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LocalServer } from './localServer';

/**
 * A local Phrase TMS API for tests (base URL `<url>/web`), after Phrase's API reference: `POST
 * /api2/v1/auth/login` ({userName, password} → {token, expires}), `GET /api2/v1/auth/whoAmI`, webhooks v2
 * (create, get, delete; `secretToken` kept), a job, a project's jobs (paged). Requests need
 * `Authorization: ApiToken <token>`; `expireTokens()` makes the issued tokens answer 401, as expired ones do.
 * `deliver()` POSTs a webhook body to every enabled webhook subscribed to its event, with `X-Memsource-Token`.
 */
export interface PhraseSimulatorOptions {
	userName: string;
	password: string;
	/** jobs by project uid, with statuses in the API's naming */
	projects?: Record<
		string,
		Array<{ uid: string; status: string; targetLang?: string; filename?: string }>
	>;
}

export class PhraseSimulator extends LocalServer {
	private readonly tokens = new Set<string>();
	readonly webhooks = new Map<
		string,
		{
			uid: string;
			url: string;
			events: string[];
			secretToken?: string;
			name?: string;
			status: string;
		}
	>();
	readonly requests: Array<{ method: string; path: string; authorized: boolean }> = [];
	logins = 0;

	constructor(readonly options: PhraseSimulatorOptions) {
		super();
	}

	get baseUrl(): string {
		return `${this.url}/web`;
	}

	expireTokens(): void {
		this.tokens.clear();
	}

	async deliver(body: Record<string, unknown>, tokenOverride?: string): Promise<number[]> {
		const statuses: number[] = [];
		for (const hook of this.webhooks.values()) {
			if (hook.status !== 'ENABLED' || !hook.events.includes(String(body.event))) continue;
			const response = await fetch(hook.url, {
				method: 'POST',
				headers: {
					'content-type': 'application/json',
					'X-Memsource-Token': tokenOverride ?? hook.secretToken ?? '',
				},
				body: JSON.stringify(body),
			});
			statuses.push(response.status);
		}
		return statuses;
	}

	protected async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const url = new URL(req.url ?? '/', 'http://localhost');
		const json = (status: number, body?: unknown) => {
			res.writeHead(status, body === undefined ? {} : { 'content-type': 'application/json' });
			res.end(body === undefined ? undefined : JSON.stringify(body));
		};
		let raw = '';
		for await (const chunk of req) raw += chunk;
		const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
		const path = url.pathname.replace(/^\/web/, '');

		if (req.method === 'POST' && path === '/api2/v1/auth/login') {
			this.logins++;
			if (body.userName !== this.options.userName || body.password !== this.options.password) {
				return json(401, {
					errorCode: 'AuthInvalidCredentials',
					errorDescription: 'Invalid credentials',
				});
			}
			const token = randomUUID();
			this.tokens.add(token);
			return json(200, {
				token,
				expires: new Date(Date.now() + 86_400_000).toISOString(),
				user: { userName: this.options.userName },
			});
		}
		const auth = /^ApiToken (.+)$/.exec(req.headers.authorization ?? '');
		const authorized = !!auth && this.tokens.has(auth[1]);
		this.requests.push({ method: req.method ?? '', path, authorized });
		if (!authorized)
			return json(401, {
				errorCode: 'AuthUnauthorized',
				errorDescription: 'Authentication failed',
			});

		if (req.method === 'GET' && path === '/api2/v1/auth/whoAmI')
			return json(200, { user: { userName: this.options.userName, role: 'ADMIN' } });
		if (path === '/api2/v2/webhooks' && req.method === 'POST') {
			const uid = `wh-${randomUUID().slice(0, 8)}`;
			const events = (body.events as string[]) ?? [];
			if (!body.url || !events.length)
				return json(400, {
					errorCode: 'BadRequest',
					errorDescription: 'url and events are required',
				});
			const hook = {
				uid,
				url: String(body.url),
				events,
				secretToken: body.secretToken as string | undefined,
				name: body.name as string,
				status: String(body.status ?? 'ENABLED'),
			};
			this.webhooks.set(uid, hook);
			return json(200, { ...hook, id: uid });
		}
		if (path === '/api2/v2/webhooks' && req.method === 'GET') {
			const wanted = url.searchParams.get('url');
			const content = [...this.webhooks.values()].filter((h) => !wanted || h.url === wanted);
			return json(200, { content, totalElements: content.length, totalPages: 1, pageNumber: 0 });
		}
		const hook = /^\/api2\/v2\/webhooks\/([^/]+)$/.exec(path);
		if (hook) {
			const found = this.webhooks.get(hook[1]);
			if (!found)
				return json(404, { errorCode: 'NotFound', errorDescription: 'Webhook not found' });
			if (req.method === 'GET') return json(200, found);
			if (req.method === 'DELETE') {
				this.webhooks.delete(hook[1]);
				return json(204);
			}
		}
		const job = /^\/api2\/v1\/projects\/([^/]+)\/jobs\/([^/]+)$/.exec(path);
		if (job && req.method === 'GET') {
			const found = this.options.projects?.[job[1]]?.find((j) => j.uid === job[2]);
			return found
				? json(200, { ...found, project: { uid: job[1] }, workflowLevel: 1 })
				: json(404, { errorCode: 'NotFound', errorDescription: 'Job not found' });
		}
		const jobs = /^\/api2\/v2\/projects\/([^/]+)\/jobs$/.exec(path);
		if (jobs && req.method === 'GET') {
			const all = this.options.projects?.[jobs[1]];
			if (!all) return json(404, { errorCode: 'NotFound', errorDescription: 'Project not found' });
			const size = Number(url.searchParams.get('pageSize') ?? 50);
			const page = Number(url.searchParams.get('pageNumber') ?? 0);
			return json(200, {
				content: all.slice(page * size, (page + 1) * size),
				totalPages: Math.max(1, Math.ceil(all.length / size)),
				pageNumber: page,
				totalElements: all.length,
			});
		}
		json(404, {
			errorCode: 'NotFound',
			errorDescription: `no such API method: ${req.method} ${path}`,
		});
	}
}

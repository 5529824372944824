/* eslint-disable @n8n/community-nodes/no-restricted-imports -- developer tooling: runs in Node.js, never inside n8n, so n8n's rules for node code do not apply (CONTRIBUTING.md, "Lint") */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { LocalServer } from './localServer';

/**
 * A local Wordbee Beebox API for tests, answering as Wordbee's pages document it:
 * - `POST /api/connect` with JSON `{project, login, pwd, ...}` → 200 with the session token as a JSON string,
 *   or 400 `{type, message, id: "LOGIN_FAILED", failed: true}`;
 * - `GET /api/disconnect?token=` → 204, whatever the token;
 * - `GET /api/actions/action?token=&id=&fulldetails=` (project session) and `GET /api/server/actions/action`
 *   (admin session without project) → the event's details, or 400 when the event does not exist;
 * - a missing or unknown token → 400 `{type: "Api error", message: "Not authorised", id: "LOGGEDOUT"}`.
 * It counts open sessions, so tests can check that every session was closed.
 */
export interface SimulatedBeeboxEvent {
	id: string;
	projectkey: string;
	actioncode: string;
	files?: Array<{ type: 'S' | 'T'; locale: string; spath: string; tpath: string | null }>;
}

export interface BeeboxSimulatorOptions {
	login: string;
	password: string;
	/** the connector credentials' project; admin credentials may connect without one */
	projectKey: string;
	events: SimulatedBeeboxEvent[];
}

export class BeeboxSimulator extends LocalServer {
	private readonly sessions = new Map<string, string>();
	readonly requests: Array<{ method: string; path: string }> = [];
	connects = 0;

	constructor(private readonly options: BeeboxSimulatorOptions) {
		super();
	}

	get openSessions(): number {
		return this.sessions.size;
	}

	protected async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const url = new URL(req.url ?? '/', 'http://localhost');
		this.requests.push({ method: req.method ?? '', path: url.pathname });
		const json = (status: number, body: unknown) => {
			res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
			res.end(JSON.stringify(body));
		};
		const apiError = (message: string, id?: string) =>
			json(400, { type: 'Api error', message, id, failed: true });

		if (req.method === 'POST' && url.pathname === '/api/connect') {
			let raw = '';
			for await (const chunk of req) raw += chunk;
			let body: Record<string, unknown> = {};
			try {
				body = JSON.parse(raw) as Record<string, unknown>;
			} catch {
				return apiError('Invalid request body');
			}
			this.connects++;
			const project = String(body.project ?? '');
			const loginOk = body.login === this.options.login && body.pwd === this.options.password;
			if (!loginOk || (project !== '' && project !== this.options.projectKey)) {
				return apiError('Login failed. Verify login and password.', 'LOGIN_FAILED');
			}
			const token = randomUUID();
			this.sessions.set(token, project);
			return json(200, token);
		}
		if (req.method === 'GET' && url.pathname === '/api/disconnect') {
			this.sessions.delete(url.searchParams.get('token') ?? '');
			res.writeHead(204).end();
			return;
		}
		const serverWide = url.pathname === '/api/server/actions/action';
		if (req.method === 'GET' && (url.pathname === '/api/actions/action' || serverWide)) {
			const project = this.sessions.get(url.searchParams.get('token') ?? '');
			if (project === undefined) return apiError('Not authorised', 'LOGGEDOUT');
			if (serverWide !== (project === '')) return apiError('Not authorised');
			const event = this.options.events.find(
				(e) => e.id === url.searchParams.get('id') && (serverWide || e.projectkey === project),
			);
			if (!event) return apiError(`The event ${url.searchParams.get('id')} does not exist.`);
			const full = url.searchParams.get('fulldetails') === 'true';
			return json(200, {
				id: event.id,
				date: '2023-06-20T06:56:35.1234567+00:00',
				projectkey: event.projectkey,
				projectname: 'Simulated project',
				action: 'Translated files created',
				actioncode: event.actioncode,
				info: null,
				sender: 'Autorun',
				success: true,
				error: null,
				details: full
					? {
							files: (event.files ?? []).map((f) => ({
								date: '2023-06-20T06:56:35.1234567+00:00',
								...f,
								err: null,
								errex: null,
							})),
						}
					: null,
				pushurl: null,
				pushstatus: 'Done',
			});
		}
		res.writeHead(404, { 'content-type': 'text/html' }).end('<html><body>Not found</body></html>');
	}
}

/* eslint-disable @n8n/community-nodes/no-restricted-imports -- developer tooling: runs in Node.js, never inside n8n, so n8n's rules for node code do not apply (CONTRIBUTING.md, "Lint") */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { LocalServer } from './localServer';

/**
 * A local Wordbee Beebox for tests: its API as Wordbee's pages document it (help.wordbee.com/beebox/...) and the
 * callbacks it sends.
 * - `POST /api/connect` with JSON `{project, login, pwd, waitsecs, ...}` (api-connect-using-post, "released in
 *   November 2023") → 200 with the session token, or 400 `{type, message, id, failed: true}` (LOGIN_FAILED, BUSY).
 *   A server installed before (`connect: 'get-only-405' | 'get-only-404-html'`) answers that POST as ASP.NET Web
 *   API (405, `{"Message": ...}`) or IIS (404, an HTML page) would, and logs in with `GET /api/connect?project=
 *   &login=&pwd=...` (api-connect). The client sends that GET only after a 405 (or 501): after a 404 the login
 *   fails, the password never going into a URL. The token is written as a JSON string, bare, or as ASP.NET's XML
 *   string.
 * - `GET /api/disconnect?token=` → 204, whatever the token.
 * - `GET /api/actions/action?token=&id=&fulldetails=` (project session) and `GET /api/server/actions/action`
 *   (admin session without project) → the event's details (api-full-event-details), or 400.
 * - `POST /api/workprogress/translatedfiles` `{token, filter, skip, count}` (or GET with the same in the query) →
 *   `{files: [...]}`, one record per file and target language (api-get-translation-status).
 * - `GET /api/files/file?token=&locale=&filename=` → the translated file's bytes, or 400 when it has none yet
 *   (api-get-translated-content).
 * - `GET /api/details?token=` → the project's languages (api-get-project-information).
 * - `PUT /api/files/file?token=&locale=&filename=` with the file's bytes as the body (api-send-source-content):
 *   the source locale stores it in the project's `in` folder, a target locale in `out\<locale>\`
 *   (api-send-translated-content); `<file>.beebox` is the file's instructions, JSON such as `{"locales": ["fr"]}`
 *   (api-send-instructions). 204 without a body. Any other locale: 400.
 * - `DELETE /api/files/file?token=&locale=&filename=` → 204, or 400 when there is no such file
 *   (api-delete-translated-content).
 * - `GET /api/hotfolders?token=` → the project's folders with their target languages (api-hotfolders).
 * - `PUT /api/files/operations/scan?token=` → 204, and `GET /api/files/status?token=` → `{scanRequired}`: what the
 *   public CMS connectors call (github.com/AmazeeLabs/wordbee_beebox inc/API_calls.class.php); Wordbee's help
 *   pages do not describe them.
 * What Beebox's automation then does (`automation`): once no API session is open ("As long as a session is
 * active, the Beebox will not execute any automatic operations", api-disconnect), each source file received is
 * translated into its instructions' locales (else every target language of the project), written to
 * `out\<locale>\` and announced to the connector callback URL (`connectorCallbackUrl`, set in the project's
 * "Connectors & API" tab), as a real Beebox does with a project that picks up new files automatically.
 * Faults (`uploadFaults`) store the file first and then answer 500, never answer, or drop the connection: what
 * a client sees when Beebox took the file but the answer got lost.
 * - a missing or unknown token → 400 `{type: "Api error", message: "Not authorised", id: "LOGGEDOUT"}`.
 * It records every request and counts open sessions, so tests can check that every session was closed.
 */
export interface SimulatedBeeboxFile {
	type: 'S' | 'T';
	locale: string;
	spath: string;
	tpath: string | null;
	date?: string;
	err?: string | null;
}

export interface SimulatedBeeboxEvent {
	id: string;
	projectkey: string;
	actioncode: string;
	date?: string;
	files?: SimulatedBeeboxFile[];
}

/** One record of the translation status, and the translated bytes once there are some. */
export interface SimulatedTranslatedFile {
	file: string;
	locale: string;
	status: number;
	tfdate: string | null;
	content?: Buffer;
}

export interface BeeboxSimulatorOptions {
	login: string;
	password: string;
	/** the connector credentials' project; admin credentials may connect without one */
	projectKey: string;
	events?: SimulatedBeeboxEvent[];
	files?: SimulatedTranslatedFile[];
	/** 'post' (default): a Beebox of November 2023 or later; otherwise one installed before, see above */
	connect?: 'post' | 'get-only-405' | 'get-only-404-html';
	/** how the session token is written (default 'json') */
	tokenFormat?: 'json' | 'bare' | 'xml';
	sourceLocale?: string;
	/** the project's target languages (default: the locales of `files`) */
	targetLocales?: string[];
	/** the project's folders as `GET /api/hotfolders` lists them (default: the `in` folder itself, every language) */
	hotFolders?: SimulatedHotFolder[];
}

/** One folder of the project's `in` directory and the languages a file put there is translated into (null: all). */
export interface SimulatedHotFolder {
	directory: string;
	depth: number;
	translate: boolean;
	targetLocales: string[] | null;
}

/** A file in the project's `in` folder: a source file or an instructions file (`<file>.beebox`). */
export interface SimulatedSourceFile {
	file: string;
	locale: string;
	bytes: Buffer;
	contentType: string | undefined;
	at: Date;
}

/** What a fault does after the file was stored: answer 500, never answer, or drop the connection. */
export type UploadFault = '500' | 'hang' | 'reset';

/** The automation of the project (see above). */
export interface SimulatedAutomation {
	/** the translated bytes of a source file (default: `[<locale>] ` before the source bytes) */
	translate?: (bytes: Buffer, locale: string, file: string) => Buffer;
}

export interface RecordedBeeboxRequest {
	method: string;
	path: string;
	query: Record<string, string>;
	body?: unknown;
	/** a PUT's body as it arrived, and its Content-Type */
	bytes?: Buffer;
	contentType?: string;
}

const STATUS_NAMES: Record<number, string> = {
	1: 'Uptodate',
	4: 'New',
	5: 'Submitting',
	6: 'InProgress',
	7: 'Done',
	8: 'Error',
	10: 'Cancelled',
};

/** `2023-06-20T07:29:15.4309822+00:00`: how the event details write a file's date. */
function detailsDate(at: Date): string {
	return `${at.toISOString().slice(0, 23)}0000+00:00`;
}

export class BeeboxSimulator extends LocalServer {
	private readonly sessions = new Map<string, string>();
	readonly requests: RecordedBeeboxRequest[] = [];
	readonly events: SimulatedBeeboxEvent[];
	readonly files: SimulatedTranslatedFile[];
	/** login attempts (POST and GET) */
	connects = 0;
	/** the next this many logins are answered BUSY */
	busyLogins = 0;
	/** the next this many calls other than login and logout are answered 429 with Retry-After: 1 */
	rateLimited = 0;
	/** after this many calls to this path, every session ends, as Beebox's "Reset server / Unlog all users" */
	unlogAllAfter: { path: string; calls: number } | undefined;
	/**
	 * Answers given instead of the simulated ones (corpus answers verbatim), by `METHOD /path` or by path: for
	 * login and logout at once, for the other methods after the token check. A string body is sent as it is.
	 */
	readonly overrides = new Map<string, { status: number; body: unknown; contentType?: string }>();
	private sequence = 0;
	/** the project's `in` folder, by lower-case path (Windows paths are case-insensitive) */
	readonly inFolder = new Map<string, SimulatedSourceFile>();
	/** every file received by `PUT /api/files/file`, in order, also those a fault then answered */
	readonly uploads: Array<{ file: string; locale: string; size: number; fault?: UploadFault }> = [];
	/** the next source files' faults (instructions files pass), one each, in order: the file is stored first */
	readonly uploadFaults: UploadFault[] = [];
	/** `PUT /api/files/operations/scan` calls */
	scans = 0;
	/** the project's automation; undefined: files wait in `in` (automation off) */
	automation: SimulatedAutomation | undefined;
	/** the connector callback URL set in Beebox ("Connectors & API"), called for CreatedTranslatedFiles */
	connectorCallbackUrl: string | undefined;
	/** each callback the automation sent, with the answer's status (0: no answer) */
	readonly callbacks: Array<{ url: string; status: number }> = [];
	/** source files received and not yet translated by the automation */
	private readonly pending: string[] = [];
	private readonly hung = new Set<ServerResponse>();
	private readonly working: Array<Promise<void>> = [];

	constructor(private readonly options: BeeboxSimulatorOptions) {
		super();
		this.events = [...(options.events ?? [])];
		this.files = [...(options.files ?? [])];
	}

	/** Beebox's "Reset server / Unlog all users" (help.wordbee.com/beebox/administration-summary). */
	resetSessions(): void {
		this.sessions.clear();
	}

	get openSessions(): number {
		return this.sessions.size;
	}

	/** The requests to one path, e.g. `/api/connect`. */
	calls(path: string): RecordedBeeboxRequest[] {
		return this.requests.filter((r) => r.path === path);
	}

	/**
	 * What Beebox does when it writes translated files to `out\<locale>\`: the translation status shows them ready
	 * (status 1) with `tfdate` = `at` ("the date when the deliverable was created"), and a CreatedTranslatedFiles
	 * event lists them (source and target entries, as api-event-details-created-translated-files shows) dated with
	 * the action's time, which comes after: `at` + 50 ms. Returns the event.
	 */
	deliverFiles(
		files: Array<{ file: string; locale: string; content: Buffer | string }>,
		at = new Date(),
	): SimulatedBeeboxEvent {
		const root = `c:\\beebox\\${this.options.projectKey}`;
		const logged = new Date(at.getTime() + 50);
		const entries: SimulatedBeeboxFile[] = [];
		for (const { file, locale, content } of files) {
			const bytes = Buffer.isBuffer(content) ? content : Buffer.from(content);
			const record = this.files.find(
				(f) => f.file.toLowerCase() === file.toLowerCase() && f.locale === locale,
			);
			const ready = { status: 1, tfdate: at.toISOString(), content: bytes };
			if (record) Object.assign(record, ready);
			else this.files.push({ file, locale, ...ready });
			if (!entries.some((e) => e.type === 'S' && e.spath === `${root}\\in\\${file}`))
				entries.push({
					type: 'S',
					locale: this.options.sourceLocale ?? 'en',
					spath: `${root}\\in\\${file}`,
					tpath: null,
					date: detailsDate(logged),
				});
			entries.push({
				type: 'T',
				locale,
				spath: `${root}\\in\\${file}`,
				tpath: `${root}\\out\\${locale}\\${file}`,
				date: detailsDate(logged),
			});
		}
		const event: SimulatedBeeboxEvent = {
			id: randomUUID(),
			projectkey: this.options.projectKey,
			actioncode: 'CreatedTranslatedFiles',
			date: `${logged.toISOString().slice(0, 23)}0000Z`,
			files: entries,
		};
		this.events.push(event);
		return event;
	}

	/**
	 * The connector callback of an event, as Wordbee's callbacks-configure page prints it: `bbevent`, `bbproject`,
	 * `bbdate` (`2023-06-20 06:56:35Z`, encoded here), `bbok`, an empty `bberror`, `bbid`.
	 */
	callbackQuery(event: SimulatedBeeboxEvent, at = new Date()): string {
		const bbdate = `${at.toISOString().slice(0, 10)} ${at.toISOString().slice(11, 19)}Z`;
		return new URLSearchParams({
			bbevent: event.actioncode,
			bbproject: event.projectkey,
			bbdate,
			bbok: 'yes',
			bberror: '',
			bbid: event.id,
		}).toString();
	}

	/**
	 * For the cross-vendor outage test: one new event, as Beebox would have it. One translated file
	 * (`news\item-<n>.html` in `de`) becomes ready now (so the Catch-Up Trigger sees it), and a CreatedTranslatedFiles
	 * event lists it. `deliver(url, secret)` sends that event's connector callback to a Wordbee Beebox Trigger's
	 * URL (GET, the secret as `?token=`) and resolves to the HTTP status; `eventKey` is the key both triggers give
	 * the file: `beebox:file:de:news\item-<n>.html:<tfdate to the second>Z`. The webhook trigger emits that key
	 * only when it reads the file's translation status: with Fetch Event Details on (a credential for this
	 * simulator) and Output "One Item Each"; without the details it can only say `beebox:<bbid>`.
	 */
	nextEvent(): { deliver(url: string, secret: string): Promise<number>; eventKey: string } {
		const n = ++this.sequence;
		const at = new Date();
		const file = `news\\item-${n}.html`;
		const event = this.deliverFiles([{ file, locale: 'de', content: `<p>Nachricht ${n}</p>` }], at);
		const query = this.callbackQuery(event, at);
		return {
			eventKey: `beebox:file:de:${file}:${at.toISOString().slice(0, 19)}Z`,
			deliver: async (url, secret) => {
				const separator = url.includes('?') ? '&' : '?';
				const response = await fetch(
					`${url}${separator}token=${encodeURIComponent(secret)}&${query}`,
				);
				await response.arrayBuffer();
				return response.status;
			},
		};
	}

	protected async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const url = new URL(req.url ?? '/', 'http://localhost');
		const query = Object.fromEntries(url.searchParams);
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(Buffer.from(chunk as Buffer));
		const bytes = Buffer.concat(chunks);
		const raw = req.method === 'PUT' ? '' : bytes.toString('utf8');
		let body: Record<string, unknown> | undefined;
		if (raw) {
			try {
				body = JSON.parse(raw) as Record<string, unknown>;
			} catch {
				body = undefined;
			}
		}
		this.requests.push({
			method: req.method ?? '',
			path: url.pathname,
			query,
			body,
			...(req.method === 'PUT' ? { bytes, contentType: req.headers['content-type'] } : {}),
		});
		const unlog = this.unlogAllAfter;
		if (unlog?.path === url.pathname && this.calls(unlog.path).length === unlog.calls)
			res.once('finish', () => this.resetSessions());
		const json = (status: number, answer: unknown) => {
			res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
			res.end(JSON.stringify(answer));
		};
		const apiError = (message: string, id?: string) =>
			json(400, { type: 'Api error', message, id, failed: true });
		const path = url.pathname;
		const override = this.overrides.get(`${req.method} ${path}`) ?? this.overrides.get(path);
		const answerOverride = () => {
			if (!override) return false;
			res.writeHead(override.status, {
				'content-type': override.contentType ?? 'application/json; charset=utf-8',
			});
			res.end(typeof override.body === 'string' ? override.body : JSON.stringify(override.body));
			return true;
		};
		if (path === '/api/disconnect') {
			this.sessions.delete(query.token ?? '');
			if (this.sessions.size === 0) this.runAutomation();
		}
		if ((path === '/api/connect' || path === '/api/disconnect') && answerOverride()) return;

		if (path === '/api/connect') {
			if (req.method === 'POST' && this.options.connect === 'get-only-405') {
				res.writeHead(405, { 'content-type': 'application/json; charset=utf-8', allow: 'GET' });
				res.end(
					JSON.stringify({
						Message: "The requested resource does not support http method 'POST'.",
					}),
				);
				return;
			}
			if (req.method === 'POST' && this.options.connect === 'get-only-404-html') {
				res.writeHead(404, { 'content-type': 'text/html' });
				res.end(
					'<!DOCTYPE html><html><head><title>404 - File or directory not found.</title></head><body><h2>404 - File or directory not found.</h2></body></html>',
				);
				return;
			}
			// GET has been there all along (api-connect); POST since November 2023 (api-connect-using-post)
			if (req.method === 'POST' || req.method === 'GET') {
				const fields = req.method === 'POST' ? (body ?? {}) : query;
				if (req.method === 'POST' && !body) return apiError('Invalid request body');
				return this.login(fields, json, apiError, res);
			}
		}
		if (req.method === 'GET' && path === '/api/disconnect') {
			res.writeHead(204).end();
			return;
		}

		const token = String(query.token ?? body?.token ?? '');
		const project = this.sessions.get(token);
		const known = [
			'/api/actions/action',
			'/api/server/actions/action',
			'/api/workprogress/translatedfiles',
			'/api/files/file',
			'/api/details',
			'/api/hotfolders',
			'/api/files/operations/scan',
			'/api/files/status',
		];
		if (!known.includes(path)) {
			res
				.writeHead(404, { 'content-type': 'text/html' })
				.end('<html><body>Not found</body></html>');
			return;
		}
		if (project === undefined) return apiError('Not authorised', 'LOGGEDOUT');
		if (this.rateLimited > 0) {
			this.rateLimited--;
			res
				.writeHead(429, { 'retry-after': '1', 'content-type': 'text/plain' })
				.end('Too many requests');
			return;
		}
		if (answerOverride()) return;

		const serverWide = path === '/api/server/actions/action';
		if (req.method === 'GET' && (path === '/api/actions/action' || serverWide)) {
			if (serverWide !== (project === '')) return apiError('Not authorised');
			const event = this.events.find(
				(e) => e.id === query.id && (serverWide || e.projectkey === project),
			);
			if (!event) return apiError(`The event ${query.id} does not exist.`);
			const full = query.fulldetails === 'true';
			return json(200, {
				id: event.id,
				date: event.date ?? '2023-06-20T06:56:35.1234567Z',
				projectkey: event.projectkey,
				projectname: 'Simulated project',
				action: 'Create translated files (connector push event)',
				actioncode: event.actioncode,
				info: null,
				sender: 'Autorun',
				success: true,
				error: null,
				details: full
					? {
							files: (event.files ?? []).map((f) => ({
								date: '2023-06-20T06:56:35.1234567+00:00',
								err: null,
								errex: null,
								...f,
							})),
						}
					: null,
			});
		}
		if (path === '/api/workprogress/translatedfiles') {
			const input =
				req.method === 'POST'
					? (body ?? {})
					: { ...query, filter: query.filter ? JSON.parse(query.filter) : undefined };
			return json(200, { files: this.translationStatus(input) });
		}
		if (req.method === 'GET' && path === '/api/files/file') {
			const wanted = (query.filename ?? '').toLowerCase();
			const record = this.files.find(
				(f) => f.locale === query.locale && f.file.toLowerCase() === wanted && f.content,
			);
			if (!record?.content)
				return apiError(`File not found: out\\${query.locale}\\${query.filename}`);
			res.writeHead(200, { 'content-type': 'application/octet-stream' });
			res.end(record.content);
			return;
		}
		if (req.method === 'PUT' && path === '/api/files/file')
			return this.receiveFile(query, bytes, req.headers['content-type'], res, apiError);
		if (req.method === 'DELETE' && path === '/api/files/file')
			return this.deleteFile(query, res, apiError);
		if (req.method === 'GET' && path === '/api/hotfolders')
			return json(200, {
				items: this.options.hotFolders ?? [
					{ directory: '', depth: 0, translate: true, targetLocales: null },
				],
				postDelivery: {
					mode: 'Disabled',
					location: 'Translations',
					namepattern: '{name}-{trg}{ext}',
				},
			});
		if (req.method === 'PUT' && path === '/api/files/operations/scan') {
			this.scans++;
			res.writeHead(204).end();
			return;
		}
		if (req.method === 'GET' && path === '/api/files/status')
			return json(200, { scanRequired: this.pending.length > 0 });
		if (req.method === 'GET' && path === '/api/details') {
			const targets = this.targetLocales;
			return json(200, {
				sourceLocale: this.options.sourceLocale ?? 'en',
				targetLocales: targets,
				targetLocaleItems: targets.map((v) => ({ v, t: v })),
				extensions: ['.html', '.json'],
			});
		}
		res.writeHead(405).end();
	}

	/** The project's target languages. */
	get targetLocales(): string[] {
		return this.options.targetLocales ?? [...new Set(this.files.map((f) => f.locale))];
	}

	get sourceLocale(): string {
		return this.options.sourceLocale ?? 'en';
	}

	/** The source files received (instructions files left out). */
	get sourceFiles(): SimulatedSourceFile[] {
		return [...this.inFolder.values()].filter((f) => !/\.beebox$/i.test(f.file));
	}

	/** The instructions Beebox has for a source file (`<file>.beebox`), parsed. */
	instructionsFor(file: string): { locales?: string[]; deadline?: string } | undefined {
		const stored = this.inFolder.get(`${file}.beebox`.toLowerCase());
		return stored
			? (JSON.parse(stored.bytes.toString('utf8')) as { locales?: string[] })
			: undefined;
	}

	/** Waits until the automation's work (translations and callbacks) started so far is done. */
	async settled(): Promise<void> {
		while (this.working.length) await this.working.shift();
	}

	async stop(): Promise<void> {
		for (const res of this.hung) res.socket?.destroy();
		this.hung.clear();
		await this.settled();
		await super.stop();
	}

	private receiveFile(
		query: Record<string, string>,
		bytes: Buffer,
		contentType: string | undefined,
		res: ServerResponse,
		apiError: (message: string, id?: string) => void,
	): void {
		const file = query.filename ?? '';
		const locale = query.locale ?? '';
		if (!file) return apiError('The filename parameter is missing.');
		const target = this.targetLocales.find((l) => l.toLowerCase() === locale.toLowerCase());
		if (locale.toLowerCase() !== this.sourceLocale.toLowerCase() && !target)
			return apiError(`The language "${locale}" is not a language of this project.`);
		const instructions = /\.beebox$/i.test(file);
		// faults hit source files, the uploads that start Beebox's work
		const fault = instructions ? undefined : this.uploadFaults.shift();
		this.uploads.push({ file, locale, size: bytes.length, ...(fault ? { fault } : {}) });
		if (target) {
			// api-send-translated-content: saved to out\<locale>\
			const record = this.files.find(
				(f) => f.file.toLowerCase() === file.toLowerCase() && f.locale === target,
			);
			if (record) record.content = bytes;
			else
				this.files.push({
					file,
					locale: target,
					status: 1,
					tfdate: new Date().toISOString(),
					content: bytes,
				});
		} else {
			this.inFolder.set(file.toLowerCase(), { file, locale, bytes, contentType, at: new Date() });
			if (!instructions && !this.pending.includes(file.toLowerCase()))
				this.pending.push(file.toLowerCase());
		}
		if (fault === '500') {
			res
				.writeHead(500, { 'content-type': 'text/html' })
				.end('<html><body>Server Error</body></html>');
			return;
		}
		if (fault === 'hang') {
			this.hung.add(res);
			res.on('close', () => this.hung.delete(res));
			return;
		}
		if (fault === 'reset') {
			res.socket?.destroy();
			return;
		}
		res.writeHead(204).end();
	}

	private deleteFile(
		query: Record<string, string>,
		res: ServerResponse,
		apiError: (message: string, id?: string) => void,
	): void {
		const file = (query.filename ?? '').toLowerCase();
		const locale = (query.locale ?? '').toLowerCase();
		if (locale === this.sourceLocale.toLowerCase()) {
			if (!this.inFolder.delete(file))
				return apiError(`The file does not exist: in\\${query.filename}`);
			const at = this.pending.indexOf(file);
			if (at >= 0) this.pending.splice(at, 1);
		} else {
			const record = this.files.find(
				(f) => f.file.toLowerCase() === file && f.locale.toLowerCase() === locale,
			);
			if (!record?.content)
				return apiError(`The file does not exist: out\\${query.locale}\\${query.filename}`);
			this.files.splice(this.files.indexOf(record), 1);
		}
		res.writeHead(204).end();
	}

	/** The automation's run once no session is open: translate what arrived, then call the connector callback. */
	private runAutomation(): void {
		const automation = this.automation;
		if (!automation || this.pending.length === 0) return;
		const files = this.pending.splice(0).flatMap((key) => {
			const source = this.inFolder.get(key);
			if (!source) return [];
			const hotFolder = (this.options.hotFolders ?? []).find(
				(h) => h.directory && key.startsWith(`${h.directory.toLowerCase()}\\`),
			);
			const locales =
				this.instructionsFor(source.file)?.locales ??
				hotFolder?.targetLocales ??
				this.targetLocales;
			const translate =
				automation.translate ??
				((bytes: Buffer, locale: string) => Buffer.concat([Buffer.from(`[${locale}] `), bytes]));
			return locales.map((locale) => ({
				file: source.file,
				locale,
				content: translate(source.bytes, locale, source.file),
			}));
		});
		if (files.length === 0) return;
		const at = new Date();
		const event = this.deliverFiles(files, at);
		const callbackUrl = this.connectorCallbackUrl;
		if (!callbackUrl) return;
		const url = `${callbackUrl}${callbackUrl.includes('?') ? '&' : '?'}${this.callbackQuery(event, at)}`;
		this.working.push(
			fetch(url)
				.then(async (response) => {
					await response.arrayBuffer();
					this.callbacks.push({ url, status: response.status });
				})
				.catch(() => {
					this.callbacks.push({ url, status: 0 });
				}),
		);
	}

	private login(
		fields: Record<string, unknown>,
		json: (status: number, body: unknown) => void,
		apiError: (message: string, id?: string) => void,
		res: ServerResponse,
	): void {
		this.connects++;
		if (this.busyLogins > 0) {
			this.busyLogins--;
			return apiError(
				'The Beebox is busy with automatic operations. Try login again in a few seconds.',
				'BUSY',
			);
		}
		const project = String(fields.project ?? '');
		const loginOk = fields.login === this.options.login && fields.pwd === this.options.password;
		if (!loginOk || (project !== '' && project !== this.options.projectKey)) {
			return apiError('Login failed. Verify login and password.', 'LOGIN_FAILED');
		}
		const token = randomUUID();
		this.sessions.set(token, project);
		const format = this.options.tokenFormat ?? 'json';
		if (format === 'json') return json(200, token);
		if (format === 'bare') {
			res.writeHead(200, { 'content-type': 'text/plain' }).end(token);
			return;
		}
		res
			.writeHead(200, { 'content-type': 'application/xml; charset=utf-8' })
			.end(`<string xmlns="http://schemas.microsoft.com/2003/10/Serialization/">${token}</string>`);
	}

	private translationStatus(input: Record<string, unknown>): Record<string, unknown>[] {
		const filter = (input.filter ?? {}) as {
			targetLocale?: string;
			patterns?: { fpath?: string };
		};
		const skip = Number(input.skip ?? 0);
		const count = Number(input.count ?? 100);
		const pattern = filter.patterns?.fpath ? new RegExp(filter.patterns.fpath) : undefined;
		return this.files
			.filter(
				(f) =>
					(!filter.targetLocale || f.locale.toLowerCase() === filter.targetLocale.toLowerCase()) &&
					(!pattern || pattern.test(f.file)),
			)
			.slice(skip, skip + count)
			.map((f) => ({
				file: f.file,
				locale: f.locale,
				localename: `${f.locale} name`,
				uptodate: f.status === 1,
				segments: 10,
				words: 100,
				folder: '',
				status: f.status,
				statusc: STATUS_NAMES[f.status] ?? String(f.status),
				tfdate: f.tfdate,
				readyToBuild: f.status === 7,
				notReadyToBuild: f.status === 6,
			}));
	}
}

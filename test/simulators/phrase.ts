/* eslint-disable @n8n/community-nodes/no-restricted-imports -- developer tooling: runs in Node.js, never inside n8n, so n8n's rules for node code do not apply (CONTRIBUTING.md, "Lint") */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import publishedLanguages from '../fixtures/public/phrase/api-languages-sanity.json';
import publishedEventCodes from '../fixtures/public/phrase/webhook-event-codes-phrase-openapi.json';
import { LocalServer } from './localServer';

/**
 * A local Phrase TMS API for tests (base URL `<url>/web`; the Platform token endpoint at `<url>/idm/oauth/token`),
 * after Phrase's API reference (developers.phrase.com/en/api/tms/latest) and the answers in
 * test/fixtures/public/phrase/:
 * - auth: `POST /api2/v1/auth/login` ({userName, password} → {token}) for `Authorization: ApiToken`; the Platform
 *   token exchange (form, grant type token-exchange → {access_token, expires_in}) for `Authorization: Bearer`;
 *   `expireTokens()` makes every issued token answer 401, as expired ones do; `GET /api2/v1/auth/whoAmI`;
 * - webhooks v2 (create with only the documented fields and the published event codes, else 400; list all or
 *   by url, paged; get; delete) and their call history (`GET /api2/v1/webhooksCalls`: pages of 50, `status`
 *   SUCCESS|FAIL, `events`, `webhookUid`);
 * - jobs (get; a project's jobs by `workflowLevel` (1 when not given), `status` repeated, `targetLang`, paged,
 *   with `totalElements`), the target file export (PUT v3 targetFile → 202 asyncRequest; `GET /api2/v1/async/{id}`
 *   answers `asyncResponse: null` `asyncPolls` times; the download works once), the original and the bilingual
 *   (MXLIFF) file;
 * - projects (get; list by `name` substring and repeated `statuses`, paged);
 * - sending work (see `jobCreations`, `sourceUpdates`, `projectCreations`, `statusChanges`): jobs created from a
 *   file streamed in the body (`POST /api2/v1/projects/{p}/jobs`, the `Memsource` header's JSON and the file name
 *   of `Content-Disposition`, one job per target language and workflow step, 201 JobListDto), a new source version
 *   (`POST .../jobs/source`, 200), a job's status (`POST .../jobs/{j}/setStatus`, 204), projects (`POST
 *   /api2/v3/projects`, `POST /api2/v2/projects/applyTemplate/{t}`, 201), templates (`GET
 *   /api2/v1/projectTemplates`, by `name`, paged) and the supported languages (`GET /api2/v1/languages`, Phrase's
 *   list from the public fixture);
 * - `failAfterReceipt(kind)`: the next request that sends work is recorded (the work exists) and then answered 500,
 *   dropped without an answer, or never answered: what a client sees when Phrase failed after receiving it;
 * - `rateLimitNext(n)`: the next n API calls answer 429 with Retry-After.
 * `deliver()` POSTs a webhook body to every enabled webhook subscribed to its event, with X-Memsource-Token, and
 * records each call in the history as Phrase does; `receiverUrl` accepts any delivery. `nextEvent()`: see its
 * comment.
 */
export interface PhraseSimJob {
	uid: string;
	/** in the API's naming (NEW, ACCEPTED, COMPLETED, DELIVERED...) */
	status: string;
	targetLang?: string;
	filename?: string;
	/** default 1 */
	workflowLevel?: number;
	/** the bytes of the translated file (default: a small HTML page naming the job) */
	target?: Buffer;
	/** the bytes of the source file */
	original?: Buffer;
	/** the export of this job's target file fails with this error code */
	exportError?: string;
}

export interface PhraseSimulatorOptions {
	userName: string;
	password: string;
	/** Platform API tokens the token endpoint exchanges */
	platformTokens?: string[];
	/** legacy TMS tokens accepted as `ApiToken` as they are */
	apiTokens?: string[];
	/** jobs by project uid, with statuses in the API's naming */
	projects?: Record<string, PhraseSimJob[]>;
	/** names, statuses and languages of projects (default: "Project <uid>", NEW, en, its jobs' languages) */
	projectInfo?: Record<string, PhraseSimProjectInfo>;
	/** project templates (GET /api2/v1/projectTemplates, applyTemplate) */
	templates?: PhraseSimTemplate[];
	/** file name endings Phrase does not import: the job creation answers them in `unsupportedFiles` */
	unsupportedExtensions?: string[];
	/** how often GET /api2/v1/async/{id} answers "not finished" before it is (default 2) */
	asyncPolls?: number;
	/** the role whoAmI names, and whether webhook calls can be read (Phrase's Administrator) */
	role?: 'ADMIN' | 'PROJECT_MANAGER';
}

export interface PhraseSimProjectInfo {
	name?: string;
	status?: string;
	sourceLang?: string;
	targetLangs?: string[];
	/** the project's workflow steps: a file creates one job per target language and step (default 1) */
	workflowLevels?: number;
}

export interface PhraseSimTemplate {
	uid: string;
	templateName: string;
	sourceLang: string;
	targetLangs: string[];
	workflowLevels?: number;
}

/** A file Phrase received (job creation or source update), as the simulator recorded it before answering. */
export interface PhraseSimUpload {
	projectUid: string;
	/** from Content-Disposition */
	fileName: string;
	/** the `Memsource` header's JSON */
	metadata: Record<string, unknown>;
	contentType?: string;
	contentDisposition?: string;
	size: number;
	sha256: string;
	/** the bytes, when at most UPLOAD_KEPT_BYTES (larger files are counted and hashed only) */
	bytes?: Buffer;
	/** the jobs created or updated */
	jobUids: string[];
}

/** How a request that sends work fails after Phrase received it (failAfterReceipt). */
export type PhraseSimFault = 'status500' | 'drop' | 'hang';

/** Uploads up to this size are kept byte for byte; larger ones are streamed through and only counted. */
const UPLOAD_KEPT_BYTES = 8 * 1024 * 1024;

/** Statuses a job's setStatus accepts (JobStatusChangeActionDto.requestedStatus). */
const REQUESTABLE_STATUSES = [
	'NEW',
	'ACCEPTED',
	'DECLINED',
	'REJECTED',
	'DELIVERED',
	'EMAILED',
	'COMPLETED',
	'CANCELLED',
];

/** API statuses Update source refuses ("COMPLETED_BY_LINGUIST, COMPLETED, CANCELLED" in webhook naming). */
const FINAL_STATUSES = ['COMPLETED', 'DELIVERED', 'CANCELLED'];

/** Phrase's supported languages (the public fixture: List supported languages). */
export const PHRASE_LANGUAGES: ReadonlyArray<{ code: string; name: string; rfc: string }> =
	publishedLanguages.body.languages;

export interface PhraseSimWebhook {
	uid: string;
	url: string;
	events: string[];
	secretToken?: string;
	name?: string;
	status: string;
}

/** One call of a webhook as Phrase's history keeps it (WebhookCallDto). */
export interface PhraseSimCall {
	uid: string;
	eventUid: string | null;
	parentUid: string | null;
	webhookSettings: { uid: string | null };
	createdAt: string;
	url: string;
	body: string;
	triggerEvent: string;
	statusCode: number | null;
	errorMessage: string | null;
	retryAttempt: number;
	/** not part of Phrase's answer: what the `status` filter matches */
	outcome: 'SUCCESS' | 'FAIL';
}

/** The fields Phrase's create-webhook schema (CreateWebHookDto) documents. */
const WEBHOOK_FIELDS = new Set(['name', 'url', 'events', 'secretToken', 'hidden', 'status']);

/**
 * The codes Phrase's CreateWebHookDto `events` enum has (the public fixture, both of its lists). Phrase documents
 * no answer for a code outside it; the simulator answers as Phrase's API answers any invalid argument, a 400 in
 * its error envelope, naming the value and, as a Java enum's parser does, every accepted one.
 */
export const PUBLISHED_EVENT_CODES: readonly string[] = [
	...new Set([...publishedEventCodes.latest, ...publishedEventCodes.openapi2023]),
];

/** A Phrase-like uid: 22 letters and digits. */
export const phraseUid = () =>
	randomBytes(24)
		.toString('base64')
		.replace(/[^A-Za-z0-9]/g, '')
		.slice(0, 22)
		.padEnd(22, 'x');

export class PhraseSimulator extends LocalServer {
	private readonly tokens = new Set<string>();
	private readonly bearers = new Set<string>();
	readonly webhooks = new Map<string, PhraseSimWebhook>();
	/** the bodies of webhook creations, as sent */
	readonly webhookCreations: Array<Record<string, unknown>> = [];
	/** the event codes creating a webhook accepts (a test may take one away, as Phrase could) */
	acceptedEventCodes: readonly string[] = PUBLISHED_EVENT_CODES;
	readonly calls: PhraseSimCall[] = [];
	readonly requests: Array<{
		method: string;
		path: string;
		query: string;
		authorized: boolean;
		authorization?: string;
	}> = [];
	logins = 0;
	exchanges = 0;
	/** when set, files are sent without Content-Disposition (no file name from Phrase) */
	filesWithoutName = false;
	/** every job creation Phrase received (recorded before any fault) */
	readonly jobCreations: PhraseSimUpload[] = [];
	/** every source update Phrase received */
	readonly sourceUpdates: PhraseSimUpload[] = [];
	/** every project creation Phrase received: `POST /api2/v3/projects` or from a template */
	readonly projectCreations: Array<{
		templateUid?: string;
		body: Record<string, unknown>;
		uid: string;
	}> = [];
	/** every setStatus Phrase received */
	readonly statusChanges: Array<{
		projectUid: string;
		jobUid: string;
		body: Record<string, unknown>;
	}> = [];
	private readonly faults: PhraseSimFault[] = [];
	private readonly hanging = new Set<ServerResponse>();
	private rateLimited = 0;
	private readonly asyncRequests = new Map<
		string,
		{ projectUid: string; job: PhraseSimJob; polls: number; used: boolean }
	>();
	private nextAsyncId = 950_791;
	private events = 0;

	constructor(readonly options: PhraseSimulatorOptions) {
		super();
	}

	get baseUrl(): string {
		return `${this.url}/web`;
	}

	/** A webhook receiver that answers every POST 200 (a delivery that succeeds). */
	get receiverUrl(): string {
		return `${this.url}/receiver`;
	}

	/** The Platform URL of a credential for this simulator (its token endpoint is `/idm/oauth/token`). */
	get idmUrl(): string {
		return this.url;
	}

	expireTokens(): void {
		this.tokens.clear();
		this.bearers.clear();
	}

	/** The next `count` API calls answer 429 with `Retry-After: <seconds>`. */
	rateLimitNext(count: number, seconds = 1): void {
		this.rateLimited = count;
		this.retryAfter = seconds;
	}

	private retryAfter = 1;

	/**
	 * The next `count` requests that send work (a job creation, a source update, a project creation) are carried
	 * out and recorded, then fail as `kind` says: HTTP 500, the connection dropped without an answer, or no answer
	 * at all (until the client gives up or the simulator stops).
	 */
	failAfterReceipt(kind: PhraseSimFault, count = 1): void {
		for (let i = 0; i < count; i++) this.faults.push(kind);
	}

	override async stop(): Promise<void> {
		for (const res of this.hanging) res.destroy();
		this.hanging.clear();
		await super.stop();
	}

	/** Answers a request that sent work: as asked, or with the next injected fault. */
	private answerWork(res: ServerResponse, status: number, body: unknown): void {
		const fault = this.faults.shift();
		if (fault === 'drop') return void res.socket?.destroy();
		if (fault === 'hang') return void this.hanging.add(res);
		if (fault === 'status500') {
			res.writeHead(500, { 'content-type': 'application/json' });
			return void res.end(
				JSON.stringify({ errorCode: 'InternalError', errorDescription: 'Internal server error' }),
			);
		}
		res.writeHead(status, body === undefined ? {} : { 'content-type': 'application/json' });
		res.end(body === undefined ? undefined : JSON.stringify(body));
	}

	/** The jobs of a project (created empty when unknown), for a test to change. */
	jobsOf(projectUid: string): PhraseSimJob[] {
		this.options.projects ??= {};
		return (this.options.projects[projectUid] ??= []);
	}

	/**
	 * One call of a webhook, as Phrase makes it: POSTs the body with X-Memsource-Token and records the call in the
	 * history (FAIL for anything but 2xx, also when nothing answers). Returns the HTTP status (0: no answer).
	 */
	async call(
		hook: { uid: string | null; url: string; secretToken?: string },
		body: Record<string, unknown>,
		options: {
			tokenOverride?: string;
			parentUid?: string | null;
			retryAttempt?: number;
			/** the URL the history shows, when the call went elsewhere (a test's proxy in front of n8n) */
			recordedUrl?: string;
		} = {},
	): Promise<number> {
		const text = JSON.stringify(body);
		let status = 0;
		let errorMessage: string | null = null;
		try {
			const response = await fetch(hook.url, {
				method: 'POST',
				headers: {
					'content-type': 'application/json',
					'X-Memsource-Token': options.tokenOverride ?? hook.secretToken ?? '',
				},
				body: text,
			});
			status = response.status;
			await response.arrayBuffer();
		} catch (error) {
			errorMessage = (error as Error).message;
		}
		this.calls.push({
			uid: phraseUid(),
			eventUid: typeof body.eventUid === 'string' ? body.eventUid : null,
			parentUid: options.parentUid ?? null,
			webhookSettings: { uid: hook.uid },
			createdAt: new Date().toISOString(),
			url: options.recordedUrl ?? hook.url,
			body: text,
			triggerEvent: String(body.event),
			statusCode: status || null,
			errorMessage: errorMessage ?? (status >= 300 || status < 200 ? `HTTP ${status}` : null),
			retryAttempt: options.retryAttempt ?? 0,
			outcome: status >= 200 && status < 300 ? 'SUCCESS' : 'FAIL',
		});
		return status;
	}

	/** Delivers a body to every enabled webhook subscribed to its event; the status of each call. */
	async deliver(body: Record<string, unknown>, tokenOverride?: string): Promise<number[]> {
		const statuses: number[] = [];
		for (const hook of [...this.webhooks.values()]) {
			if (hook.status !== 'ENABLED' || !hook.events.includes(String(body.event))) continue;
			statuses.push(await this.call(hook, body, { tokenOverride }));
		}
		return statuses;
	}

	/**
	 * For the cross-vendor outage test: one new event, as Phrase makes it. It moves a job of project
	 * `prj-NextEvent` to the next status and builds the JOB_STATUS_CHANGED webhook Phrase sends for it (a fresh
	 * `eventUid`). `deliver(url, secret)` makes Phrase's call to that URL (recorded in the webhook history, FAIL
	 * when n8n does not answer 2xx; the HTTP status, 0 when nothing answered). Until it is called, the history
	 * shows the event as a failed call (Phrase tried its webhook and nothing answered), so the catch-up sees it
	 * either way. The call is one of the account's webhook subscribed to the event (the one whose secret token
	 * `deliver` is given), with that webhook's uid and URL, as Phrase's history shows its calls, also when the test
	 * sends it through a proxy. `eventKey`: what the Phrase TMS Trigger and the Catch-Up Trigger emit.
	 */
	nextEvent(): { deliver(url: string, secret: string): Promise<number>; eventKey: string } {
		const projectUid = 'prj-NextEvent';
		const jobs = this.jobsOf(projectUid);
		const n = ++this.events;
		const job: PhraseSimJob = { uid: `nextEventJob${n}`, status: 'COMPLETED', targetLang: 'de' };
		jobs.push(job);
		const eventUid = phraseUid();
		const body = {
			event: 'JOB_STATUS_CHANGED',
			timestamp: Math.floor(Date.now() / 1000),
			eventUid,
			jobParts: [
				{
					id: String(1000 + n),
					uid: job.uid,
					fileName: 'next-event.html',
					targetLang: 'de',
					workflowLevel: 1,
					status: 'COMPLETED_BY_LINGUIST',
					project: { id: 99, uid: projectUid, lastWorkflowLevel: 1 },
					assignedTo: [],
				},
			],
			metadata: { project: { uid: projectUid, name: 'Next event project' } },
		};
		const subscribed = [...this.webhooks.values()].find(
			(h) => h.status === 'ENABLED' && h.events.includes(body.event),
		);
		const pending: PhraseSimCall = {
			uid: phraseUid(),
			eventUid,
			parentUid: null,
			webhookSettings: { uid: subscribed?.uid ?? null },
			createdAt: new Date().toISOString(),
			url: subscribed?.url ?? '',
			body: JSON.stringify(body),
			triggerEvent: body.event,
			statusCode: null,
			errorMessage: 'Connection refused',
			retryAttempt: 0,
			outcome: 'FAIL',
		};
		this.calls.push(pending);
		return {
			eventKey: `phrase:JOB_STATUS_CHANGED:${eventUid}:${job.uid}`,
			deliver: async (url, secret) => {
				const at = this.calls.indexOf(pending);
				if (at >= 0) this.calls.splice(at, 1);
				const hook =
					[...this.webhooks.values()].find((h) => h.secretToken === secret) ?? subscribed;
				return await this.call({ uid: hook?.uid ?? null, url, secretToken: secret }, body, {
					recordedUrl: hook?.url,
				});
			},
		};
	}

	private projectOf(uid: string): Record<string, unknown> | undefined {
		const jobs = this.options.projects?.[uid];
		if (!jobs) return undefined;
		const info = this.options.projectInfo?.[uid] ?? {};
		return {
			uid,
			id: String(37000 + Object.keys(this.options.projects ?? {}).indexOf(uid)),
			internalId: 59,
			name: info.name ?? `Project ${uid}`,
			status: info.status ?? 'NEW',
			sourceLang: info.sourceLang ?? 'en',
			targetLangs: info.targetLangs ?? [...new Set(jobs.map((j) => j.targetLang ?? 'de'))],
			dateCreated: '2026-11-20T08:00:00+0000',
		};
	}

	/** A new project (created by the API): its uid. */
	private addProject(info: PhraseSimProjectInfo): string {
		const uid = phraseUid();
		this.jobsOf(uid);
		this.options.projectInfo ??= {};
		this.options.projectInfo[uid] = { status: 'NEW', ...info };
		return uid;
	}

	/** A job as the create and update-source answers list it (JobPartReference). */
	private jobReference(job: PhraseSimJob & { sourceFileUid?: string }): Record<string, unknown> {
		const level = job.workflowLevel ?? 1;
		return {
			uid: job.uid,
			status: job.status,
			targetLang: job.targetLang ?? 'de',
			filename: job.filename ?? `${job.uid}.html`,
			workflowLevel: level,
			workflowStep: {
				uid: `step${level}`,
				order: level * 10,
				id: String(level),
				name: `Step ${level}`,
			},
			dateCreated: '2026-11-25T10:00:00+0000',
			dateDue: null,
			updateSourceDate: null,
			imported: false,
			continuous: false,
			providers: [],
			sourceFileUid: job.sourceFileUid ?? null,
		};
	}

	/** Why a language code is not one of Phrase's, or undefined. */
	private unknownLanguage(codes: unknown): string | undefined {
		if (!Array.isArray(codes)) return 'targetLangs must be a list';
		const bad = codes.find((c) => !PHRASE_LANGUAGES.some((l) => l.code === c));
		return bad === undefined ? undefined : `Unsupported language: ${String(bad)}`;
	}

	/**
	 * `POST /api2/v1/projects/{p}/jobs` (create) and `POST .../jobs/source` (update source): the file streamed in
	 * the body, counted and hashed as it arrives (kept when small), the metadata in the `Memsource` header.
	 */
	private async receiveFile(
		req: IncomingMessage,
		res: ServerResponse,
		projectUid: string,
		kind: 'create' | 'source',
	): Promise<void> {
		const json = (status: number, body: unknown) => {
			res.writeHead(status, { 'content-type': 'application/json' });
			res.end(JSON.stringify(body));
		};
		const hash = createHash('sha256');
		const kept: Buffer[] = [];
		let size = 0;
		for await (const chunk of req) {
			const buffer = chunk as Buffer;
			hash.update(buffer);
			size += buffer.length;
			if (size <= UPLOAD_KEPT_BYTES) kept.push(buffer);
		}
		const disposition = req.headers['content-disposition'];
		// Phrase's pattern: ((inline|attachment); )?(filename\*=UTF-8''(.+)|filename="?(.+)"?)
		const named =
			/^(?:(?:inline|attachment); )?(?:filename\*=UTF-8''(.+)|filename="?([^"]+)"?)$/.exec(
				disposition ?? '',
			);
		let fileName: string | undefined;
		try {
			fileName = named ? (named[1] ? decodeURIComponent(named[1]) : named[2]) : undefined;
		} catch {
			fileName = undefined;
		}
		let metadata: Record<string, unknown>;
		try {
			metadata = JSON.parse(String(req.headers.memsource ?? '')) as Record<string, unknown>;
		} catch {
			return json(400, { errorCode: 'BadRequest', errorDescription: 'Invalid Memsource header' });
		}
		if (!fileName)
			return json(400, {
				errorCode: 'BadRequest',
				errorDescription: 'Content-Disposition with a filename is required',
			});
		const jobs = this.options.projects?.[projectUid];
		const project = this.projectOf(projectUid);
		if (!jobs || !project)
			return json(404, { errorCode: 'NotFound', errorDescription: 'Project not found' });
		const upload: PhraseSimUpload = {
			projectUid,
			fileName,
			metadata,
			contentType: req.headers['content-type'],
			contentDisposition: disposition,
			size,
			sha256: hash.digest('hex'),
			bytes: size <= UPLOAD_KEPT_BYTES ? Buffer.concat(kept) : undefined,
			jobUids: [],
		};
		const asyncRequest = (action: string) => ({
			id: String(this.nextAsyncId++),
			action,
			dateCreated: '2026-11-25T10:00:00+0000',
		});

		if (kind === 'create') {
			const targetLangs = metadata.targetLangs;
			if (!Array.isArray(targetLangs) || targetLangs.length === 0)
				return json(400, { errorCode: 'BadRequest', errorDescription: 'targetLangs is required' });
			const outside = targetLangs.find((l) => !(project.targetLangs as string[]).includes(l));
			if (outside !== undefined)
				return json(400, {
					errorCode: 'BadRequest',
					errorDescription: `Target language ${String(outside)} is not a target language of the project`,
				});
			this.jobCreations.push(upload);
			if (this.options.unsupportedExtensions?.some((e) => fileName.toLowerCase().endsWith(e)))
				return this.answerWork(res, 201, {
					asyncRequest: asyncRequest('IMPORT_JOB'),
					jobs: [],
					unsupportedFiles: [fileName],
				});
			const levels = this.options.projectInfo?.[projectUid]?.workflowLevels ?? 1;
			const sourceFileUid = phraseUid();
			const created: Array<PhraseSimJob & { sourceFileUid: string }> = [];
			for (const targetLang of targetLangs as string[])
				for (let level = 1; level <= levels; level++)
					created.push({
						uid: phraseUid(),
						status: 'NEW',
						targetLang,
						filename: fileName,
						workflowLevel: level,
						original: upload.bytes,
						sourceFileUid,
					});
			jobs.push(...created);
			upload.jobUids = created.map((j) => j.uid);
			return this.answerWork(res, 201, {
				asyncRequest: asyncRequest('IMPORT_JOB'),
				jobs: created.map((j) => this.jobReference(j)),
				unsupportedFiles: [],
			});
		}

		const wanted = ((metadata.jobs as Array<{ uid?: unknown }> | undefined) ?? []).map((j) =>
			String(j?.uid ?? ''),
		);
		if (wanted.length === 0 || wanted.length > 100)
			return json(400, {
				errorCode: 'BadRequest',
				errorDescription: 'jobs: between 1 and 100 job references are required',
			});
		if (fileName.toLowerCase().endsWith('.zip'))
			return json(400, {
				errorCode: 'BadRequest',
				errorDescription: 'A .zip file cannot update a source',
			});
		const found = wanted.map((uid) => jobs.find((j) => j.uid === uid));
		const missing = wanted.find((_, i) => !found[i]);
		if (missing !== undefined)
			return json(404, { errorCode: 'NotFound', errorDescription: `Job ${missing} not found` });
		const refused = found.find(
			(j) => (j!.workflowLevel ?? 1) !== 1 || FINAL_STATUSES.includes(j!.status),
		);
		if (refused)
			return json(400, {
				errorCode: 'BadRequest',
				errorDescription: `Job ${refused.uid} must be in the first workflow step and not in a final status`,
			});
		this.sourceUpdates.push(upload);
		for (const job of found) {
			job!.original = upload.bytes;
			job!.filename = fileName;
		}
		upload.jobUids = wanted;
		return this.answerWork(res, 200, {
			asyncRequest: asyncRequest('UPDATE_SOURCE'),
			jobs: found.map((j) => {
				const { uid, status, targetLang, filename, workflowLevel, workflowStep } =
					this.jobReference(j!);
				return { uid, status, targetLang, filename, workflowLevel, workflowStep };
			}),
		});
	}

	/** Records the request and answers 401 / 429 as Phrase would; false when it was answered. */
	private admit(req: IncomingMessage, res: ServerResponse, path: string, search: string): boolean {
		const authorized = this.authorization(req);
		this.requests.push({
			method: req.method ?? '',
			path,
			query: search,
			authorized,
			authorization: req.headers.authorization?.split(' ')[0],
		});
		const refuse = (status: number, body: unknown, headers: Record<string, string> = {}) => {
			// the body (maybe a file) is read to its end first, so that the client sees the answer
			const answer = () => {
				res.writeHead(status, { 'content-type': 'application/json', ...headers });
				res.end(JSON.stringify(body));
			};
			if (req.readableEnded) answer();
			else req.resume().on('end', answer);
			return false;
		};
		if (!authorized)
			return refuse(401, {
				errorCode: 'AuthUnauthorized',
				errorDescription: 'Authentication failed',
			});
		if (this.rateLimited > 0) {
			this.rateLimited--;
			return refuse(
				429,
				{ errorCode: 'TooManyRequests', errorDescription: 'Too many requests' },
				{ 'retry-after': String(this.retryAfter) },
			);
		}
		return true;
	}

	private apiJob(projectUid: string, job: PhraseSimJob): Record<string, unknown> {
		return {
			uid: job.uid,
			innerId: '1',
			status: job.status,
			targetLang: job.targetLang ?? 'de',
			filename: job.filename ?? `${job.uid}.html`,
			workflowLevel: job.workflowLevel ?? 1,
			workflowStep: {
				name: `Step ${job.workflowLevel ?? 1}`,
				order: 10 * (job.workflowLevel ?? 1),
			},
			project: { uid: projectUid },
			dateCreated: '2026-11-20T08:12:00+0000',
			dateDue: null,
			imported: true,
			continuous: false,
		};
	}

	private authorization(req: IncomingMessage): boolean {
		const header = req.headers.authorization ?? '';
		const apiToken = /^ApiToken (.+)$/.exec(header)?.[1];
		if (apiToken) return this.tokens.has(apiToken) || !!this.options.apiTokens?.includes(apiToken);
		const bearer = /^Bearer (.+)$/.exec(header)?.[1];
		return !!bearer && this.bearers.has(bearer);
	}

	protected async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const url = new URL(req.url ?? '/', 'http://localhost');
		const json = (status: number, body?: unknown, headers: Record<string, string> = {}) => {
			res.writeHead(status, {
				...(body === undefined ? {} : { 'content-type': 'application/json' }),
				...headers,
			});
			res.end(body === undefined ? undefined : JSON.stringify(body));
		};
		const file = (bytes: Buffer, name: string, type: string) => {
			res.writeHead(200, {
				'content-type': type,
				...(this.filesWithoutName
					? {}
					: { 'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}` }),
				'content-length': String(bytes.length),
			});
			res.end(bytes);
		};
		const notFound = (what: string) => json(404, { errorCode: 'NotFound', errorDescription: what });
		const upload = /^\/web\/api2\/v1\/projects\/([^/]+)\/jobs(\/source)?$/.exec(url.pathname);
		if (upload && req.method === 'POST') {
			const path = url.pathname.replace(/^\/web/, '');
			if (!this.admit(req, res, path, url.search)) return;
			return await this.receiveFile(req, res, upload[1], upload[2] ? 'source' : 'create');
		}
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const raw = Buffer.concat(chunks).toString('utf8');
		const form = /x-www-form-urlencoded/.test(req.headers['content-type'] ?? '');
		let body: Record<string, unknown> = {};
		if (raw && form) body = Object.fromEntries(new URLSearchParams(raw));
		else if (raw) body = JSON.parse(raw) as Record<string, unknown>;
		const path = url.pathname.replace(/^\/web/, '');
		const q = url.searchParams;

		if (req.method === 'POST' && url.pathname === '/receiver') return json(200, { received: true });
		if (req.method === 'POST' && url.pathname === '/idm/oauth/token') {
			this.exchanges++;
			if (
				!form ||
				body.grant_type !== 'urn:ietf:params:oauth:grant-type:token-exchange' ||
				!this.options.platformTokens?.includes(String(body.subject_token))
			)
				return json(400, { error: 'invalid_grant', error_description: 'Invalid token' });
			const accessToken = `jwt.${randomUUID()}`;
			this.bearers.add(accessToken);
			return json(200, {
				access_token: accessToken,
				issued_token_type: 'urn:ietf:params:oauth:token-type:access_token',
				token_type: 'Bearer',
				expires_in: 14399,
			});
		}
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
		if (!this.admit(req, res, path, url.search)) return;

		if (req.method === 'GET' && path === '/api2/v1/auth/whoAmI')
			return json(200, {
				user: {
					userName: this.options.userName,
					role: this.options.role ?? 'ADMIN',
					uid: 'usr-pm',
				},
				organization: { uid: 'org-1', name: 'Simulated organisation' },
			});

		// ---- webhooks ----
		if (path === '/api2/v2/webhooks' && req.method === 'POST') {
			this.webhookCreations.push(body);
			const unknown = Object.keys(body).filter((key) => !WEBHOOK_FIELDS.has(key));
			if (unknown.length)
				return json(400, {
					errorCode: 'BadRequest',
					errorDescription: `Unrecognized field(s): ${unknown.join(', ')}`,
				});
			const events = (body.events as string[]) ?? [];
			if (!body.url || !events.length)
				return json(400, {
					errorCode: 'BadRequest',
					errorDescription: 'url and events are required',
				});
			const invalid = events.find((code) => !this.acceptedEventCodes.includes(code));
			if (invalid !== undefined)
				return json(400, {
					errorCode: 'BadRequest',
					errorDescription: `Cannot deserialize value of type \`WebhookEvent\` from String "${invalid}": not one of the values accepted for Enum class: [${this.acceptedEventCodes.join(', ')}]`,
				});
			const hook: PhraseSimWebhook = {
				uid: phraseUid(),
				url: String(body.url),
				events,
				secretToken: body.secretToken as string | undefined,
				name: body.name as string,
				status: String(body.status ?? 'ENABLED'),
			};
			this.webhooks.set(hook.uid, hook);
			return json(200, { ...hook, id: String(this.webhooks.size), failedAttempts: 0 });
		}
		if (path === '/api2/v2/webhooks' && req.method === 'GET') {
			const wanted = q.get('url');
			const all = [...this.webhooks.values()].filter((h) => !wanted || h.url === wanted);
			return json(200, this.page(all, q));
		}
		const hook = /^\/api2\/v2\/webhooks\/([^/]+)$/.exec(path);
		if (hook) {
			const found = this.webhooks.get(hook[1]);
			if (!found) return notFound('Webhook not found');
			if (req.method === 'GET') return json(200, found);
			if (req.method === 'DELETE') {
				this.webhooks.delete(hook[1]);
				return json(204);
			}
		}
		if (path === '/api2/v1/webhooksCalls' && req.method === 'GET') {
			if ((this.options.role ?? 'ADMIN') !== 'ADMIN')
				return json(403, { errorCode: 'Forbidden', errorDescription: 'Access denied' });
			const events = q.getAll('events');
			const status = q.get('status');
			const webhookUid = q.get('webhookUid');
			const listed = this.calls
				.filter((c) => !status || c.outcome === status)
				.filter((c) => !events.length || events.includes(c.triggerEvent))
				.filter((c) => !webhookUid || c.webhookSettings.uid === webhookUid)
				.map(({ outcome, ...call }) => (void outcome, call));
			return json(200, this.page(listed, q));
		}

		// ---- async requests ----
		const asyncRequest = /^\/api2\/v1\/async\/([^/]+)$/.exec(path);
		if (asyncRequest && req.method === 'GET') {
			const found = this.asyncRequests.get(asyncRequest[1]);
			if (!found) return notFound('Async request not found');
			const done = found.polls-- <= 0;
			return json(200, {
				id: asyncRequest[1],
				action: 'EXPORT_JOB_TARGET',
				dateCreated: '2026-11-25T10:00:00+0000',
				asyncResponse: done
					? {
							dateCreated: '2026-11-25T10:00:02+0000',
							errorCode: found.job.exportError ?? null,
							errorDesc: found.job.exportError ? 'The export failed' : null,
							errorDetails: [],
							warnings: [],
						}
					: null,
			});
		}

		// ---- jobs ----
		const targetFile = /^\/api2\/v3\/projects\/([^/]+)\/jobs\/([^/]+)\/targetFile$/.exec(path);
		if (targetFile && req.method === 'PUT') {
			const job = this.options.projects?.[targetFile[1]]?.find((j) => j.uid === targetFile[2]);
			if (!job) return notFound('Job not found');
			const id = String(this.nextAsyncId++);
			this.asyncRequests.set(id, {
				projectUid: targetFile[1],
				job,
				polls: this.options.asyncPolls ?? 2,
				used: false,
			});
			return json(202, {
				asyncRequest: {
					id,
					action: 'EXPORT_JOB_TARGET',
					dateCreated: '2026-11-25T10:00:00+0000',
					asyncResponse: null,
					project: { uid: targetFile[1] },
				},
			});
		}
		const download =
			/^\/api2\/v2\/projects\/([^/]+)\/jobs\/([^/]+)\/downloadTargetFile\/([^/]+)$/.exec(path);
		if (download && req.method === 'GET') {
			const found = this.asyncRequests.get(download[3]);
			if (!found || found.used || found.job.uid !== download[2])
				return notFound('Async request not found or already used');
			if (found.polls >= 0)
				return json(400, {
					errorCode: 'AsyncRequestNotFinished',
					errorDescription: 'The request has not finished',
				});
			found.used = true;
			return file(
				found.job.target ?? Buffer.from(`<p>Übersetzung von ${found.job.uid}</p>\n`),
				(found.job.filename ?? `${found.job.uid}.html`).replace(
					/(\.[^.]+)?$/,
					`_${found.job.targetLang ?? 'de'}$1`,
				),
				'application/octet-stream',
			);
		}
		const original = /^\/api2\/v1\/projects\/([^/]+)\/jobs\/([^/]+)\/original$/.exec(path);
		if (original && req.method === 'GET') {
			const job = this.options.projects?.[original[1]]?.find((j) => j.uid === original[2]);
			if (!job) return notFound('Job not found');
			return file(
				job.original ?? Buffer.from(`<p>Translation of ${job.uid}</p>\n`),
				job.filename ?? `${job.uid}.html`,
				'application/octet-stream',
			);
		}
		const bilingual = /^\/api2\/v1\/projects\/([^/]+)\/jobs\/bilingualFile$/.exec(path);
		if (bilingual && req.method === 'POST') {
			const uids = ((body.jobs as Array<{ uid?: string }>) ?? []).map((j) => j.uid);
			const jobs = this.options.projects?.[bilingual[1]]?.filter((j) => uids.includes(j.uid));
			if (!jobs?.length || q.get('format') !== 'MXLF') return notFound('Job not found');
			const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" xmlns:m="http://www.memsource.com/mxlf/2.0" version="1.2">${jobs
				.map(
					(j) =>
						`<file original="${j.filename ?? j.uid}" target-language="${j.targetLang ?? 'de'}"/>`,
				)
				.join('')}</xliff>\n`;
			return file(
				Buffer.from(xml),
				`${jobs[0].filename ?? jobs[0].uid}-${jobs[0].targetLang ?? 'de'}.mxliff`,
				'application/mxliff',
			);
		}
		const job = /^\/api2\/v1\/projects\/([^/]+)\/jobs\/([^/]+)$/.exec(path);
		if (job && req.method === 'GET') {
			const found = this.options.projects?.[job[1]]?.find((j) => j.uid === job[2]);
			return found ? json(200, this.apiJob(job[1], found)) : notFound('Job not found');
		}
		const jobs = /^\/api2\/v2\/projects\/([^/]+)\/jobs$/.exec(path);
		if (jobs && req.method === 'GET') {
			const all = this.options.projects?.[jobs[1]];
			if (!all) return notFound('Project not found');
			const level = Number(q.get('workflowLevel') ?? 1);
			const statuses = q.getAll('status');
			const targetLang = q.get('targetLang');
			const listed = all
				.filter((j) => (j.workflowLevel ?? 1) === level)
				.filter((j) => !statuses.length || statuses.includes(j.status))
				.filter((j) => !targetLang || (j.targetLang ?? 'de') === targetLang)
				.map((j) => {
					const { workflowLevel, ...rest } = this.apiJob(jobs[1], j);
					return (void workflowLevel, rest);
				});
			return json(200, this.page(listed, q));
		}

		const setStatus = /^\/api2\/v1\/projects\/([^/]+)\/jobs\/([^/]+)\/setStatus$/.exec(path);
		if (setStatus && req.method === 'POST') {
			const found = this.options.projects?.[setStatus[1]]?.find((j) => j.uid === setStatus[2]);
			if (!found) return notFound('Job not found');
			if (!REQUESTABLE_STATUSES.includes(String(body.requestedStatus)))
				return json(400, {
					errorCode: 'BadRequest',
					errorDescription: `requestedStatus must be one of ${REQUESTABLE_STATUSES.join(', ')}`,
				});
			this.statusChanges.push({ projectUid: setStatus[1], jobUid: setStatus[2], body });
			found.status = String(body.requestedStatus);
			return json(204);
		}

		// ---- languages and templates ----
		if (path === '/api2/v1/languages' && req.method === 'GET')
			return json(200, { languages: PHRASE_LANGUAGES });
		if (path === '/api2/v1/projectTemplates' && req.method === 'GET') {
			const name = q.get('name')?.toLowerCase();
			const listed = (this.options.templates ?? [])
				.filter((t) => !name || t.templateName.toLowerCase().includes(name))
				.map((t, i) => ({
					uid: t.uid,
					id: String(5000 + i),
					templateName: t.templateName,
					sourceLang: t.sourceLang,
					targetLangs: t.targetLangs,
					owner: { uid: 'usr-pm', userName: this.options.userName },
					note: null,
				}));
			return json(200, this.page(listed, q));
		}

		const template = /^\/api2\/v1\/projectTemplates\/([^/]+)$/.exec(path);
		if (template && req.method === 'GET') {
			const found = this.options.templates?.find((t) => t.uid === template[1]);
			if (!found) return notFound('Project template not found');
			return json(200, {
				uid: found.uid,
				id: String(5000 + this.options.templates!.indexOf(found)),
				templateName: found.templateName,
				sourceLang: found.sourceLang,
				targetLangs: found.targetLangs,
			});
		}

		// ---- creating projects ----
		const fromTemplate = /^\/api2\/v2\/projects\/applyTemplate\/([^/]+)$/.exec(path);
		if ((path === '/api2/v3/projects' || fromTemplate) && req.method === 'POST') {
			const template = fromTemplate
				? this.options.templates?.find((t) => t.uid === fromTemplate[1])
				: undefined;
			if (fromTemplate && !template) return notFound('Project template not found');
			const name = typeof body.name === 'string' ? body.name.trim() : '';
			const sourceLang = body.sourceLang ?? template?.sourceLang;
			const targetLangs = body.targetLangs ?? template?.targetLangs;
			const problem = !name
				? 'name is required'
				: !sourceLang || !Array.isArray(targetLangs) || targetLangs.length === 0
					? 'sourceLang and targetLangs are required'
					: this.unknownLanguage([sourceLang, ...targetLangs]);
			if (problem) return json(400, { errorCode: 'BadRequest', errorDescription: problem });
			const uid = this.addProject({
				name,
				sourceLang: String(sourceLang),
				targetLangs: targetLangs as string[],
				workflowLevels: template?.workflowLevels,
			});
			this.projectCreations.push({ templateUid: template?.uid, body, uid });
			return this.answerWork(res, 201, {
				...this.projectOf(uid),
				dateDue: body.dateDue ?? null,
				note: body.note ?? null,
				type: 'PROJECT',
				owner: { uid: 'usr-pm', userName: this.options.userName, role: 'ADMIN' },
			});
		}

		// ---- projects ----
		if (path === '/api2/v1/projects' && req.method === 'GET') {
			const name = q.get('name')?.toLowerCase();
			const statuses = q.getAll('statuses');
			const listed = Object.keys(this.options.projects ?? {})
				.map((uid) => this.projectOf(uid)!)
				.filter((p) => !name || String(p.name).toLowerCase().includes(name))
				.filter((p) => !statuses.length || statuses.includes(String(p.status)));
			return json(200, this.page(listed, q));
		}
		const project = /^\/api2\/v1\/projects\/([^/]+)$/.exec(path);
		if (project && req.method === 'GET') {
			const found = this.projectOf(project[1]);
			return found ? json(200, found) : notFound('Project not found');
		}
		notFound(`no such API method: ${req.method} ${path}`);
	}

	/** Phrase's page envelope over a list (`pageNumber` 0-based, `pageSize` 1..50, default 50). */
	private page<T>(all: T[], q: URLSearchParams) {
		const size = Math.min(50, Math.max(1, Number(q.get('pageSize') ?? 50)));
		const pageNumber = Number(q.get('pageNumber') ?? 0);
		const content = all.slice(pageNumber * size, (pageNumber + 1) * size);
		return {
			totalElements: all.length,
			totalPages: Math.ceil(all.length / size),
			pageSize: size,
			pageNumber,
			numberOfElements: content.length,
			content,
		};
	}
}

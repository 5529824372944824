/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- developer tooling: runs in Node.js, never inside n8n, so n8n's rules for node code do not apply (CONTRIBUTING.md, "Lint") */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

import { LocalServer } from './localServer';
import { parseForm, readBody, type FormPart } from './multipart';

/**
 * A local Smartcat API for tests, answering as Smartcat's OpenAPI (https://smartcat.com/api/methods/v1/swagger.json)
 * and help (https://help.smartcat.ai/hc/en-us/articles/360000048572) describe it:
 * - Basic auth (account id : API key) on every call; `GET /account` for the credential's Test button;
 * - the account's ONE callback setting (GET 404 when none; POST validated like Smartcat: 400 for an invalid URL
 *   or an empty header value; DELETE 204) and the last delivery errors (`limit` above 100: 400), in Smartcat's
 *   current flat shape or, with `lastErrorsShape: 'legacy'`, the old PascalCase one;
 * - projects with their documents: `GET /project/{id}`, `GET /document?documentId=`, `GET /project/list` with
 *   offset / limit (at most 100) and its filters; statuses and `statusModificationDate` change with
 *   setDocumentStatus / setProjectStatus, as they do in Smartcat;
 * - exports: `POST /document/export?documentIds=..&type=..` → `{id, documentIds}`, `GET /document/export/{id}`
 *   → 204 while "not ready", then the file (several documents: a ZIP), 404 for an unknown task, 422 when the
 *   document's export fails;
 * - sending work (Smartcat API v1, https://smartcat.com/api/methods/v1/swagger.json, and Smartcat's own SDKs:
 *   github.com/smartcatai/SmartCAT-API, the Zapier app github.com/smartcatai/translation-manager-for-zapier):
 *   `POST /project/create` (multipart: the JSON `model` part, Content-Type application/json, then the files),
 *   `POST /project/document?projectId=` (multipart files, optional JSON document properties),
 *   `PUT /api/integration/v2/document/update?documentId=` (multipart, exactly one file; v1 answers the same),
 *   each recorded in `work` before it is answered; `GET /api/integration/v2/directory?type=language|vendor`;
 * - on request: 429 with Retry-After (rateLimitNext), a redirect (redirectNext, exportRedirect), and a fault
 *   after a creating request was recorded (faultAfterRecording: 500, a connection reset, or no answer at all).
 * And it delivers callbacks for real: `deliver()` POSTs the ids to the registered URL + path with the registered
 * headers, appending the path to the URL string as Smartcat does, retrying on Smartcat's schedule (8 attempts,
 * delay doubling) scaled down to `retryBaseMs`.
 */
export interface SimulatedProject {
	id: string;
	name: string;
	status: string;
	statusModificationDate?: string;
	externalTag?: string;
	createdByUserId?: string;
	clientId?: string;
	[field: string]: unknown;
}

export interface SimulatedDocument {
	id: string;
	name: string;
	status: string;
	projectId: string;
	statusModificationDate?: string | null;
	/** the translated file's bytes (default: a short text naming the document) */
	content?: string | Buffer;
	/** the file name Smartcat gives the target file (default: the name) */
	fileName?: string;
	/** the file's content type (default: application/octet-stream) */
	mimeType?: string;
	/** its export fails (422) */
	exportFails?: boolean;
	[field: string]: unknown;
}

export interface SmartcatSimulatorOptions {
	accountId: string;
	apiKey: string;
	projects?: SimulatedProject[];
	documents?: SimulatedDocument[];
	/** the first retry delay (Smartcat: 30 s) */
	retryBaseMs?: number;
	/** the shape of `GET /callback/lastErrors` entries (default: Smartcat's current flat camelCase) */
	lastErrorsShape?: 'current' | 'legacy';
	/** how many polls of an export answer 204 before the file (default 1) */
	exportPollsBeforeReady?: number;
	/** the language directory (default SIMULATED_LANGUAGES) */
	languages?: Array<{ id: string; name: string }>;
}

/**
 * Smartcat's language directory (`GET /api/integration/v2/directory?type=language`, OpenAPI DirectoryModel
 * `{type, items: [{id, name}]}`): a part of it, with the codes Smartcat's projects use (OpenAPI examples, the
 * Blackbird app's language list github.com/bb-io/Smartcat DataSourceHandlers/LanguageDataHandler.cs). The number
 * is the language part of a document id (`<document>_<language>`), as in Smartcat's samples (`..._9`: en).
 */
export const SIMULATED_LANGUAGES: Array<{ id: string; name: string; number: number }> = [
	{ id: 'en', name: 'English', number: 9 },
	{ id: 'de', name: 'German', number: 7 },
	{ id: 'es', name: 'Spanish', number: 10 },
	{ id: 'fr', name: 'French', number: 12 },
	{ id: 'it', name: 'Italian', number: 16 },
	{ id: 'ja', name: 'Japanese', number: 17 },
	{ id: 'nl', name: 'Dutch', number: 19 },
	{ id: 'pl', name: 'Polish', number: 21 },
	{ id: 'pt-BR', name: 'Portuguese (Brazil)', number: 1046 },
	{ id: 'ru', name: 'Russian', number: 25 },
	{ id: 'zh-Hans', name: 'Chinese (simplified)', number: 4 },
];

/** A vendor (LSP) of the account (`GET /api/integration/v2/directory?type=vendor`). */
export const SIMULATED_VENDOR = {
	id: '5f1d0c2a-6b7e-4d8f-9a0b-1c2d3e4f5a6b',
	name: 'Simulated LSP',
};

/** What a creating request sent (recorded before it is answered). */
export interface RecordedWork {
	kind: 'project/create' | 'project/document' | 'document/update';
	/** the API version in its path (document/update: 'v2' today, 'v1' obsolete) */
	version: string;
	query: Record<string, string>;
	parts: FormPart[];
	/** the JSON part's value, when there was one */
	model?: unknown;
	/** what Smartcat created: the project, or the documents */
	created: { projectId?: string; documentIds: string[] };
	answered: number;
}

/** What goes wrong after a creating request was recorded: an error answer, a dropped connection, silence. */
export type Fault = 'error500' | 'reset' | 'noAnswer';

interface Setting {
	url: string;
	additionalHeaders: Array<{ name: string; value: string }>;
}

export interface RecordedCall {
	method: string;
	path: string;
	query: string;
	authorized: boolean;
	/** whether an Authorization header came at all */
	authorization: boolean;
	at: number;
}

const PAGE_LIMIT = 100;
const NEXT_EVENT_PROJECT = '0e7e0000-0000-4000-8000-00000000e7e0';
const EXPORT_TYPES = ['source', 'target', 'xliff', 'multilangCsv', 'documentWithMetadata'];

/** A ZIP archive of stored (uncompressed) files: what Smartcat returns for an export of several documents. */
export function zipOf(files: Array<{ name: string; data: Buffer }>): Buffer {
	const crcTable = Array.from({ length: 256 }, (_, n) => {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		return c >>> 0;
	});
	const crc32 = (data: Buffer) => {
		let c = 0xffffffff;
		for (const byte of data) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
		return (c ^ 0xffffffff) >>> 0;
	};
	const locals: Buffer[] = [];
	const centrals: Buffer[] = [];
	let offset = 0;
	for (const file of files) {
		const name = Buffer.from(file.name, 'utf8');
		const crc = crc32(file.data);
		const local = Buffer.alloc(30);
		local.writeUInt32LE(0x04034b50, 0);
		local.writeUInt16LE(20, 4);
		local.writeUInt16LE(0x0800, 6); // UTF-8 names
		local.writeUInt32LE(crc, 14);
		local.writeUInt32LE(file.data.length, 18);
		local.writeUInt32LE(file.data.length, 22);
		local.writeUInt16LE(name.length, 26);
		const central = Buffer.alloc(46);
		central.writeUInt32LE(0x02014b50, 0);
		central.writeUInt16LE(20, 4);
		central.writeUInt16LE(20, 6);
		central.writeUInt16LE(0x0800, 8);
		central.writeUInt32LE(crc, 16);
		central.writeUInt32LE(file.data.length, 20);
		central.writeUInt32LE(file.data.length, 24);
		central.writeUInt16LE(name.length, 28);
		central.writeUInt32LE(offset, 42);
		locals.push(local, name, file.data);
		centrals.push(central, name);
		offset += local.length + name.length + file.data.length;
	}
	const directory = Buffer.concat(centrals);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(files.length, 8);
	end.writeUInt16LE(files.length, 10);
	end.writeUInt32LE(directory.length, 12);
	end.writeUInt32LE(offset, 16);
	return Buffer.concat([...locals, directory, end]);
}

export class SmartcatSimulator extends LocalServer {
	setting: Setting | null = null;
	readonly errors: Array<Record<string, unknown>> = [];
	readonly requests: RecordedCall[] = [];
	readonly projects = new Map<string, SimulatedProject>();
	readonly documents = new Map<string, SimulatedDocument>();
	readonly exports = new Map<string, { documentIds: string[]; type: string; polls: number }>();
	/** the next n API calls are answered 429 with Retry-After */
	private rateLimited = 0;
	private retryAfter = '1';
	/** only calls whose path ends so are rate limited (default: every call) */
	private rateLimitedPath = '';
	private redirect: { location: string; count: number } | undefined;
	/** when set, a ready export's file is a redirect to this URL (a storage host) */
	exportRedirect: string | undefined;
	/** when set, a ready export's file comes without Content-Disposition (no file name from Smartcat) */
	exportWithoutFileName = false;
	/** how many polls of an export answer 204 before the file (from the options, default 1; a test may change it) */
	exportPollsBeforeReady: number;
	/**
	 * Project models `GET /project/list` shows after the account's projects, as they are (e.g. a public answer):
	 * a list read page by page while a status changed can show one project twice, with two statuses.
	 */
	readonly listedAlso: Array<Record<string, unknown>> = [];
	private lastChange = 0;
	private eventCount = 0;
	/** every creating request, in order (project/create, project/document, document/update) */
	readonly work: RecordedWork[] = [];
	private faults: Fault[] = [];
	/** connections held without an answer (fault 'noAnswer'), ended at stop() */
	private held: ServerResponse[] = [];
	private documentCount = 0;

	constructor(private readonly options: SmartcatSimulatorOptions) {
		super();
		this.exportPollsBeforeReady = options.exportPollsBeforeReady ?? 1;
		for (const project of options.projects ?? [])
			this.projects.set(project.id, {
				statusModificationDate: this.now(),
				...project,
			});
		// nextEvent() needs a project for its documents: one is there from the start, so it is no event itself
		if (this.projects.size === 0)
			this.projects.set(NEXT_EVENT_PROJECT, {
				id: NEXT_EVENT_PROJECT,
				name: 'Simulated project',
				status: 'inProgress',
				statusModificationDate: this.now(),
			});
		for (const document of options.documents ?? [])
			this.documents.set(document.id, {
				statusModificationDate: this.now(),
				...document,
			});
	}

	/** A new API key for the account (Smartcat: Settings → API), the old one refused from now on. */
	rotateApiKey(apiKey: string): void {
		this.options.apiKey = apiKey;
	}

	/** A status change time, later than every one before (Smartcat records the time of each change). */
	private now(): string {
		this.lastChange = Math.max(Date.now(), this.lastChange + 1);
		return new Date(this.lastChange).toISOString();
	}

	/** A document's status changes, as when a linguist completes it: the status and its modification time. */
	setDocumentStatus(id: string, status: string): SimulatedDocument {
		const document = this.documents.get(id);
		if (!document) throw new Error(`no document ${id}`);
		Object.assign(document, { status, statusModificationDate: this.now() });
		return document;
	}

	setProjectStatus(id: string, status: string): SimulatedProject {
		const project = this.projects.get(id);
		if (!project) throw new Error(`no project ${id}`);
		Object.assign(project, { status, statusModificationDate: this.now() });
		return project;
	}

	addProject(project: SimulatedProject): SimulatedProject {
		const added = { statusModificationDate: this.now(), ...project };
		this.projects.set(project.id, added);
		return added;
	}

	addDocument(document: SimulatedDocument): SimulatedDocument {
		const added = { statusModificationDate: this.now(), ...document };
		this.documents.set(document.id, added);
		return added;
	}

	/** The next `count` API calls (those whose path ends with `pathEnding`) are answered 429 with this Retry-After. */
	rateLimitNext(count: number, retryAfter = '1', pathEnding = ''): void {
		this.rateLimited = count;
		this.retryAfter = retryAfter;
		this.rateLimitedPath = pathEnding;
	}

	/** The next `count` API calls are answered 302 to `location` (e.g. another host). */
	redirectNext(location: string, count = 1): void {
		this.redirect = { location, count };
	}

	/**
	 * The next creating requests (project/create, project/document, document/update) are recorded and their work
	 * done, as Smartcat does once it has the request, and then answered with a fault: 500, a dropped connection,
	 * or no answer at all (until stop()). One fault per request, in the order given.
	 */
	faultAfterRecording(...faults: Fault[]): void {
		this.faults.push(...faults);
	}

	/** A document is translated (as when its last stage is done): its target file and status `completed`. */
	translate(documentId: string, content: string | Buffer): SimulatedDocument {
		const document = this.documents.get(documentId);
		if (!document) throw new Error(`no document ${documentId}`);
		document.content = content;
		return this.setDocumentStatus(documentId, 'completed');
	}

	/** The projects created through `POST /project/create`, in order. */
	get createdProjects(): SimulatedProject[] {
		return this.work
			.filter((w) => w.kind === 'project/create')
			.map((w) => this.projects.get(w.created.projectId!)!);
	}

	override async stop(): Promise<void> {
		for (const res of this.held.splice(0)) res.socket?.destroy();
		await super.stop();
	}

	/**
	 * One new event, for the cross-vendor outage test: a document of the account's first project reaches the
	 * status `completed`, at a time of its own (a new document each time, so that every event stays visible to the
	 * catch-up however many happen between two of its polls: a poll sees a document's latest status only); `deliver(url, secret)` then POSTs the `document/status` callback
	 * Smartcat would send to the callback base URL `url` with the secret in the default secret header, and
	 * resolves with the HTTP status. `eventKey` is what the Smartcat Trigger (Fetch Details on) and
	 * the Smartcat Catch-Up Trigger emit for it.
	 */
	nextEvent(): { deliver(url: string, secret: string): Promise<number>; eventKey: string } {
		const projectId = [...this.projects.keys()][0];
		const id = `${(0xe7e000 + this.eventCount++).toString(16).padStart(24, '0')}_7`;
		const document = this.addDocument({
			id,
			name: `Document ${id}`,
			status: 'completed',
			projectId,
		});
		const status = document.status;
		const eventKey = `smartcat:document.status:${id}:${status}:${String(document.statusModificationDate)}`;
		return {
			eventKey,
			deliver: async (url: string, secret: string) =>
				(
					await fetch(`${url.replace(/\/+$/, '')}/document/status`, {
						method: 'POST',
						headers: {
							'content-type': 'application/json',
							'X-Smartcat-Callback-Secret': secret,
						},
						body: JSON.stringify([id]),
					})
				).status,
		};
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
		// Smartcat appends the event path to the URL string, after a query string if there is one
		const target = `${url.replace(/\/+$/, '')}/${path}`;
		for (let attempt = 1; attempt <= 8; attempt++) {
			const headers: Record<string, string> = { 'content-type': 'application/json' };
			for (const h of additionalHeaders) headers[h.name] = h.value;
			let status = 0;
			let content = '';
			let reason = '';
			try {
				const response = await fetch(target, {
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
			this.recordError(target, status, reason || `HTTP ${status}`, content, ids);
			if (attempt < 8) await new Promise((resolve) => setTimeout(resolve, wait));
			wait *= 2;
		}
		return { delivered: false, attempts };
	}

	private recordError(
		url: string,
		status: number,
		reason: string,
		content: string,
		ids: string[],
	): void {
		const created = new Date().toISOString();
		this.errors.unshift(
			this.options.lastErrorsShape === 'legacy'
				? {
						Id: randomUUID(),
						Created: created,
						Expired: new Date(Date.now() + 86_400_000).toISOString(),
						Url: url,
						FailResponse: { Reason: reason, Code: status || null, Content: content || null },
					}
				: {
						created,
						url,
						reason,
						code: status || null,
						content: content || null,
						sourceIds: ids,
					},
		);
	}

	private authorized(req: IncomingMessage): boolean {
		const expected = `Basic ${Buffer.from(`${this.options.accountId}:${this.options.apiKey}`).toString('base64')}`;
		return req.headers.authorization === expected;
	}

	private projectModel(project: SimulatedProject, includeDocuments: boolean) {
		const documents = [...this.documents.values()]
			.filter((d) => d.projectId === project.id)
			.map((d) => this.documentModel(d));
		return {
			accountId: this.options.accountId,
			description: '',
			creationDate: '2026-01-05T09:00:00.000Z',
			modificationDate: project.statusModificationDate,
			sourceLanguage: 'en',
			targetLanguages: ['de'],
			...project,
			...(includeDocuments ? { documents } : {}),
		};
	}

	private documentModel(document: SimulatedDocument) {
		const { content, fileName, mimeType, exportFails, source, ...model } = document;
		void content;
		void fileName;
		void mimeType;
		void exportFails;
		void source;
		return { sourceLanguage: 'en', targetLanguage: 'de', ...model };
	}

	private fileOf(document: SimulatedDocument): Buffer {
		const content = document.content ?? `Translated: ${document.name}\n`;
		return Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
	}

	private language(code: unknown) {
		return (this.options.languages ?? SIMULATED_LANGUAGES).find((l) => l.id === code) as
			| { id: string; name: string; number?: number }
			| undefined;
	}

	/** New documents, one per target language, as Smartcat makes them of an uploaded file. */
	private newDocuments(
		project: SimulatedProject,
		file: FormPart,
		targets: string[],
		properties: Record<string, unknown> = {},
	): SimulatedDocument[] {
		const base = (0xd0c000 + this.documentCount++).toString(16).padStart(24, '0');
		const fileName = file.fileName ?? '';
		return targets.map((target, i) =>
			this.addDocument({
				id: `${base}_${this.language(target)?.number ?? 100 + i}`,
				name: fileName.replace(/\.[^.]*$/, ''),
				filename: fileName,
				originalFilename: fileName,
				creationDate: new Date().toISOString(),
				sourceLanguage: project.sourceLanguage,
				targetLanguage: target,
				documentDisassemblingStatus: 'success',
				status: 'created',
				wordsCount: file.bytes.toString('utf8').split(/\s+/).filter(Boolean).length,
				pretranslateCompleted: false,
				workflowStages: ((project.workflowStages as Array<{ stageType: string }>) ?? []).map(
					() => ({
						progress: 0,
						wordsTranslated: 0,
						unassignedWordsCount: 0,
						status: 'notAssigned',
					}),
				),
				externalId: typeof properties.externalId === 'string' ? properties.externalId : base,
				metaInfo: typeof properties.metaInfo === 'string' ? properties.metaInfo : null,
				placeholdersAreEnabled: false,
				projectId: project.id,
				// the export's file: named and typed as the uploaded one
				fileName,
				mimeType: file.contentType,
				source: Buffer.from(file.bytes),
				revision: 1,
			}),
		);
	}

	/**
	 * A creating request, answered as Smartcat does: the multipart body checked (a JSON part must say so in its
	 * Content-Type; files carry a file name), the work done and recorded, then the answer, or the fault asked for.
	 */
	private async sendWork(
		req: IncomingMessage,
		res: ServerResponse,
		kind: RecordedWork['kind'],
		version: string,
		params: URLSearchParams,
	): Promise<void> {
		const json = (status: number, body?: unknown) => {
			res.writeHead(
				status,
				body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' },
			);
			res.end(body === undefined ? undefined : JSON.stringify(body));
		};
		const refuse = (status: number, message: string) =>
			json(status, `Error processing request. Correlation id: ${randomUUID()}\r\n${message}`);
		const form = parseForm(req.headers['content-type'], await readBody(req));
		if (form.problem !== undefined)
			return refuse(400, `Invalid multipart request: ${form.problem}`);
		const files = form.parts.filter((p) => p.fileName !== undefined);
		const fields = form.parts.filter((p) => p.fileName === undefined);
		if (fields.some((f) => !/^application\/json\b/i.test(f.contentType ?? '')))
			return refuse(400, 'A model part must be sent with Content-Type: application/json');
		if (fields.length > 1) return refuse(400, 'More than one model part');
		let model: unknown;
		try {
			model = fields.length ? JSON.parse(fields[0].bytes.toString('utf8')) : undefined;
		} catch {
			return refuse(400, 'The model is not valid JSON');
		}
		if (files.some((f) => f.bytes.length === 0)) return refuse(400, 'The specified file is empty');
		const names = files.map((f) => f.fileName);
		const query = Object.fromEntries(params.entries());
		let created: RecordedWork['created'];
		let answer: unknown;

		if (kind === 'project/create') {
			const m = (model ?? {}) as Record<string, unknown>;
			if (!fields.length) return refuse(400, 'The project model is empty');
			if (typeof m.name !== 'string' || !m.name.trim())
				return refuse(400, 'The project name is empty');
			if (typeof m.assignToVendor !== 'boolean') return refuse(400, 'assignToVendor is required');
			const targets = Array.isArray(m.targetLanguages) ? (m.targetLanguages as string[]) : [];
			const unknown = [m.sourceLanguage, ...targets].find((code) => !this.language(code));
			if (!targets.length || unknown !== undefined)
				return refuse(400, `Unknown language: ${String(unknown ?? 'no target language')}`);
			if (new Set(names).size !== names.length)
				return refuse(409, 'Several documents with identical names are being added to the project');
			if (typeof m.description === 'string' && m.description.length > 1000)
				return refuse(400, 'The project description length exceeds the allowed maximum');
			const vendors = Array.isArray(m.vendorAccountIds) ? (m.vendorAccountIds as string[]) : [];
			if (vendors.some((v) => v !== SIMULATED_VENDOR.id))
				return refuse(400, 'The vendor ID is incorrect');
			const project = this.addProject({
				id: randomUUID(),
				name: m.name,
				description: (m.description as string) ?? null,
				deadline: (m.deadline as string) ?? null,
				creationDate: new Date().toISOString(),
				sourceLanguage: m.sourceLanguage as string,
				targetLanguages: targets,
				status: 'created',
				externalTag: (m.externalTag as string) ?? undefined,
				clientId: (m.clientId as string) ?? undefined,
				vendors: vendors.map((vendorAccountId) => ({ vendorAccountId, removedFromProject: false })),
				workflowStages: ((m.workflowStages as string[]) ?? ['translation']).map((stageType) => ({
					progress: 0,
					stageType,
				})),
				specializations: [],
				managers: [],
				customFields: {},
			});
			const properties = (m.documentProperties as Array<Record<string, unknown>>) ?? [];
			const documents = files.flatMap((file, i) =>
				this.newDocuments(
					project,
					file,
					(properties[i]?.targetLanguages as string[]) ?? targets,
					properties[i],
				),
			);
			created = { projectId: project.id, documentIds: documents.map((d) => d.id) };
			answer = this.projectModel(project, true);
		} else if (kind === 'project/document') {
			const project = this.projects.get(params.get('projectId') ?? '');
			if (!project) return refuse(404, 'The provided project ID does not exist');
			if (!files.length) return refuse(400, 'No file in the request');
			const existing = [...this.documents.values()]
				.filter((d) => d.projectId === project.id)
				.map((d) => d.filename);
			if (new Set(names).size !== names.length || names.some((n) => existing.includes(n)))
				return refuse(409, 'The document name is not unique');
			const properties = Array.isArray(model) ? (model as Array<Record<string, unknown>>) : [];
			const fromQuery = params.get('targetLanguages')?.split(',').filter(Boolean);
			const targets = (project.targetLanguages as string[]) ?? ['de'];
			const documents = files.flatMap((file, i) =>
				this.newDocuments(
					project,
					file,
					(properties[i]?.targetLanguages as string[]) ?? fromQuery ?? targets,
					{
						externalId: params.get('externalId') ?? undefined,
						metaInfo: params.get('metaInfo') ?? undefined,
						...properties[i],
					},
				),
			);
			created = { projectId: project.id, documentIds: documents.map((d) => d.id) };
			answer = documents.map((d) => this.documentModel(d));
		} else {
			const document = this.documents.get(params.get('documentId') ?? '');
			if (!document) return refuse(404, 'The provided document ID does not exist');
			if (files.length !== 1) return refuse(400, 'UpdateDocumentModel must have exactly one file');
			const base = document.id.replace(/_\d+$/, '');
			const documents = [...this.documents.values()].filter(
				(d) => d.id.replace(/_\d+$/, '') === base,
			);
			for (const d of documents)
				Object.assign(d, {
					source: Buffer.from(files[0].bytes),
					revision: Number(d.revision ?? 1) + 1,
					status: 'inProgress',
					statusModificationDate: this.now(),
				});
			created = { documentIds: documents.map((d) => d.id) };
			answer = documents.map((d) => this.documentModel(d));
		}

		const fault = this.faults.shift();
		this.work.push({
			kind,
			version,
			query,
			parts: form.parts,
			model,
			created,
			answered: fault ? 0 : 200,
		});
		if (fault === 'noAnswer') return void this.held.push(res);
		if (fault === 'reset') return void req.socket.destroy();
		if (fault === 'error500') return refuse(500, 'Internal server error');
		json(200, answer);
	}

	protected async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const url = new URL(req.url ?? '/', 'http://localhost');
		const authorized = this.authorized(req);
		this.requests.push({
			method: req.method ?? '',
			path: url.pathname,
			query: url.search,
			authorized,
			authorization: req.headers.authorization !== undefined,
			at: Date.now(),
		});
		const json = (status: number, body?: unknown, headers: Record<string, string> = {}) => {
			res.writeHead(status, {
				...(body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' }),
				...headers,
			});
			res.end(body === undefined ? undefined : JSON.stringify(body));
		};
		const problem = (status: number, title: string, detail?: string) =>
			json(status, { type: 'about:blank', title, status, detail });
		if (this.redirect && this.redirect.count > 0) {
			this.redirect.count--;
			res.writeHead(302, { location: this.redirect.location });
			return void res.end();
		}
		if (!authorized) return json(401, { message: 'Unauthorized: invalid account id or API key' });
		if (this.rateLimited > 0 && url.pathname.endsWith(this.rateLimitedPath)) {
			this.rateLimited--;
			return json(429, { message: 'Too many requests' }, { 'retry-after': this.retryAfter });
		}
		const params = url.searchParams;
		const v2 = /^\/api\/integration\/v2(\/.*)$/.exec(url.pathname)?.[1];
		if (v2 === '/directory' && req.method === 'GET') {
			const type = params.get('type');
			if (type === 'language')
				return json(200, {
					type,
					items: (this.options.languages ?? SIMULATED_LANGUAGES).map(({ id, name }) => ({
						id,
						name,
					})),
				});
			if (type === 'vendor') return json(200, { type, items: [SIMULATED_VENDOR] });
			return problem(400, 'Incorrect directory type', String(type));
		}
		const path =
			v2 === '/document/update' ? v2 : url.pathname.replace(/^\/api\/integration\/v1/, '');
		const works: Record<string, RecordedWork['kind']> = {
			'POST /project/create': 'project/create',
			'POST /project/document': 'project/document',
			'PUT /document/update': 'document/update',
		};
		const work = works[`${req.method} ${path}`];
		if (work) return await this.sendWork(req, res, work, v2 ? 'v2' : 'v1', params);

		if (path === '/account' && req.method === 'GET')
			return json(200, {
				id: this.options.accountId,
				name: 'Simulated account',
				isPersonal: false,
				type: 'LSP',
			});
		if (path === '/callback') {
			if (req.method === 'GET') return this.setting ? json(200, this.setting) : json(404);
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
			const limit = Number(params.get('limit') ?? PAGE_LIMIT);
			if (limit > PAGE_LIMIT) return json(400, 'The provided limit exceeds the maximum');
			return json(200, this.errors.slice(0, limit));
		}
		if (path === '/project/list' && req.method === 'GET') {
			const offset = Number(params.get('offset') ?? 0);
			const limit = Number(params.get('limit') ?? PAGE_LIMIT);
			if (!(limit >= 1 && limit <= PAGE_LIMIT) || !(offset >= 0))
				return json(400, 'limit must be between 1 and 100');
			const includes = (name: string, field: unknown) => {
				const wanted = params.get(name)?.toLowerCase();
				return (
					!wanted ||
					String(field ?? '')
						.toLowerCase()
						.includes(wanted)
				);
			};
			const clients = params.get('clientIds')?.split(',').filter(Boolean);
			const creator = params.get('createdByUserId');
			const list = [...this.projects.values()].filter(
				(p) =>
					includes('projectName', p.name) &&
					includes('externalTag', p.externalTag) &&
					(!creator || p.createdByUserId === creator) &&
					(!clients || clients.includes(String(p.clientId))),
			);
			const withDocuments = params.get('includeDocuments') !== 'false';
			return json(
				200,
				[...list.map((p) => this.projectModel(p, withDocuments)), ...this.listedAlso].slice(
					offset,
					offset + limit,
				),
			);
		}
		const project = /^\/project\/([^/]+)$/.exec(path);
		if (project && req.method === 'GET') {
			const found = this.projects.get(decodeURIComponent(project[1]));
			return found
				? json(200, this.projectModel(found, true))
				: json(404, { message: 'Project not found' });
		}
		if (path === '/document' && req.method === 'GET') {
			const found = this.documents.get(params.get('documentId') ?? '');
			return found
				? json(200, this.documentModel(found))
				: json(404, { message: 'Document not found' });
		}
		if (path === '/document/export' && req.method === 'POST') {
			const ids = [...params.getAll('documentIds'), ...params.getAll('documentIds[]')];
			const correlation = randomUUID();
			if (ids.length === 0)
				return json(
					400,
					`Error processing request. Correlation id: ${correlation}\r\nArray documentIds is empty`,
				);
			const type = params.get('type') ?? 'target';
			if (!EXPORT_TYPES.includes(type)) return problem(400, `Unknown export type ${type}`);
			const unknown = ids.find((id) => !this.documents.has(id));
			if (unknown) return problem(403, 'The document is not associated with the account', unknown);
			const id = randomUUID();
			this.exports.set(id, { documentIds: ids, type, polls: 0 });
			return json(200, { id, documentIds: ids });
		}
		const task = /^\/document\/export\/([^/]+)$/.exec(path);
		if (task && req.method === 'GET') {
			const found = this.exports.get(decodeURIComponent(task[1]));
			if (!found) return problem(404, 'The provided task ID does not exist');
			if (found.polls++ < this.exportPollsBeforeReady) return json(204);
			const documents = found.documentIds.map((id) => this.documents.get(id)!);
			if (documents.some((d) => d.exportFails))
				return problem(422, 'Export failed', 'The document could not be exported');
			if (this.exportRedirect) {
				res.writeHead(302, { location: this.exportRedirect });
				return void res.end();
			}
			const extension = found.type === 'xliff' ? '.xlf' : '';
			if (documents.length === 1) {
				const [document] = documents;
				const name = `${document.fileName ?? document.name}${extension}`;
				res.writeHead(200, {
					'content-type':
						found.type === 'xliff'
							? 'application/x-xliff+xml'
							: (document.mimeType ?? 'application/octet-stream'),
					...(this.exportWithoutFileName
						? {}
						: {
								'content-disposition': `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`,
							}),
				});
				return void res.end(this.fileOf(document));
			}
			res.writeHead(200, {
				'content-type': 'application/zip',
				...(this.exportWithoutFileName
					? {}
					: { 'content-disposition': `attachment; filename="${task[1]}.zip"` }),
			});
			return void res.end(
				zipOf(
					documents.map((d) => ({
						name: `${d.id}/${d.fileName ?? d.name}${extension}`,
						data: this.fileOf(d),
					})),
				),
			);
		}
		json(404, { message: `no such API method: ${req.method} ${path}` });
	}
}

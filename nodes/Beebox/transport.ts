import {
	sleep,
	type ICredentialDataDecryptedObject,
	type ICredentialTestFunctions,
	type IDataObject,
} from 'n8n-workflow';

import { credentialTestRequest } from '../common/http/credentialTestHttp';
import {
	apiRequest,
	credentialOnce,
	type ApiContext,
	type ApiRequest,
	type VendorApi,
} from '../common/http/httpClient';
import { credentialSecrets, redactDeep } from '../common/secrets/redact';
import { NotSentTwiceError, VendorApiError } from '../common/http/vendorError';
import type { WorkBudget } from '../common/delivery/workBudget';
import { beeboxApiErrorSchema } from './schemas';

/**
 * The Beebox API client and its sessions, after Wordbee's pages (help.wordbee.com/beebox/...):
 * - api-connect-using-post: `POST /api/connect` with JSON `{project, login, pwd, waitsecs, connector, version}`
 *   answers a session token (200) or an error. "This method will be released in November 2023": a Beebox
 *   installed before has only `GET /api/connect?project=&login=&pwd=&waitsecs=&connector=` (api-connect), and
 *   answers the POST as a web server answers a method it does not have (see NO_POST_CONNECT);
 * - api-disconnect: `GET /api/disconnect?token=`, "no result even when the token is not or no longer valid".
 *   "As long as a session is active, the Beebox will not execute any automatic operations" (until it expires
 *   after 15 minutes of inactivity): every use here connects, does its work and disconnects, also on errors;
 * - error-handling: failures are HTTP 400 with `{type, message, id, inner, failed: true}` (ids BUSY: automatic
 *   operations are running, "Try login again in a few seconds"; LOGGEDOUT: no or an expired session); other
 *   codes without that JSON are web server errors (404: no such API method).
 */
export interface BeeboxCredentials {
	serverUrl: string;
	projectKey?: string;
	login: string;
	password: string;
}

export class BeeboxApiError extends VendorApiError {}

/**
 * A request of the session logic. `closing`: the logout, sent even when the work budget is used up. `login`: it
 * carries the password: a redirect is an error, never followed. `upload` and `createsWork` as the one client
 * takes them (common/httpClient.ts): a streamed body, and a request that is never sent twice.
 */
export interface BeeboxRequest {
	method: 'GET' | 'POST' | 'PUT' | 'DELETE';
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
	upload?: ApiRequest['upload'];
	createsWork?: ApiRequest['createsWork'];
	closing?: boolean;
	login?: boolean;
}

/** One Beebox call as the session logic needs it: HTTP errors come back as answers, not exceptions. */
export type BeeboxCall = (request: BeeboxRequest) => Promise<{ status: number; body: unknown }>;

const CONNECTOR_NAME = 'n8n-nodes-translation-events';
/** The logout gets its own short timeout, outside any budget: a session left open pauses Beebox's automation. */
const CLOSE_TIMEOUT_MS = 10_000;
/** Pause before logging in again after BUSY (the server itself already waited `waitsecs`). */
const BUSY_PAUSE_MS = 1_000;

/**
 * What an older Beebox answers `POST /api/connect` with: ASP.NET Web API answers 405 for a route it knows only
 * under another method (the documented `GET /api/connect`, help.wordbee.com/beebox/api-connect); IIS answers 501
 * for a method it does not implement. Only these send the login again with GET, the one form that puts the
 * password in a URL. A 404 ("No HTTP resource was found", help.wordbee.com/beebox/error-handling) means no such
 * API at this address: asking it again with the password in the query would only have the server's 404 page
 * repeat the password. A Beebox error (400, `failed: true`: wrong password, BUSY) answers the POST itself.
 */
const NO_POST_CONNECT: ReadonlySet<number> = new Set([405, 501]);

/** Statuses the session logic reads itself (Beebox's 400 errors, the answers of NO_POST_CONNECT). */
const ANSWERED = [400, 401, 403, 404, 405, 501];

/** `https://beebox.example.com/` and `https://beebox.example.com/api` both mean the server. */
function beeboxBaseUrl(serverUrl: string): string {
	return serverUrl
		.trim()
		.replace(/\/+$/, '')
		.replace(/\/api$/i, '');
}

function beeboxMessage(body: unknown): string {
	const parsed = beeboxApiErrorSchema.safeParse(body);
	if (parsed.success && parsed.data.message) return parsed.data.message;
	// ASP.NET Web API's own errors (wrong method or parameter): {"Message": ..., "MessageDetail": ...}
	if (body && typeof body === 'object' && typeof (body as IDataObject).Message === 'string')
		return String((body as IDataObject).Message).slice(0, 300);
	return typeof body === 'string' && !/^\s*</.test(body) ? body.slice(0, 200) : '';
}

function beeboxHint(status: number): string | undefined {
	if (status === 400 || status === 401 || status === 403)
		return 'Check the Wordbee Beebox credential: server URL, project key, login and password (the Test button logs in and out).';
	if (status === 404)
		return "Check the credential's Server URL: the Beebox's own address, whose API is under /api.";
	return undefined;
}

/** The Beebox API for the one client: no signing (the session token goes in the query), errors `{id, message}`. */
export const BEEBOX_API: VendorApi = {
	name: 'Beebox',
	credentialType: 'beeboxApi',
	baseUrl: (credentials) => beeboxBaseUrl(String(credentials.serverUrl ?? '')),
	errorMessage: beeboxMessage,
	errorCode: (body) => {
		const parsed = beeboxApiErrorSchema.safeParse(body);
		return parsed.success ? parsed.data.id : undefined;
	},
	hint: beeboxHint,
	errorClass: BeeboxApiError,
};

/** The work budget of a delivery or a poll ran out (common/delivery/workBudget.ts). */
export class BeeboxBudgetSpent extends BeeboxApiError {}

/**
 * Beebox calls from a node through the one client. With a `budget`, each call takes one from it and may last
 * only what is left of it (the logout excepted); `rateLimitWaitMs` as in common/http/httpClient.ts.
 */
export function beeboxCallFrom(
	ctx: ApiContext,
	options: { budget?: WorkBudget; rateLimitWaitMs?: number } = {},
): BeeboxCall {
	const { budget } = options;
	return async ({ closing, login, ...request }) => {
		if (budget && !closing && !budget.take()) {
			throw new BeeboxBudgetSpent(
				`Beebox: stopped after ${budget.callsUsed} API calls, the most one run may make here (${budget.limits.calls} calls, ${budget.limits.ms / 1000} s)`,
				503,
			);
		}
		const timeoutMs = closing
			? CLOSE_TIMEOUT_MS
			: budget
				? Math.max(1_000, budget.remainingMs())
				: undefined;
		const answer = await apiRequest(ctx, BEEBOX_API, {
			...request,
			headers: { accept: 'application/json' },
			accept: ANSWERED,
			timeoutMs,
			rateLimitWaitMs: options.rateLimitWaitMs,
			carriesPassword: login,
		});
		if (answer.status < 400) return { status: answer.status, body: answer.body };
		const credentials = await credentialOnce(ctx, BEEBOX_API.credentialType);
		return { status: answer.status, body: redactDeep(answer.body, credentialSecrets(credentials)) };
	};
}

/** Beebox calls from the credential's Test button (n8n's legacy request helper). */
export function beeboxCallForTest(
	ctx: ICredentialTestFunctions,
	credentials: BeeboxCredentials,
): BeeboxCall {
	const secrets = [credentials.password];
	// credentialTestRequest follows no redirect at all: a login is no different there
	return async ({ closing, method, path, qs, body }) => {
		// the Test button logs in, reads and logs out: it sends and deletes nothing
		if (method !== 'GET' && method !== 'POST')
			throw new BeeboxApiError(`Beebox: the credential test does not ${method}`, 0);
		const answer = await credentialTestRequest(ctx, {
			method,
			path,
			qs,
			body,
			root: beeboxBaseUrl(credentials.serverUrl),
			timeoutMs: closing ? CLOSE_TIMEOUT_MS : undefined,
			secrets,
			setting: 'Server URL',
		}).catch((error: Error) => {
			throw new BeeboxApiError(`Beebox API unreachable: ${error.message}`, 0, { secrets });
		});
		return answer.status < 400 ? answer : { ...answer, body: redactDeep(answer.body, secrets) };
	};
}

/** The credential fields the session logic reads. */
export function beeboxCredentials(
	data: ICredentialDataDecryptedObject | undefined,
): BeeboxCredentials {
	return {
		serverUrl: String(data?.serverUrl ?? ''),
		projectKey: data?.projectKey ? String(data.projectKey).trim() : undefined,
		login: String(data?.login ?? ''),
		password: String(data?.password ?? ''),
	};
}

/**
 * A failed call as a BeeboxApiError: Beebox's message and error id, else the web server's (redacted, with
 * `secrets` masked: a web server's error page may repeat the request's URL).
 */
export function beeboxApiError(
	what: string,
	status: number,
	body: unknown,
	secrets: readonly string[] = [],
): BeeboxApiError {
	const parsed = beeboxApiErrorSchema.safeParse(body);
	const id = parsed.success ? parsed.data.id : undefined;
	const message = beeboxMessage(body) || `HTTP ${status}`;
	return new BeeboxApiError(`Beebox ${what} failed: ${message}${id ? ` (${id})` : ''}`, status, {
		vendorCode: id,
		hint: beeboxHint(status),
		secrets,
	});
}

/**
 * The session token of a connect answer. Wordbee documents only "a session token" (a GUID in its examples,
 * help.wordbee.com/beebox/admin-credentials); the public connectors use the body as it is
 * (github.com/CodersCare/localizer_beebox Classes/Api/ApiCalls.php), which a JSON string would break, while an
 * ASP.NET Web API server writes a string as JSON (`"..."`, already unquoted by the client) or, asked for XML, as
 * `<string xmlns="...">...</string>`. All three are accepted; anything with spaces or markup left is no token
 * (a web page answered instead: the Server URL is not a Beebox).
 */
export function sessionTokenOf(body: unknown): string | undefined {
	if (typeof body !== 'string' && typeof body !== 'number') return undefined;
	let text = String(body).trim();
	const xml = /^<string\b[^>]*>([^<]*)<\/string>$/i.exec(text);
	if (xml) text = xml[1].trim();
	if (text.length >= 2 && text.startsWith('"') && text.endsWith('"')) text = text.slice(1, -1);
	return /^[\x21-\x7e]{1,500}$/.test(text) && !/["'<>]/.test(text) ? text : undefined;
}

export interface ConnectOptions {
	/** how long Beebox may hold the login while its automatic operations run (its `waitsecs`, default 10) */
	waitSeconds: number;
	/** logins in all when Beebox answers BUSY */
	attempts: number;
}

/** For a trigger answering a delivery: short, one more try (common/delivery/workBudget.ts bounds the whole). */
export const DELIVERY_CONNECT: ConnectOptions = { waitSeconds: 5, attempts: 2 };
/** For an action node's execution and a catch-up poll: Beebox's default wait, two more tries. */
export const RUN_CONNECT: ConnectOptions = { waitSeconds: 10, attempts: 3 };

/**
 * Logs in: `POST /api/connect`, and on a server that has no such method (405 or 501, NO_POST_CONNECT) the same
 * with GET, for the rest of this login too. Beebox's BUSY is tried again after a pause, `attempts` times in all.
 */
export async function connect(
	http: BeeboxCall,
	credentials: BeeboxCredentials,
	options: ConnectOptions,
): Promise<string> {
	const fields = {
		project: credentials.projectKey ?? '',
		login: credentials.login,
		pwd: credentials.password,
		waitsecs: options.waitSeconds,
		connector: CONNECTOR_NAME,
	};
	let method: 'POST' | 'GET' = 'POST';
	for (let attempt = 1; ; attempt++) {
		let response = await http(
			method === 'POST'
				? { method, path: '/api/connect', body: fields, login: true }
				: { method, path: '/api/connect', qs: fields, login: true },
		);
		if (method === 'POST' && NO_POST_CONNECT.has(response.status)) {
			method = 'GET';
			response = await http({ method, path: '/api/connect', qs: fields, login: true });
		}
		if (response.status === 200) {
			const token = sessionTokenOf(response.body);
			if (token) return token;
			throw new BeeboxApiError(
				'Beebox login failed: the server answered no session token (is the Server URL the Beebox?)',
				502,
				{ hint: beeboxHint(404) },
			);
		}
		const error = beeboxApiError('login', response.status, response.body, [credentials.password]);
		if (error.vendorCode !== 'BUSY' || attempt >= options.attempts) throw error;
		await sleep(BUSY_PAUSE_MS);
	}
}

/** Logs out; never throws (the method "returns no result even when the token is not or no longer valid"). */
export async function disconnect(http: BeeboxCall, token: string): Promise<void> {
	await http({ method: 'GET', path: '/api/disconnect', qs: { token }, closing: true }).catch(
		() => undefined,
	);
}

/** Connects, runs `work` with the session token, and always disconnects. */
export async function withBeeboxSession<T>(
	http: BeeboxCall,
	credentials: BeeboxCredentials,
	options: ConnectOptions,
	work: (token: string) => Promise<T>,
): Promise<T> {
	const token = await connect(http, credentials, options);
	try {
		return await work(token);
	} finally {
		await disconnect(http, token);
	}
}

interface ExecutionSession {
	http: BeeboxCall;
	credentials: BeeboxCredentials;
	token: Promise<string>;
}

const executionSessions = new WeakMap<ApiContext, ExecutionSession>();

/**
 * The action node's session: one login per execution of the node, not per item (each login is a Beebox session
 * that pauses its automation), made on first use and ended by endExecutionSession in the node's `finally`. A
 * failed login is not repeated for the next items. When Beebox answers LOGGEDOUT (the session expired, or an
 * admin logged all users out), the work is tried once more with a new session: Beebox refused the request, so
 * nothing was done (a request that may have been done, NotSentTwiceError, is never tried again).
 */
export async function withExecutionSession<T>(
	ctx: ApiContext,
	work: (token: string, http: BeeboxCall, credentials: BeeboxCredentials) => Promise<T>,
): Promise<T> {
	let session = executionSessions.get(ctx);
	if (!session) {
		const credentials = beeboxCredentials(
			await ctx.getCredentials<ICredentialDataDecryptedObject>('beeboxApi'),
		);
		const http = beeboxCallFrom(ctx);
		const token = connect(http, credentials, RUN_CONNECT);
		token.catch(() => undefined);
		session = { http, credentials, token };
		executionSessions.set(ctx, session);
	}
	const current = session;
	const run = async () => await work(await current.token, current.http, current.credentials);
	return await run().catch(async (error: unknown) => {
		// a request that may have created something is never sent again, whatever the vendor said
		if (error instanceof NotSentTwiceError) throw error;
		if (!(error instanceof VendorApiError) || error.vendorCode !== 'LOGGEDOUT') throw error;
		current.token = connect(current.http, current.credentials, RUN_CONNECT);
		current.token.catch(() => undefined);
		return await run();
	});
}

/** Logs the execution's session out, if one was opened (the action node calls this in a `finally`). */
export async function endExecutionSession(ctx: ApiContext): Promise<void> {
	const session = executionSessions.get(ctx);
	if (!session) return;
	executionSessions.delete(ctx);
	const token = await session.token.catch(() => undefined);
	if (token) await disconnect(session.http, token);
}

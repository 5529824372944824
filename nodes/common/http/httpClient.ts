import {
	sleep,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type IExecuteFunctions,
	type IHookFunctions,
	type IHttpRequestMethods,
	type IHttpRequestOptions,
	type ILoadOptionsFunctions,
	type IPollFunctions,
	type IWebhookFunctions,
} from 'n8n-workflow';

import { parseHttpDate } from '../delivery/dates';
import { credentialSecrets, redact } from '../secrets/redact';
import type { UploadBytes } from './upload';
import { NotSentTwiceError, VendorApiError } from './vendorError';

/**
 * Every n8n context a vendor call is made from: an action's execute(), a trigger's webhook(), activation, a poll,
 * a pick list's search (listSearch) in the editor.
 */
export type ApiContext =
	| IExecuteFunctions
	| IHookFunctions
	| IWebhookFunctions
	| IPollFunctions
	| ILoadOptionsFunctions;

/**
 * What a vendor's transport.ts supplies to the one client below: its credential, where its API is, how it writes
 * an error, and what to tell the user about a status. Everything else (timeouts, redirects, rate limits, error
 * mapping) is the same for every vendor.
 */
export interface VendorApi {
	/** the vendor as messages name it: "Gengo", "Phrase TMS" */
	name: string;
	/** the n8n credential type whose `authenticate` signs each request */
	credentialType: string;
	/** the API root of a credential, without a trailing slash */
	baseUrl(credentials: ICredentialDataDecryptedObject): string;
	/** the vendor's own message in an error answer, or '' */
	errorMessage(body: unknown): string;
	/** the vendor's own error code in an error answer, if it has one */
	errorCode?(body: unknown): number | string | undefined;
	/** advice for a status (401: check the credential...), shown as the error's description */
	hint?(status: number): string | undefined;
	/**
	 * The credential logs in for a token (n8n's preAuthentication) that expires: n8n renews it only for a request
	 * that fails with 401, so a 401 is asked once more letting n8n see it (Phrase TMS).
	 */
	renewsTokenOn401?: boolean;
	/** the error class callers catch (a VendorApiError subclass) */
	errorClass?: new (
		message: string,
		httpStatus: number,
		details?: { vendorCode?: number | string; hint?: string; secrets?: readonly unknown[] },
	) => VendorApiError;
}

export interface ApiRequest {
	method: IHttpRequestMethods;
	/** below the API root, starting with `/` (ids in it must have passed pathSegment) */
	path: string;
	qs?: IDataObject;
	body?: IDataObject | IDataObject[] | string;
	headers?: Record<string, string>;
	/** non-2xx statuses that are answers, not errors (e.g. 404 "none set") */
	accept?: number[];
	timeoutMs?: number;
	/** `stream`: the body is the response stream (downloads); default: JSON, or text when it is none */
	encoding?: 'json' | 'stream';
	/** form-encode the body instead of sending JSON */
	form?: boolean;
	/**
	 * How long a 429 may be waited out in total (the vendor's Retry-After, else 1 s, 2 s, 4 s). A trigger answering
	 * a delivery passes 0: its vendor retries the delivery instead.
	 */
	rateLimitWaitMs?: number;
	/**
	 * A download link may redirect to another host (a storage bucket): follow it there, without credentials, each
	 * such hop only after this check of its URL resolved (a vendor's link policy, common/http/linkPolicy.ts: what it
	 * throws is the request's error). Without it, a redirect to another origin is an error and the credential is
	 * never sent there.
	 */
	followRedirectWithoutCredentials?: (url: string) => Promise<void>;
	/** the request carries a password (a login): a 3xx is an error, never followed, not even within the origin */
	carriesPassword?: boolean;
	/**
	 * A streamed body (an upload, e.g. common/http/upload.ts multipartBody): opened once per send, its headers (type,
	 * length) sent with it. Exclusive with `body`.
	 */
	upload?: { open(): Promise<UploadBytes>; headers: Record<string, string>; size?: number };
	/**
	 * The request creates something at the vendor that costs money or work (an order, a project, a job, a new
	 * source version): it is never sent twice. Once it may have reached the vendor (timeout or connection lost after
	 * sending, any 5xx, a redirect of the request), the error (NotSentTwiceError, `mayHaveReachedVendor: true`) says
	 * that the vendor may have created it and how to check (`checkHint`), and nothing is re-sent: not after a 401
	 * (no token renewal and second send), not on a redirect. A 429 (refused, not processed) may be waited out.
	 */
	createsWork?: { checkHint: string };
}

export interface ApiAnswer {
	status: number;
	body: unknown;
	headers: Record<string, string | string[] | undefined>;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_RATE_LIMIT_WAIT_MS = 30_000;
const MAX_REDIRECTS = 3;
const MAX_ERROR_BODY_BYTES = 64 * 1024;
/**
 * The most one API answer (not a download) may be, as it arrives and once inflated: the largest answers of these
 * APIs are pages of a list (Phrase's 50 jobs, Smartcat's projects), well under a megabyte. An answer above it is
 * refused before it fills n8n's memory: n8n's HTTP client would otherwise read any size, and inflate any gzip.
 */
export const MAX_ANSWER_BYTES = 32 * 1024 * 1024;

const credentialsByContext = new WeakMap<
	object,
	Map<string, Promise<ICredentialDataDecryptedObject>>
>();

/**
 * A node's credential, read once per n8n context (one delivery, one activation, one execution). The client only
 * needs it for the base URL; n8n reads it again itself to authenticate each request, so reading it per call as
 * well would double the credential loads of a delivery that makes many calls.
 */
export function credentialOnce(
	ctx: ApiContext,
	type: string,
): Promise<ICredentialDataDecryptedObject> {
	let byType = credentialsByContext.get(ctx);
	if (!byType) credentialsByContext.set(ctx, (byType = new Map()));
	let credentials = byType.get(type);
	if (!credentials)
		byType.set(type, (credentials = ctx.getCredentials<ICredentialDataDecryptedObject>(type)));
	return credentials;
}

const LOOPBACK_HOSTS = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/**
 * Why a credential's API root cannot be used, or undefined: it must be an absolute https URL, except on this
 * machine's loopback interface (local simulators, an SSH tunnel). Over plain http a credential would travel in
 * clear text.
 */
export function baseUrlProblem(url: string): string | undefined {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		return `"${url}" is not a URL`;
	}
	if (parsed.username || parsed.password) return 'the URL must not contain a user name or password';
	if (parsed.protocol === 'https:') return undefined;
	if (parsed.protocol === 'http:' && LOOPBACK_HOSTS.test(parsed.hostname)) return undefined;
	return `"${parsed.origin}" is not https: credentials are only sent over https (plain http only to localhost)`;
}

/**
 * An id after checking it has the vendor's format (for a query parameter or a path). An id like `..` or `a/b`
 * would otherwise reach another API path with the user's credential (`projects/../jobs/x`).
 */
export function checkedId(value: string, format: RegExp, what: string): string {
	const id = value.trim();
	if (!id || !format.test(id) || id === '.' || id === '..')
		throw new VendorApiError(`"${id.slice(0, 80)}" is not a valid ${what}`, 400, {
			hint: `Check the ${what}: it is usually taken from the trigger's item with an expression.`,
		});
	return id;
}

/** An id as one URL path segment (checkedId, then encoded). */
export function pathSegment(value: string, format: RegExp, what: string): string {
	return encodeURIComponent(checkedId(value, format, what));
}

function parseBody(body: unknown): unknown {
	if (typeof body !== 'string') return body;
	try {
		return JSON.parse(body);
	} catch {
		return body;
	}
}

/**
 * A response header by its name in lower case (n8n hands response headers over in lower case, as Node.js
 * reads them), the first value when it came several times.
 */
export function responseHeader(
	headers: Record<string, string | string[] | undefined>,
	name: Lowercase<string>,
): string | undefined {
	const value = headers[name];
	return Array.isArray(value) ? value[0] : value;
}

/**
 * Retry-After as milliseconds: delta-seconds or an HTTP-date (RFC 9110 10.2.3, read strictly by common/delivery/dates.ts);
 * undefined when absent or bad (the caller's own back-off then applies, not "retry now").
 */
export function retryAfterMs(value: string | undefined, now = Date.now()): number | undefined {
	if (!value) return undefined;
	if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
	const date = parseHttpDate(value);
	return date === undefined ? undefined : Math.max(0, date - now);
}

interface StreamLike {
	[Symbol.asyncIterator](): AsyncIterator<unknown>;
	destroy?(): void;
}

const isStream = (body: unknown): body is StreamLike =>
	!!body &&
	typeof body === 'object' &&
	typeof (body as StreamLike)[Symbol.asyncIterator] === 'function';

/** The first bytes of an error answer that came as a stream, as text (for the vendor's message). */
async function drainForMessage(body: StreamLike): Promise<unknown> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of body) {
		const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
		chunks.push(buffer);
		size += buffer.length;
		if (size >= MAX_ERROR_BODY_BYTES) break;
	}
	body.destroy?.();
	return parseBody(Buffer.concat(chunks).subarray(0, MAX_ERROR_BODY_BYTES).toString('utf8'));
}

/** An answer's size as a message: "32 MB". */
const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/** Thrown by readAnswer when an answer passes the cap; apiRequest turns it into the vendor's error. */
export class AnswerTooLarge extends Error {
	constructor(readonly limit: number) {
		super(`the answer is larger than ${megabytes(limit)}, the most one API answer may be`);
		this.name = 'AnswerTooLarge';
	}
}

/** Thrown by readAnswer when an answer is still arriving at its deadline. */
export class AnswerTooSlow extends Error {
	constructor(readonly ms: number) {
		super(`the answer was still arriving after ${Math.round(ms / 100) / 10} s`);
		this.name = 'AnswerTooSlow';
	}
}

/**
 * An answer's body, read to its end but never past `limit` bytes: a stream is counted as it arrives (after n8n's
 * HTTP client inflated it: axios decompresses gzip, deflate and br itself, so a small compressed answer is
 * counted at its inflated size) and destroyed at the limit; a Content-Length above it is refused unread. With a
 * `deadline` (ms since the epoch), a body still trickling in then is given up: n8n's timeout counts only silence
 * between two pieces, so a server sending a byte every few seconds would otherwise hold the run forever.
 */
export async function readAnswer(
	body: unknown,
	headers: Record<string, string | string[] | undefined>,
	limit = MAX_ANSWER_BYTES,
	deadline?: { at: number; ms: number },
): Promise<unknown> {
	if (isStream(body)) {
		const declared = Number(responseHeader(headers, 'content-length'));
		if (declared > limit) {
			body.destroy?.();
			throw new AnswerTooLarge(limit);
		}
		const chunks: Buffer[] = [];
		let size = 0;
		for await (const chunk of body) {
			const buffer = Buffer.isBuffer(chunk)
				? chunk
				: chunk instanceof Uint8Array
					? Buffer.from(chunk)
					: Buffer.from(String(chunk));
			size += buffer.length;
			if (size > limit) {
				body.destroy?.();
				throw new AnswerTooLarge(limit);
			}
			if (deadline && Date.now() > deadline.at) {
				body.destroy?.();
				throw new AnswerTooSlow(deadline.ms);
			}
			chunks.push(buffer);
		}
		return parseBody(Buffer.concat(chunks).toString('utf8'));
	}
	if (Buffer.isBuffer(body) || typeof body === 'string') {
		if (Buffer.byteLength(body) > limit) throw new AnswerTooLarge(limit);
	}
	return parseBody(body);
}

/**
 * One request that carries a password or exchanges a token (a credential's pre-authentication, n8n's
 * `helpers.httpRequest`): sent only where baseUrlProblem allows, never redirected (n8n would send the body,
 * password included, again to wherever a 3xx points, across origins and down to plain http), its answer bounded
 * like any other (readAnswer). A 3xx is an error saying where the address redirects and what to set instead;
 * other statuses come back as answers. Every message is redacted (common/secrets/redact.ts) with `secrets` masked.
 */
export async function secretExchange(
	helpers: { httpRequest(options: IHttpRequestOptions): Promise<unknown> },
	request: {
		/** for messages: "Phrase TMS login" */
		what: string;
		url: string;
		body: IDataObject | string;
		headers?: Record<string, string>;
		/** the credential's field to change when the address redirects, and the path it adds below it */
		setting: { name: string; suffix: string };
		secrets: readonly unknown[];
	},
): Promise<{ status: number; body: unknown }> {
	const failure = (message: string) =>
		new Error(redact(`${request.what}: ${message}`, request.secrets));
	const problem = baseUrlProblem(request.url);
	if (problem) throw failure(problem);
	let raw: RawAnswer;
	const started = Date.now();
	try {
		raw = (await helpers.httpRequest({
			method: 'POST',
			url: request.url,
			body: request.body,
			headers: { 'User-Agent': 'n8n-nodes-translation-events', ...request.headers },
			json: typeof request.body !== 'string',
			encoding: 'stream',
			timeout: DEFAULT_TIMEOUT_MS,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			disableFollowRedirect: true,
			sendCredentialsOnCrossOriginRedirect: false,
		})) as RawAnswer;
	} catch (error) {
		throw failure(`no answer (${(error as Error).message})`);
	}
	const headers = raw.headers ?? {};
	if (raw.statusCode >= 300 && raw.statusCode < 400) {
		if (isStream(raw.body)) raw.body.destroy?.();
		const location = responseHeader(headers, 'location');
		let target: URL | undefined;
		try {
			target = location ? new URL(location, request.url) : undefined;
		} catch {
			target = undefined;
		}
		const path = target?.pathname ?? '';
		const suggested = target
			? `${target.origin}${path.endsWith(request.setting.suffix) ? path.slice(0, -request.setting.suffix.length) : path}`
			: undefined;
		throw failure(
			`the address redirects (HTTP ${raw.statusCode}${target ? ` to ${target.origin}` : ''}), and a password or token is never sent after a redirect: set the credential's ${request.setting.name} to the address the server wants${suggested ? ` (${suggested})` : ''}`,
		);
	}
	try {
		return {
			status: raw.statusCode,
			body: await readAnswer(raw.body, headers, MAX_ANSWER_BYTES, {
				at: started + DEFAULT_TIMEOUT_MS,
				ms: DEFAULT_TIMEOUT_MS,
			}),
		};
	} catch (error) {
		throw failure((error as Error).message);
	}
}

type RawAnswer = {
	statusCode: number;
	body: unknown;
	headers?: Record<string, string | string[] | undefined>;
};

/**
 * Network error codes that mean the request never left this machine or never reached a server: nothing can have
 * been created. Any other failure (a timeout, a reset or hang-up, an unknown error) may have come after the vendor
 * received the request.
 */
const NOT_CONNECTED = new Set([
	'ECONNREFUSED',
	'ENOTFOUND',
	'EAI_AGAIN',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'ERR_INVALID_URL',
	'CERT_HAS_EXPIRED',
	'DEPTH_ZERO_SELF_SIGNED_CERT',
	'SELF_SIGNED_CERT_IN_CHAIN',
	'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
	'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** The network error code of a failed request (n8n wraps axios' error, fetch wraps undici's), if any. */
export function networkErrorCode(error: unknown): string | undefined {
	for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
		const code = (e as { code?: unknown }).code;
		if (typeof code === 'string' && /^[A-Z][A-Z0-9_]+$/.test(code)) return code;
		e = (e as { cause?: unknown }).cause;
	}
	return undefined;
}

/** Whether a request that failed without an answer may still have reached the server. */
export function mayHaveReachedServer(error: unknown): boolean {
	const code = networkErrorCode(error);
	return !(code && NOT_CONNECTED.has(code));
}

/** An upload body a send did not read to its end (or at all): its file is closed. */
function release(bytes: UploadBytes | undefined): void {
	if (bytes && !Buffer.isBuffer(bytes) && !bytes.readableEnded) bytes.destroy();
}

/**
 * One request to a vendor's API with the node's credential (n8n's httpRequestWithAuthentication, so the
 * credential's `authenticate` and pre-authentication apply). Answers 2xx and the `accept`ed statuses; throws the
 * vendor's VendorApiError (message from the vendor's error body, hint from its transport) for anything else,
 * with status 0 when there was no answer at all. Redirects are followed here, not by n8n: within the API's
 * origin with the credential, elsewhere only without it (followRedirectWithoutCredentials) or not at all.
 */
export async function apiRequest(
	ctx: ApiContext,
	api: VendorApi,
	request: ApiRequest,
): Promise<ApiAnswer> {
	const ErrorClass = api.errorClass ?? VendorApiError;
	const credentials = await credentialOnce(ctx, api.credentialType);
	const fail = (message: string, status: number, body?: unknown): never => {
		throw new ErrorClass(message, status, {
			vendorCode: body === undefined ? undefined : api.errorCode?.(body),
			hint: api.hint?.(status),
			secrets: credentialSecrets(credentials),
		});
	};

	const root = api.baseUrl(credentials);
	const problem = baseUrlProblem(root);
	if (problem) fail(`${api.name} credential: ${problem}`, 0);
	let url = `${root}${request.path}`;
	const origin = new URL(url).origin;
	const what = `${api.name} ${request.method} ${request.path.split('?')[0]}`;

	const createsWork = request.createsWork;
	/** a failure of a request that creates something: never sent again, saying whether it may have arrived */
	const notSentTwice = (
		reason: string,
		status: number,
		mayHaveReached: boolean,
		body?: unknown,
	): never => {
		throw new NotSentTwiceError(
			mayHaveReached
				? `${what}: ${reason}. ${api.name} may have received the request and created what it asked for; it is not sent again automatically, so that nothing is created twice`
				: `${what}: ${reason}. Nothing was created; the request is not sent again automatically`,
			status,
			mayHaveReached,
			(createsWork as { checkHint: string }).checkHint,
			{
				vendorCode: body === undefined ? undefined : api.errorCode?.(body),
				hint: api.hint?.(status),
				secrets: credentialSecrets(credentials),
			},
		);
	};

	let waited = 0;
	const waitBudget = request.rateLimitWaitMs ?? DEFAULT_RATE_LIMIT_WAIT_MS;
	for (let attempt = 0, redirects = 0; ; ) {
		const sameOrigin = new URL(url).origin === origin;
		// an upload is only redirected with a 307/308 within the API's origin (below), which asks for the same body
		const upload = request.upload;
		// opened per send: a stream is read once
		const open = async (): Promise<UploadBytes | undefined> => await upload?.open();
		let uploadBody: UploadBytes | undefined;
		try {
			uploadBody = await open();
		} catch (error) {
			return fail(`${what}: the file to send cannot be read: ${(error as Error).message}`, 0);
		}
		const options: IHttpRequestOptions = {
			method: request.method,
			url,
			qs: sameOrigin && redirects === 0 ? request.qs : undefined,
			body: upload
				? (uploadBody as IHttpRequestOptions['body'])
				: redirects === 0
					? request.body
					: undefined,
			headers: {
				'User-Agent': 'n8n-nodes-translation-events',
				...(request.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
				...request.headers,
				...(upload?.size !== undefined ? { 'content-length': String(upload.size) } : {}),
				...upload?.headers,
			},
			json: request.encoding !== 'stream' && !request.form,
			// always a stream, read here with a size limit (readAnswer): n8n would buffer and parse any size
			encoding: 'stream',
			timeout: request.timeoutMs ?? DEFAULT_TIMEOUT_MS,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			disableFollowRedirect: true,
			sendCredentialsOnCrossOriginRedirect: false,
		};
		const send = async (opts: IHttpRequestOptions): Promise<RawAnswer> =>
			(await (sameOrigin
				? ctx.helpers.httpRequestWithAuthentication.call(ctx, api.credentialType, opts)
				: ctx.helpers.httpRequest(opts))) as RawAnswer;
		let raw: RawAnswer;
		const sentAt = Date.now();
		try {
			raw = await send(options);
			if (raw.statusCode === 401 && api.renewsTokenOn401 && sameOrigin && !createsWork) {
				// n8n renews an expired token only when the request throws on 401: ask once more, letting it throw
				if (isStream(raw.body)) raw.body.destroy?.();
				release(uploadBody);
				uploadBody = await open();
				raw = await send({
					...options,
					body: upload ? (uploadBody as IHttpRequestOptions['body']) : options.body,
					ignoreHttpStatusErrors: false,
				});
			}
		} catch (error) {
			release(uploadBody);
			const httpCode = Number((error as { httpCode?: unknown }).httpCode) || 0;
			if (createsWork)
				return notSentTwice(
					httpCode ? `HTTP ${httpCode}` : `no answer (${(error as Error).message})`,
					httpCode,
					httpCode >= 500 || (!httpCode && mayHaveReachedServer(error)),
				);
			return fail(
				httpCode
					? `${what}: HTTP ${httpCode}${httpCode === 401 ? '' : `: ${(error as Error).message}`}`
					: `${api.name} API unreachable: ${(error as Error).message}`,
				httpCode,
			);
		}
		release(uploadBody);
		const headers = raw.headers ?? {};
		const status = raw.statusCode;

		const location = responseHeader(headers, 'location');
		if (status >= 300 && status < 400 && location) {
			if (isStream(raw.body)) raw.body.destroy?.();
			const next = new URL(location, url);
			if (createsWork)
				return notSentTwice(
					`the API redirected the request (HTTP ${status} to ${next.origin}${next.pathname}), which is not followed`,
					status,
					true,
				);
			if (request.upload) {
				// only 307 and 308 ask for the same body again; a file is never sent to another host
				if ((status !== 307 && status !== 308) || next.origin !== origin)
					return fail(
						`${what}: the API redirected the upload (HTTP ${status} to ${next.origin}${next.pathname}); the file is not sent there (if that is the vendor's address, set it in the credential)`,
						status,
					);
			}
			if (++redirects > MAX_REDIRECTS)
				fail(`${what}: more than ${MAX_REDIRECTS} redirects`, status);
			if (request.carriesPassword)
				fail(
					`${what}: the server redirects (HTTP ${status} to ${next.origin}${next.pathname}), and a request with a password is never sent after a redirect: set the credential's address to the one the server wants`,
					status,
				);
			if (next.origin !== origin) {
				const checkHop = request.followRedirectWithoutCredentials;
				if (!checkHop)
					return fail(
						`${what}: the API redirected to ${next.origin}; the credential is not sent to another host (if that is the vendor's address, set it in the credential)`,
						status,
					);
				await checkHop(next.toString());
			}
			url = next.toString();
			continue;
		}

		if (status === 429 && attempt < 3) {
			const wait = retryAfterMs(responseHeader(headers, 'retry-after')) ?? 1000 * 2 ** attempt;
			if (waited + wait <= waitBudget) {
				if (isStream(raw.body)) raw.body.destroy?.();
				waited += wait;
				attempt++;
				await sleep(wait);
				continue;
			}
		}

		if (createsWork && status === 401 && api.renewsTokenOn401)
			// the token may only have expired: n8n renews it on a request that throws, never this one (sent once)
			return notSentTwice(
				'HTTP 401: the session was refused (it may have expired)',
				status,
				false,
				isStream(raw.body) ? await drainForMessage(raw.body) : parseBody(raw.body),
			);
		if (createsWork && status >= 500) {
			const body = isStream(raw.body) ? await drainForMessage(raw.body) : parseBody(raw.body);
			const detail = api.errorMessage(body);
			return notSentTwice(`HTTP ${status}${detail ? `: ${detail}` : ''}`, status, true, body);
		}

		if ((status >= 200 && status < 300) || request.accept?.includes(status)) {
			if (request.encoding === 'stream') return { status, body: raw.body, headers };
			try {
				const ms = request.timeoutMs ?? DEFAULT_TIMEOUT_MS;
				const deadline = { at: sentAt + ms, ms };
				return {
					status,
					body: await readAnswer(raw.body, headers, MAX_ANSWER_BYTES, deadline),
					headers,
				};
			} catch (error) {
				// too large, too slow, or the connection broke while the answer was read
				const refused = error instanceof AnswerTooLarge || error instanceof AnswerTooSlow;
				if (createsWork)
					return notSentTwice(
						`HTTP ${status}, but its answer could not be read (${(error as Error).message})`,
						status,
						true,
					);
				return fail(
					refused
						? `${what}: ${(error as Error).message}`
						: `${api.name} API unreachable: ${(error as Error).message}`,
					error instanceof AnswerTooLarge ? 502 : error instanceof AnswerTooSlow ? 504 : 0,
				);
			}
		}
		const body = isStream(raw.body) ? await drainForMessage(raw.body) : parseBody(raw.body);
		const detail = api.errorMessage(body);
		return fail(`${what}: HTTP ${status}${detail ? `: ${detail}` : ''}`, status, body);
	}
}

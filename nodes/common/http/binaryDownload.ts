import { sleep, type IBinaryData, type IExecuteFunctions } from 'n8n-workflow';

import {
	apiRequest,
	responseHeader,
	type ApiAnswer,
	type ApiRequest,
	type VendorApi,
} from './httpClient';
import { checkLink, vendorLinkPolicy, type LinkPolicy } from './linkPolicy';
import { VendorApiError } from './vendorError';

/**
 * What one downloaded file may cost: its size, counted as it arrives (after n8n's HTTP client inflated a gzip or
 * deflate answer, so a small compressed bomb counts at its unpacked size), and an overall deadline for the whole
 * download (n8n's own `timeout` only bounds a silence, so a body trickling one byte every few seconds would never end).
 */
export interface DownloadLimits {
	maxBytes: number;
	deadlineMs: number;
	/** how the user changes the size limit, for the error: the node parameter's name */
	parameter?: string;
}

export const DEFAULT_MAX_FILE_SIZE_MB = 100;
const MB = 1024 * 1024;
const MIN_DEADLINE_MS = 300_000;

/**
 * The limits for a "Max File Size" in MB: that size, and a deadline of 5 minutes, or 2 s per MB of the size limit
 * when that is longer (about 0.5 MB/s for the largest file allowed).
 */
export function downloadLimitsFor(maxMegabytes: number, parameter?: string): DownloadLimits {
	const megabytes =
		Number.isFinite(maxMegabytes) && maxMegabytes > 0 ? maxMegabytes : DEFAULT_MAX_FILE_SIZE_MB;
	return {
		maxBytes: Math.floor(megabytes * MB),
		deadlineMs: Math.max(MIN_DEADLINE_MS, Math.ceil(megabytes * 2000)),
		parameter,
	};
}

const DEFAULT_LIMITS = downloadLimitsFor(DEFAULT_MAX_FILE_SIZE_MB);

const sizeText = (bytes: number) =>
	bytes >= MB ? `${Math.round((bytes / MB) * 10) / 10} MB` : `${bytes} bytes`;

interface Deadline {
	signal: AbortSignal;
	ms: number;
}

const startDeadline = (limits: DownloadLimits): Deadline => ({
	signal: AbortSignal.timeout(limits.deadlineMs),
	ms: limits.deadlineMs,
});

function tooLarge(what: string, limits: DownloadLimits): VendorApiError {
	const limit = limits.parameter
		? `the node's "${limits.parameter}"`
		: 'the most a download may be';
	return new VendorApiError(
		`${what} is larger than ${sizeText(limits.maxBytes)}, ${limit}: the download was stopped and no file is output`,
		413,
		{
			hint: limits.parameter
				? `Raise "${limits.parameter}" if the file is meant to be this large.`
				: undefined,
		},
	);
}

function tooSlow(what: string, deadline: Deadline): VendorApiError {
	return new VendorApiError(
		`${what} did not arrive within ${Math.round(deadline.ms / 1000)} s, the deadline of a download: it was stopped and no file is output`,
		504,
		{
			hint: 'The server sent the file too slowly (or without end). Try again later; a larger "Max File Size" also allows a longer download.',
		},
	);
}

/** Resolves with `promise`, or rejects at the deadline (what the promise gives later is closed unread). */
async function beforeDeadline<T>(
	promise: Promise<T>,
	deadline: Deadline,
	late: () => VendorApiError,
): Promise<T> {
	let onAbort = () => {};
	const expired = new Promise<never>((_, reject) => {
		onAbort = () => {
			reject(late());
			void promise.then(
				(value) => destroyStream((value as { body?: unknown } | undefined)?.body),
				() => undefined,
			);
		};
		if (deadline.signal.aborted) onAbort();
		else deadline.signal.addEventListener('abort', onAbort, { once: true });
	});
	return await Promise.race([promise, expired]).finally(() =>
		deadline.signal.removeEventListener('abort', onAbort),
	);
}

interface ReadableLike {
	map(fn: (chunk: unknown) => unknown): ReadableLike;
	pipe: unknown;
	destroy(error?: Error): void;
}

const isReadable = (body: unknown): body is ReadableLike =>
	!!body &&
	typeof body === 'object' &&
	typeof (body as ReadableLike).map === 'function' &&
	typeof (body as ReadableLike).pipe === 'function' &&
	typeof (body as ReadableLike).destroy === 'function';

const chunkBytes = (chunk: unknown): number =>
	typeof chunk === 'string'
		? Buffer.byteLength(chunk)
		: ((chunk as { byteLength?: number } | null)?.byteLength ?? 0);

/**
 * Streams a response body into n8n's binary data store within the limits: a declared Content-Length above the size
 * limit is refused before anything is stored; otherwise the bytes are counted as they pass (the stream's own `map`,
 * so nothing is buffered) and the download is stopped at the limit or the deadline. A stopped download is an error
 * and no binary data is returned for it, so no item refers to a partial file. (n8n's filesystem mode may have written
 * the part received, at most the size limit, into this execution's binary data folder, which n8n deletes with the
 * execution; a node has no way to delete it earlier.)
 */
async function storeWithinLimits(
	ctx: IExecuteFunctions,
	answer: { body: unknown; headers: Record<string, string | string[] | undefined> },
	fileName: string,
	mimeType: string | undefined,
	what: string,
	limits: DownloadLimits,
	deadline: Deadline,
): Promise<IBinaryData> {
	const { body } = answer;
	const declared = Number(responseHeader(answer.headers, 'content-length'));
	if (declared > limits.maxBytes) {
		destroyStream(body);
		throw tooLarge(what, limits);
	}
	if (!isReadable(body)) {
		const buffer =
			body === undefined || body === null
				? Buffer.alloc(0)
				: Buffer.isBuffer(body)
					? body
					: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
		if (buffer.length > limits.maxBytes) throw tooLarge(what, limits);
		return await ctx.helpers.prepareBinaryData(buffer, fileName, mimeType);
	}
	let failure: VendorApiError | undefined;
	let size = 0;
	const counted = body.map((chunk) => {
		size += chunkBytes(chunk);
		if (size > limits.maxBytes) throw (failure ??= tooLarge(what, limits));
		return chunk;
	});
	const stop = () => {
		failure ??= tooSlow(what, deadline);
		body.destroy(failure);
		counted.destroy(failure);
	};
	if (deadline.signal.aborted) stop();
	deadline.signal.addEventListener('abort', stop, { once: true });
	try {
		const binary = await ctx.helpers.prepareBinaryData(
			counted as unknown as Parameters<IExecuteFunctions['helpers']['prepareBinaryData']>[0],
			fileName,
			mimeType,
		);
		if (failure) throw failure;
		return binary;
	} catch (error) {
		body.destroy();
		throw failure ?? error;
	} finally {
		deadline.signal.removeEventListener('abort', stop);
	}
}

/**
 * A file from a vendor's API as n8n binary data, streamed: the response goes straight into n8n's binary data
 * store (n8n 2.x: the file system by default; set N8N_DEFAULT_BINARY_DATA_MODE=filesystem on n8n 1.x), so a
 * 100 MB translation never sits in memory whole. The file name comes from Content-Disposition (RFC 6266,
 * `filename*` first), else `fallbackName`; the MIME type from Content-Type. The request stays on the credential's
 * origin (the shared client refuses a redirect elsewhere), within `limits` (size and overall deadline).
 */
export async function downloadBinary(
	ctx: IExecuteFunctions,
	api: VendorApi,
	request: Omit<ApiRequest, 'encoding'>,
	fallbackName: string,
	limits: DownloadLimits = DEFAULT_LIMITS,
): Promise<IBinaryData> {
	const deadline = startDeadline(limits);
	const what = `The file from ${api.name}`;
	const answer = await beforeDeadline(
		apiRequest(ctx, api, { timeoutMs: 300_000, ...request, encoding: 'stream' }),
		deadline,
		() => tooSlow(what, deadline),
	);
	return await storeAnswer(ctx, answer, fallbackName, what, limits, deadline);
}

/**
 * An answer already received with `encoding: 'stream'` as n8n binary data, the way downloadBinary stores it:
 * for a vendor whose "is it ready?" call is the download itself (Smartcat's export: 204 until the file comes).
 * The deadline of `limits` starts now.
 */
export async function binaryFromAnswer(
	ctx: IExecuteFunctions,
	answer: ApiAnswer,
	fallbackName: string,
	limits: DownloadLimits = DEFAULT_LIMITS,
): Promise<IBinaryData> {
	return await storeAnswer(ctx, answer, fallbackName, 'The file', limits, startDeadline(limits));
}

async function storeAnswer(
	ctx: IExecuteFunctions,
	answer: ApiAnswer,
	fallbackName: string,
	what: string,
	limits: DownloadLimits,
	deadline: Deadline,
): Promise<IBinaryData> {
	const disposition = responseHeader(answer.headers, 'content-disposition');
	const type = responseHeader(answer.headers, 'content-type')?.split(';')[0].trim();
	const fileName = fileNameOf(disposition) ?? safeFileName(fallbackName) ?? 'download';
	return await storeWithinLimits(
		ctx,
		answer,
		fileName,
		type && type !== 'application/octet-stream' ? type : undefined,
		`${what} ("${fileName}")`,
		limits,
		deadline,
	);
}

/** The file name of a Content-Disposition header: `filename*=UTF-8''...` (RFC 5987) first, then `filename=`. */
export function fileNameOf(disposition: string | undefined): string | undefined {
	if (!disposition) return undefined;
	const extended = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(disposition);
	if (extended) {
		try {
			return safeFileName(decodeURIComponent(extended[2].trim()));
		} catch {
			// a broken escape: fall through to the plain parameter
		}
	}
	const plain = /filename\s*=\s*("((?:[^"\\]|\\.)*)"|[^;]+)/i.exec(disposition);
	if (!plain) return undefined;
	const name = plain[2] !== undefined ? plain[2].replace(/\\(.)/g, '$1') : plain[1].trim();
	return name ? safeFileName(name) : undefined;
}

/**
 * Characters that separate folders once normalised or on some systems: `/` and `\`, and look-alikes that NFKC does
 * not fold (division slash U+2215, fraction slash U+2044, big solidi U+29F8/9, reverse solidus operator U+29F5,
 * set minus U+2216) but that a system's "best fit" conversion to an 8-bit code page may turn into a separator.
 */
const LOOKALIKE_SEPARATORS = new Set(['\u2215', '\u2044', '\u29f5', '\u29f8', '\u29f9', '\u2216']);

const isSeparator = (char: string) =>
	LOOKALIKE_SEPARATORS.has(char) || /[\\/]/.test(char.normalize('NFKC'));

/** Control characters (NUL, CR, LF ...) and the bidirectional controls that show a name in another order (U+202E). */
const UNSAFE_IN_NAME = /[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/**
 * A file name a server sent, safe to show and to save: only its last segment (a server must not pick where n8n's
 * user thinks a file lives; separators are found in the NFKC form, so a fullwidth `＼` separates too), without
 * control or bidirectional characters; undefined when nothing usable is left (`.`, `..`, also as `．．`).
 */
export function safeFileName(name: string): string | undefined {
	let segment = '';
	for (const char of name) segment = isSeparator(char) ? '' : segment + char;
	const base = segment.replace(UNSAFE_IN_NAME, '').trim();
	const folded = base.normalize('NFKC');
	return base && folded !== '.' && folded !== '..' ? base : undefined;
}

/**
 * Waits for a vendor's asynchronous job (an export, a file preparation): asks `check` until it says done, at most
 * `timeoutMs`, waiting `intervalMs` (growing to 10 s) in between. A job that is not done in time is an error that
 * names it, so the user can raise the timeout or look at the vendor's side.
 */
export async function waitForVendorJob<T>(
	what: string,
	check: () => Promise<{ done: true; value: T } | { done: false }>,
	options: { timeoutMs: number; intervalMs?: number },
): Promise<T> {
	const started = Date.now();
	let interval = options.intervalMs ?? 1000;
	for (;;) {
		const state = await check();
		if (state.done) return state.value;
		const elapsed = Date.now() - started;
		if (elapsed + interval > options.timeoutMs) {
			throw new VendorApiError(
				`${what} did not finish within ${Math.round(options.timeoutMs / 1000)} s`,
				504,
				{ hint: 'Raise the node\'s "Timeout" option, or check the job at the vendor.' },
			);
		}
		await sleep(interval);
		interval = Math.min(interval * 2, 10_000);
	}
}

/**
 * A file behind a download link a vendor's API handed out (Gengo's `file_url_tgt`): fetched WITHOUT the node's
 * credential (n8n's plain httpRequest), streamed into n8n's binary data store within `limits`. The link and every
 * redirect (at most 3) pass the vendor's link policy before they are requested (common/http/linkPolicy.ts: https only,
 * no user:pass@, public addresses or the credential's own origin). The file name comes from Content-Disposition,
 * else the link's last path segment, else `fallbackName`; the MIME type from Content-Type.
 */
export async function downloadLink(
	ctx: IExecuteFunctions,
	link: string,
	fallbackName: string,
	options: {
		/** the vendor whose answer gave the link: its credential's base URL is the trusted origin */
		api?: VendorApi;
		timeoutMs?: number;
		what?: string;
		limits?: DownloadLimits;
	} = {},
): Promise<IBinaryData> {
	const what = options.what ?? 'the download link';
	const limits = options.limits ?? DEFAULT_LIMITS;
	const deadline = startDeadline(limits);
	const policy: LinkPolicy = options.api
		? await vendorLinkPolicy(ctx, options.api)
		: { vendor: 'the vendor', trustedBase: '' };
	let url = link;
	for (let redirects = 0; ; redirects++) {
		await checkLink(ctx, url, policy, what);
		const answer = await beforeDeadline(
			ctx.helpers.httpRequest({
				method: 'GET',
				url,
				encoding: 'stream',
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				disableFollowRedirect: true,
				timeout: options.timeoutMs ?? 300_000,
				abortSignal: deadline.signal,
			}) as Promise<{
				statusCode: number;
				body: unknown;
				headers?: Record<string, string | string[] | undefined>;
			}>,
			deadline,
			() => tooSlow(what, deadline),
		);
		const headers = answer.headers ?? {};
		const location = responseHeader(headers, 'location');
		if (answer.statusCode >= 300 && answer.statusCode < 400 && location) {
			destroyStream(answer.body);
			if (redirects >= 3) throw new VendorApiError(`${what}: more than 3 redirects`, 502);
			url = new URL(location, url).toString();
			continue;
		}
		if (answer.statusCode < 200 || answer.statusCode >= 300) {
			destroyStream(answer.body);
			throw new VendorApiError(`${what} answered HTTP ${answer.statusCode}`, answer.statusCode);
		}
		const type = responseHeader(headers, 'content-type')?.split(';')[0].trim();
		const fileName =
			fileNameOf(responseHeader(headers, 'content-disposition')) ??
			linkName(url) ??
			safeFileName(fallbackName) ??
			'download';
		return await storeWithinLimits(
			ctx,
			{ body: answer.body, headers },
			fileName,
			type && type !== 'application/octet-stream' ? type : undefined,
			`${what} ("${fileName}")`,
			limits,
			deadline,
		);
	}
}

/**
 * The last path segment of a URL, decoded, as a file name (none for `/` or a broken escape). Decoded first, then
 * cut: `..%2F..%2Fsecret` and `a%5Cb` keep only `secret` and `b`.
 */
function linkName(url: string): string | undefined {
	const segment = new URL(url).pathname.split('/').filter(Boolean).pop();
	if (!segment) return undefined;
	try {
		return safeFileName(decodeURIComponent(segment));
	} catch {
		return undefined;
	}
}

function destroyStream(body: unknown): void {
	(body as { destroy?: () => void } | undefined)?.destroy?.();
}

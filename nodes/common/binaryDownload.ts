import { sleep, type IBinaryData, type IExecuteFunctions } from 'n8n-workflow';

import {
	apiRequest,
	baseUrlProblem,
	responseHeader,
	type ApiAnswer,
	type ApiRequest,
	type VendorApi,
} from './httpClient';
import { VendorApiError } from './vendorError';

/**
 * A file from a vendor's API as n8n binary data, streamed: the response goes straight into n8n's binary data
 * store (n8n 2.x: the file system by default; set N8N_DEFAULT_BINARY_DATA_MODE=filesystem on n8n 1.x), so a
 * 100 MB translation never sits in memory whole. The file name comes from Content-Disposition (RFC 6266,
 * `filename*` first), else `fallbackName`; the MIME type from Content-Type.
 */
export async function downloadBinary(
	ctx: IExecuteFunctions,
	api: VendorApi,
	request: Omit<ApiRequest, 'encoding'>,
	fallbackName: string,
): Promise<IBinaryData> {
	const answer = await apiRequest(ctx, api, { timeoutMs: 300_000, ...request, encoding: 'stream' });
	return await binaryFromAnswer(ctx, answer, fallbackName);
}

/**
 * An answer already received with `encoding: 'stream'` as n8n binary data, the way downloadBinary stores it:
 * for a vendor whose "is it ready?" call is the download itself (Smartcat's export: 204 until the file comes).
 */
export async function binaryFromAnswer(
	ctx: IExecuteFunctions,
	answer: ApiAnswer,
	fallbackName: string,
): Promise<IBinaryData> {
	const disposition = responseHeader(answer.headers, 'content-disposition');
	const type = responseHeader(answer.headers, 'content-type')?.split(';')[0].trim();
	const fileName = fileNameOf(disposition) ?? fallbackName;
	return await ctx.helpers.prepareBinaryData(
		answer.body as Parameters<IExecuteFunctions['helpers']['prepareBinaryData']>[0],
		fileName,
		type && type !== 'application/octet-stream' ? type : undefined,
	);
}

/** The file name of a Content-Disposition header: `filename*=UTF-8''...` (RFC 5987) first, then `filename=`. */
export function fileNameOf(disposition: string | undefined): string | undefined {
	if (!disposition) return undefined;
	const extended = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(disposition);
	if (extended) {
		try {
			return baseName(decodeURIComponent(extended[2].trim()));
		} catch {
			// a broken escape: fall through to the plain parameter
		}
	}
	const plain = /filename\s*=\s*("((?:[^"\\]|\\.)*)"|[^;]+)/i.exec(disposition);
	if (!plain) return undefined;
	const name = plain[2] !== undefined ? plain[2].replace(/\\(.)/g, '$1') : plain[1].trim();
	return name ? baseName(name) : undefined;
}

/** A file name without any directory part (a server must not pick where n8n's user thinks a file lives). */
function baseName(name: string): string | undefined {
	const base = name.split(/[\\/]/).pop()?.trim();
	return base && base !== '.' && base !== '..' ? base : undefined;
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
 * credential (n8n's plain httpRequest), streamed into n8n's binary data store. Each URL, the link and every
 * redirect (at most 3), must be https, or http on this machine's loopback interface (local simulators), and carry
 * no user name or password (baseUrlProblem), so nothing is fetched in clear text over the network. The file name
 * comes from Content-Disposition, else the link's last path segment, else `fallbackName`; the MIME type from
 * Content-Type.
 */
export async function downloadLink(
	ctx: IExecuteFunctions,
	link: string,
	fallbackName: string,
	options: { timeoutMs?: number; what?: string } = {},
): Promise<IBinaryData> {
	const what = options.what ?? 'the download link';
	let url = link;
	for (let redirects = 0; ; redirects++) {
		const problem = baseUrlProblem(url);
		if (problem) throw new VendorApiError(`${what} cannot be followed: ${problem}`, 400);
		const answer = (await ctx.helpers.httpRequest({
			method: 'GET',
			url,
			encoding: 'stream',
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			disableFollowRedirect: true,
			timeout: options.timeoutMs ?? 300_000,
		})) as {
			statusCode: number;
			body: unknown;
			headers?: Record<string, string | string[] | undefined>;
		};
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
			fileNameOf(responseHeader(headers, 'content-disposition')) ?? linkName(url) ?? fallbackName;
		return await ctx.helpers.prepareBinaryData(
			answer.body as Parameters<IExecuteFunctions['helpers']['prepareBinaryData']>[0],
			fileName,
			type && type !== 'application/octet-stream' ? type : undefined,
		);
	}
}

/** The last path segment of a URL, decoded, as a file name (none for `/` or a broken escape). */
function linkName(url: string): string | undefined {
	const segment = new URL(url).pathname.split('/').filter(Boolean).pop();
	if (!segment) return undefined;
	try {
		return baseName(decodeURIComponent(segment));
	} catch {
		return undefined;
	}
}

function destroyStream(body: unknown): void {
	(body as { destroy?: () => void } | undefined)?.destroy?.();
}

import type { ICredentialTestFunctions, IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import { baseUrlProblem, MAX_ANSWER_BYTES, readAnswer, responseHeader } from './httpClient';
import { redact } from '../secrets/redact';

/**
 * A credential's Test button that is a function (every vendor here: n8n 1.x shows only "Authorization failed"
 * for a declarative test's 401, and n8n gives test functions no `authenticate`, no pre-authentication) gets only
 * n8n's legacy `helpers.request` (request-promise options). Everything a Test button sends goes through here,
 * with the vendor client's rules: the API root must pass baseUrlProblem (https, plain http only to loopback),
 * no redirect is followed (a 3xx is an error: a credential never goes to another address), the answer is
 * bounded (readAnswer), HTTP errors come back as answers, and every message is redacted with `secrets` masked.
 */
export async function credentialTestRequest(
	ctx: ICredentialTestFunctions,
	request: {
		method: 'GET' | 'POST';
		root: string;
		path: string;
		qs?: IDataObject;
		/** JSON, or text sent as it is (with its content-type in `headers`) */
		body?: IDataObject | string;
		/** e.g. the Authorization a credential's `authenticate` would add (n8n does not apply it here) */
		headers?: Record<string, string>;
		timeoutMs?: number;
		/** the credential's secret values, masked in messages */
		secrets?: readonly unknown[];
		/** the credential's field holding `root`, for the advice when it redirects */
		setting?: string;
	},
): Promise<{ status: number; body: unknown }> {
	const fail = (message: string) => new Error(redact(message, request.secrets));
	const problem = baseUrlProblem(request.root);
	if (problem) throw fail(problem);
	const url = `${request.root}${request.path}`;
	const timeoutMs = request.timeoutMs ?? 30_000;
	const started = Date.now();
	let response: {
		statusCode: number;
		body: unknown;
		headers?: Record<string, string | string[] | undefined>;
	};
	try {
		response = (await ctx.helpers.request({
			method: request.method,
			uri: url,
			qs: request.qs,
			headers: request.headers,
			body: request.body,
			json: true,
			timeout: timeoutMs,
			resolveWithFullResponse: true,
			simple: false,
			followRedirect: false,
			followAllRedirects: false,
			// read here with a size limit (readAnswer), not buffered whole by n8n
			useStream: true,
		})) as typeof response;
	} catch (error) {
		throw fail((error as Error).message);
	}
	const headers = response.headers ?? {};
	const status = response.statusCode;
	if (status >= 300 && status < 400) {
		(response.body as { destroy?: () => void } | undefined)?.destroy?.();
		const location = responseHeader(headers, 'location');
		let target: URL | undefined;
		try {
			target = location ? new URL(location, url) : undefined;
		} catch {
			target = undefined;
		}
		const path = target?.pathname ?? '';
		const root = target
			? `${target.origin}${path.endsWith(request.path) ? path.slice(0, -request.path.length) : path}`
			: undefined;
		throw fail(
			`the address redirects (HTTP ${status}${target ? ` to ${target.origin}` : ''}), and a credential is never sent after a redirect: set the credential's ${request.setting ?? 'URL'} to the address the server wants${root ? ` (${root})` : ''}`,
		);
	}
	try {
		return {
			status,
			body: await readAnswer(response.body, headers, MAX_ANSWER_BYTES, {
				at: started + timeoutMs,
				ms: timeoutMs,
			}),
		};
	} catch (error) {
		throw fail((error as Error).message);
	}
}

/**
 * n8n's `helpers.httpRequest` for code that needs it (a credential's exchange of a password or token for a
 * session token, common/http/httpClient.ts secretExchange) in a Test button, which has only the legacy helper: the
 * same options mapped to request-promise's, so the same rules apply there as in the nodes.
 */
export function httpRequestOverLegacy(ctx: ICredentialTestFunctions): {
	httpRequest(options: IHttpRequestOptions): Promise<unknown>;
} {
	return {
		httpRequest: async (options) => {
			const response = (await ctx.helpers.request({
				method: options.method ?? 'GET',
				uri: options.url,
				qs: options.qs,
				headers: options.headers,
				body: options.body,
				json: options.json ?? typeof options.body !== 'string',
				timeout: options.timeout,
				resolveWithFullResponse: true,
				simple: !options.ignoreHttpStatusErrors,
				followRedirect: !options.disableFollowRedirect,
				followAllRedirects: false,
				useStream: options.encoding === 'stream',
			})) as { statusCode: number; body: unknown; headers?: IDataObject };
			return options.returnFullResponse
				? { statusCode: response.statusCode, body: response.body, headers: response.headers ?? {} }
				: response.body;
		},
	};
}

import type { ICredentialTestFunctions, IDataObject } from 'n8n-workflow';

import { baseUrlProblem } from './httpClient';

/**
 * A credential's Test button that needs more than one declarative request (Beebox: log in, log out) gets only
 * n8n's legacy `helpers.request` (request-promise options). This is that call with the client's rules: the
 * API root must pass baseUrlProblem, redirects are not followed (a credential never goes to another host), HTTP
 * errors come back as answers.
 */
export async function credentialTestRequest(
	ctx: ICredentialTestFunctions,
	request: {
		method: 'GET' | 'POST';
		root: string;
		path: string;
		qs?: IDataObject;
		body?: IDataObject;
		/** e.g. the Authorization a credential's `authenticate` would add (n8n does not apply it here) */
		headers?: Record<string, string>;
		timeoutMs?: number;
	},
): Promise<{ status: number; body: unknown }> {
	const problem = baseUrlProblem(request.root);
	if (problem) throw new Error(problem);
	const response = (await ctx.helpers.request({
		method: request.method,
		uri: `${request.root}${request.path}`,
		qs: request.qs,
		headers: request.headers,
		body: request.body,
		json: true,
		timeout: request.timeoutMs ?? 30_000,
		resolveWithFullResponse: true,
		simple: false,
		followRedirect: false,
		followAllRedirects: false,
	})) as { statusCode: number; body: unknown };
	let body = response.body;
	if (typeof body === 'string') {
		try {
			body = JSON.parse(body);
		} catch {
			// plain text answers stay text
		}
	}
	return { status: response.statusCode, body };
}

import type { IDataObject, RequestHelperFunctions } from 'n8n-workflow';

/**
 * The one HTTP call a vendor client needs, independent of the n8n context it runs in: a trigger's webhook()
 * and an action's execute() have `helpers.httpRequest`, a credential test only `helpers.request`. Each adapter
 * below turns one of those into this shape; the vendor's transport.ts speaks only this.
 */
export interface HttpCall {
	(request: {
		method: 'GET' | 'POST' | 'PUT' | 'DELETE';
		url: string;
		qs?: Record<string, string | number | boolean>;
		body?: IDataObject;
		timeoutMs?: number;
	}): Promise<{ status: number; body: unknown }>;
}

type HttpRequestHelper = Pick<RequestHelperFunctions, 'httpRequest'>;

interface LegacyRequestHelper {
	request(options: object): Promise<unknown>;
}

function parseBody(body: unknown): unknown {
	if (typeof body !== 'string') return body;
	try {
		return JSON.parse(body);
	} catch {
		return body;
	}
}

/** Adapter for `this.helpers` of a webhook, hook or execute context. */
export function httpCallFrom(helpers: HttpRequestHelper): HttpCall {
	return async ({ method, url, qs, body, timeoutMs = 30_000 }) => {
		const response = (await helpers.httpRequest({
			method,
			url,
			qs,
			body,
			json: true,
			timeout: timeoutMs,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		})) as { statusCode: number; body: unknown };
		return { status: response.statusCode, body: parseBody(response.body) };
	};
}

/** Adapter for a credential test's `this.helpers.request` (the only HTTP helper n8n gives credential tests). */
export function httpCallFromLegacy(helpers: LegacyRequestHelper): HttpCall {
	return async ({ method, url, qs, body, timeoutMs = 30_000 }) => {
		const response = (await helpers.request({
			method,
			uri: url,
			qs,
			body,
			json: true,
			timeout: timeoutMs,
			resolveWithFullResponse: true,
			simple: false,
		})) as { statusCode: number; body: unknown };
		return { status: response.statusCode, body: parseBody(response.body) };
	};
}

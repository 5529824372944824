import type { IDataObject, IExecuteFunctions, IHookFunctions, IHttpRequestOptions, IWebhookFunctions, RequestHelperFunctions } from 'n8n-workflow';

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

/** What a request with a credential came back with: an HTTP answer, or why there was none. */
export type CredentialAnswer = { status: number; body: unknown } | { unreachable: string; httpCode: number };

/**
 * One request through n8n's `httpRequestWithAuthentication`, so the credential's `authenticate` (and
 * pre-authentication) applies. HTTP errors come back as answers (the vendor's transport reads its own error
 * bodies); a request that throws (network, or a 401 n8n could not fix) comes back as `unreachable`.
 */
export async function requestWithCredential(
	ctx: IExecuteFunctions | IHookFunctions | IWebhookFunctions,
	credentialType: string,
	request: IHttpRequestOptions,
): Promise<CredentialAnswer> {
	const options: IHttpRequestOptions = { json: true, timeout: 30_000, returnFullResponse: true, ignoreHttpStatusErrors: true, ...request };
	return await (ctx.helpers.httpRequestWithAuthentication.call(ctx, credentialType, options) as Promise<{ statusCode: number; body: unknown }>).then(
		(response) => ({ status: response.statusCode, body: parseBody(response.body) }),
		(error: Error & { httpCode?: string }) => ({ unreachable: error.message, httpCode: Number(error.httpCode) || 0 }),
	);
}

/** A failed vendor API call: the HTTP status (0: no answer) and the vendor's message. */
export class VendorApiError extends Error {
	constructor(
		message: string,
		readonly httpStatus: number,
	) {
		super(message);
		this.name = new.target.name;
	}

	/** The vendor or the network failed (worth retrying later), as opposed to the vendor refusing the request. */
	get isUnavailable(): boolean {
		return this.httpStatus === 0 || this.httpStatus >= 500;
	}
}

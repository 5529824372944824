import {
	NodeApiError,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type IExecuteFunctions,
	type IHookFunctions,
	type IHttpRequestOptions,
	type IWebhookFunctions,
	type JsonObject,
	type RequestHelperFunctions,
} from 'n8n-workflow';

type ApiContext = IExecuteFunctions | IHookFunctions | IWebhookFunctions;

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
export type CredentialAnswer =
	| { status: number; body: unknown }
	| { unreachable: string; httpCode: number };

/**
 * One request through n8n's `httpRequestWithAuthentication`, so the credential's `authenticate` (and
 * pre-authentication) applies. HTTP errors come back as answers (the vendor's transport reads its own error
 * bodies); a request that throws (network, or a 401 n8n could not fix) comes back as `unreachable`.
 */
export async function requestWithCredential(
	ctx: ApiContext,
	credentialType: string,
	request: IHttpRequestOptions,
): Promise<CredentialAnswer> {
	const options: IHttpRequestOptions = {
		json: true,
		timeout: 30_000,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		...request,
	};
	return await (
		ctx.helpers.httpRequestWithAuthentication.call(ctx, credentialType, options) as Promise<{
			statusCode: number;
			body: unknown;
		}>
	).then(
		(response) => ({ status: response.statusCode, body: parseBody(response.body) }),
		(error: Error & { httpCode?: string }) => ({
			unreachable: error.message,
			httpCode: Number(error.httpCode) || 0,
		}),
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

const credentialsByContext = new WeakMap<
	object,
	Map<string, Promise<ICredentialDataDecryptedObject>>
>();

/**
 * A node's credential, read once per n8n context (one delivery, one activation, one execution). The vendor
 * clients only need it for the API's base URL; n8n reads it again itself to authenticate each request, so
 * reading it per call as well would double the credential loads of a delivery that makes many calls.
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

/**
 * A failure of an action node's operation as n8n's NodeApiError: a VendorApiError keeps the vendor's message and
 * HTTP status (`code` and `description` when the vendor's client knows more); anything else is wrapped as is.
 */
export function toNodeApiError(
	ctx: ApiContext,
	error: unknown,
	itemIndex?: number,
	details: { code?: number | string; description?: string } = {},
): NodeApiError {
	if (error instanceof NodeApiError) return error;
	if (!(error instanceof VendorApiError))
		return new NodeApiError(ctx.getNode(), error as JsonObject, { itemIndex });
	const status = error.httpStatus;
	return new NodeApiError(
		ctx.getNode(),
		{ message: error.message, code: details.code ?? status } as JsonObject,
		{
			message: error.message,
			description: details.description,
			httpCode: status ? String(status) : undefined,
			itemIndex,
		},
	);
}

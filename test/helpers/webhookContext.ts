import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestOptions,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { GengoApi } from '../../credentials/GengoApi.credentials';
import { PhraseApi } from '../../credentials/PhraseApi.credentials';
import { pathTokenParameter } from '../../nodes/common/urlToken';
import { jsonOrText } from './body';

/** The trigger node's webhook id in these contexts, and the route parameter its path token arrives in. */
const WEBHOOK_ID = '0c9b8a70-0000-4000-8000-00000000e2e1';
export const PATH_TOKEN = pathTokenParameter(WEBHOOK_ID);

const AUTHENTICATORS: Record<
	string,
	(c: ICredentialDataDecryptedObject, o: IHttpRequestOptions) => Promise<IHttpRequestOptions>
> = {
	gengoApi: (c, o) => new GengoApi().authenticate(c, o),
	// What n8n does for PhraseApi: pre-authenticate once (the token is kept in the credential), then the header.
	phraseApi: async (c, o) => {
		if (!c.sessionToken)
			Object.assign(
				c,
				await new PhraseApi().preAuthentication.call({ helpers: { httpRequest } } as never, c),
			);
		return { ...o, headers: { ...o.headers, Authorization: `ApiToken ${String(c.sessionToken)}` } };
	},
	// What n8n makes of the generic `auth` of SmartcatApi: Basic auth with account id and API key.
	smartcatApi: async (c, o) => ({
		...o,
		headers: {
			...o.headers,
			authorization: `Basic ${Buffer.from(`${String(c.accountId)}:${String(c.apiKey)}`).toString('base64')}`,
		},
	}),
};

/**
 * A stand-in for the context n8n gives a trigger's webhook(): the request's query, body, route parameters and
 * headers, the node's parameters and credentials, a response object that records what was answered, and
 * `helpers.httpRequest` doing real HTTP with fetch (so vendor simulators are called for real). The e2e tests run
 * the same triggers inside a real n8n; this is for the many cases a unit test covers faster.
 */
export interface FakeRequest {
	query?: Record<string, unknown>;
	body?: unknown;
	params?: Record<string, string>;
	headers?: Record<string, string>;
	nodeParameters?: Record<string, unknown>;
	credentials?: Record<string, IDataObject>;
	/** the request path, e.g. /webhook/<id>/smartcat/document/status */
	path?: string;
	/** the bytes n8n read (its request's rawBody), when a test cares about them */
	rawBody?: Buffer;
	/** the request URL with its query string, as sent (n8n's request's originalUrl) */
	url?: string;
	/** the workflow's static data of this node */
	staticData?: IDataObject;
}

export interface FakeResponse {
	status?: number;
	body?: unknown;
}

async function httpRequest(options: IHttpRequestOptions): Promise<unknown> {
	const url = new URL(options.url);
	for (const [key, value] of Object.entries(options.qs ?? {}))
		url.searchParams.set(key, String(value));
	const init: RequestInit = {
		method: options.method ?? 'GET',
		headers: { ...(options.headers as Record<string, string>) },
	};
	if (options.body !== undefined) {
		init.body = JSON.stringify(options.body);
		(init.headers as Record<string, string>)['content-type'] = 'application/json';
	}
	const response = await fetch(url, init);
	const body = jsonOrText(await response.text());
	if (!response.ok && !options.ignoreHttpStatusErrors) throw new Error(`HTTP ${response.status}`);
	return options.returnFullResponse ? { statusCode: response.status, body, headers: {} } : body;
}

export function fakeWebhookContext(request: FakeRequest): {
	ctx: IWebhookFunctions;
	response: FakeResponse;
	logs: string[];
} {
	const response: FakeResponse = {};
	const logs: string[] = [];
	const res = {
		status(code: number) {
			response.status = code;
			return res;
		},
		json(body: unknown) {
			response.body = body;
			return res;
		},
		send(body: unknown) {
			response.body = body;
			return res;
		},
		end() {
			return res;
		},
	};
	const log = (level: string) => (message: string) => logs.push(`${level}: ${message}`);
	const ctx = {
		getQueryData: () => request.query ?? {},
		getBodyData: () => request.body ?? {},
		getParamsData: () => request.params ?? {},
		getHeaderData: () => request.headers ?? {},
		getRequestObject: () => ({
			query: request.query ?? {},
			body: request.body,
			headers: request.headers ?? {},
			path: request.path ?? '/',
			rawBody: request.rawBody,
			originalUrl: request.url,
		}),
		getWorkflowStaticData: () => (request.staticData ??= {}),
		getResponseObject: () => res,
		getNodeParameter: (name: string, fallback?: unknown) =>
			request.nodeParameters && name in request.nodeParameters
				? request.nodeParameters[name]
				: fallback,
		getCredentials: async (name: string) => {
			const credentials = request.credentials?.[name];
			if (!credentials) throw new Error(`no credentials of type ${name}`);
			return credentials;
		},
		getNode: () => ({
			name: 'Trigger',
			type: 'test',
			typeVersion: 1,
			id: 'node-1',
			webhookId: WEBHOOK_ID,
			position: [0, 0],
			parameters: {},
		}),
		getWebhookName: () => 'default',
		getMode: () => 'trigger',
		logger: { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') },
		helpers: {
			returnJsonArray: (data: IDataObject | IDataObject[]) =>
				(Array.isArray(data) ? data : [data]).map((json) => ({ json })),
			httpRequest,
			// What n8n does for a credential with an `authenticate` function: let it sign, then send.
			httpRequestWithAuthentication: async (type: string, options: IHttpRequestOptions) => {
				const credentials = request.credentials?.[type];
				if (!credentials) throw new Error(`no credentials of type ${type}`);
				const authenticate = AUTHENTICATORS[type];
				return await httpRequest(
					authenticate
						? await authenticate(credentials as ICredentialDataDecryptedObject, options)
						: options,
				);
			},
		},
	} as unknown as IWebhookFunctions;
	return { ctx, response, logs };
}

/** What a trigger answered a fake request: the HTTP status and body, the items it started the workflow with. */
export interface Delivered {
	status: number;
	body: { code?: number; message?: string; workflowStarted?: boolean } & Record<string, unknown>;
	items: IDataObject[];
	logs: string[];
	result: IWebhookResponseData;
}

/** Sends fake requests to a trigger's webhook(), the way the unit tests of every trigger do. */
export function deliverTo(trigger: {
	webhook(this: IWebhookFunctions): Promise<IWebhookResponseData>;
}) {
	return async (request: FakeRequest): Promise<Delivered> => {
		const { ctx, response, logs } = fakeWebhookContext(request);
		const result = await trigger.webhook.call(ctx);
		const items = result.workflowData?.[0]?.map((item) => item.json) ?? [];
		return {
			status: response.status ?? 200,
			body: (response.body ?? {}) as Delivered['body'],
			items,
			logs,
			result,
		};
	};
}

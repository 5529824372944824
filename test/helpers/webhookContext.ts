import type {
	IDataObject,
	IHttpRequestOptions,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { clearSecretCache } from '../../nodes/common/secrets/secretCache';
import { pathTokenParameter } from '../../nodes/common/secrets/urlToken';
import {
	authenticatedRequest,
	credentialWithDefaults,
	httpRequest,
	WEBHOOK_ID,
} from './fakeContext';
import {
	freshVersion,
	missingCredential,
	workflowNodeType,
	parameterReader,
	type NodeTypeLike,
} from './nodeParameters';

/** The route parameter the trigger's path token arrives in (see urlToken.ts). */
export const PATH_TOKEN = pathTokenParameter(WEBHOOK_ID);

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
	/**
	 * The trigger's type (deliverTo passes it): `nodeParameters` are then read as n8n reads them, completed with
	 * the defaults of its description (see nodeParameters.ts).
	 */
	nodeType?: NodeTypeLike;
}

export interface FakeResponse {
	status?: number;
	body?: unknown;
}

export function fakeWebhookContext(request: FakeRequest): {
	ctx: IWebhookFunctions;
	response: FakeResponse;
	logs: string[];
} {
	// Every fake delivery reads its secret afresh: n8n keeps a delivery's secret for a few seconds
	// (nodes/common/secrets/secretCache.ts, tested in test/common/secrets/secretCache.test.ts), which would carry one test's
	// credential into the next test's delivery to a node with the same ids.
	clearSecretCache();
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
	const parameter = parameterReader(request.nodeParameters ?? {}, request.nodeType);
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
		getNodeParameter: (name: string, fallback?: unknown) => parameter(name, fallback),
		getCredentials: async (name: string) => {
			const credentials = request.credentials?.[name];
			if (!credentials) throw missingCredential(name, request.nodeType, request.credentials);
			return credentialWithDefaults(name, credentials);
		},
		getNode: () => ({
			name: 'Trigger',
			type: workflowNodeType(request.nodeType),
			typeVersion: freshVersion(request.nodeType),
			id: 'node-1',
			webhookId: WEBHOOK_ID,
			position: [0, 0],
			parameters: {},
			// as n8n's workflow JSON names them: the chosen credential of each type, by id
			credentials: Object.fromEntries(
				Object.keys(request.credentials ?? {}).map((type) => [
					type,
					{ id: `credential-${type}`, name: type },
				]),
			),
		}),
		getWorkflow: () => ({ id: 'wf-1', name: 'Test workflow', active: true }),
		getWebhookName: () => 'default',
		getMode: () => 'trigger',
		logger: { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') },
		helpers: {
			returnJsonArray: (data: IDataObject | IDataObject[]) =>
				(Array.isArray(data) ? data : [data]).map((json) => ({ json })),
			httpRequest: async (options: IHttpRequestOptions) => await httpRequest(options),
			// n8n's: the credential's pre-authentication and authenticate, then send (authenticatedRequest)
			httpRequestWithAuthentication: async (type: string, options: IHttpRequestOptions) =>
				await authenticatedRequest(type, request.credentials?.[type], options),
		},
	} as unknown as IWebhookFunctions;
	return { ctx, response, logs };
}

/** The secret of the Translation Webhook Secret credential trigger tests set up by default (it meets the rule). */
// eslint-disable-next-line @n8n/community-nodes/no-hardcoded-secrets -- developer tooling: runs in Node.js, never inside n8n, so n8n's rules for node code do not apply (CONTRIBUTING.md, "Lint")
export const TEST_WEBHOOK_SECRET = 'unit-test-webhook-secret-0123';

/** The Translation Webhook Secret credential a trigger set up by hand reads its secret from. */
export const webhookSecretCredential = (secret = TEST_WEBHOOK_SECRET) => ({
	translationWebhookSecretApi: { secret },
});

/**
 * A callback as a vendor that cannot sign it (Beebox, Gengo) sends it to a trigger set up the default way: the
 * Translation Webhook Secret credential chosen, and its secret in the query string (`?token=`). What `request`
 * sets itself wins (its credentials are added to that one).
 */
export function withUrlToken(request: FakeRequest, secret = TEST_WEBHOOK_SECRET): FakeRequest {
	return {
		...request,
		query: { token: secret, ...request.query },
		credentials: { ...webhookSecretCredential(secret), ...request.credentials },
	};
}

/** What a trigger answered a fake request: the HTTP status and body, the items it started the workflow with. */
export interface Delivered {
	status: number;
	body: { code?: number; message?: string; workflowStarted?: boolean } & Record<string, unknown>;
	items: IDataObject[];
	logs: string[];
	result: IWebhookResponseData;
}

/**
 * Sends fake requests to a trigger's webhook(), the way the unit tests of every trigger do. The trigger's
 * parameters are read as n8n reads them: what the request sets, then `saved` (what every delivery of the test's
 * node was saved with, e.g. a setting turned off), the rest from the trigger's description.
 */
export function deliverTo(
	trigger: {
		webhook(this: IWebhookFunctions): Promise<IWebhookResponseData>;
		description?: INodeTypeDescription;
	},
	saved: Record<string, unknown> = {},
) {
	return async (request: FakeRequest): Promise<Delivered> => {
		const { ctx, response, logs } = fakeWebhookContext({
			nodeType: trigger.description,
			...request,
			nodeParameters: { ...saved, ...request.nodeParameters },
		});
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

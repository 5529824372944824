/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/require-node-api-error -- developer tooling: runs in Node.js, never inside n8n, so n8n's rules for node code do not apply (CONTRIBUTING.md, "Lint") */
import { Readable } from 'node:stream';

import type {
	IBinaryData,
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestOptions,
	INode,
	INodeExecutionData,
	IPollFunctions,
} from 'n8n-workflow';

import { GengoApi } from '../../credentials/GengoApi.credentials';
import { PhraseApi } from '../../credentials/PhraseApi.credentials';
import { jsonOrText } from './body';

/**
 * Stand-ins for the contexts n8n gives a node (execute, activation hooks, polls), doing real HTTP with fetch so
 * the vendor simulators are called for real, and signing requests the way n8n does for each credential. The e2e
 * tests run the same nodes inside a real n8n; these are for the many cases a unit test covers faster.
 */

export const WEBHOOK_ID = '0c9b8a70-0000-4000-8000-00000000e2e1';

type Authenticator = (
	c: ICredentialDataDecryptedObject,
	o: IHttpRequestOptions,
) => Promise<IHttpRequestOptions>;

export const AUTHENTICATORS: Record<string, Authenticator> = {
	gengoApi: (c, o) => new GengoApi().authenticate(c, o),
	// What n8n does for PhraseApi: pre-authenticate once (the token is kept in the credential), then the header.
	phraseApi: async (c, o) => {
		if (!c.sessionToken)
			Object.assign(
				c,
				await new PhraseApi().preAuthentication.call({ helpers: { httpRequest } } as never, c),
			);
		const scheme = c.authType === 'platformToken' ? 'Bearer' : 'ApiToken';
		return {
			...o,
			headers: { ...o.headers, Authorization: `${scheme} ${String(c.sessionToken)}` },
		};
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
 * n8n's `helpers.httpRequestWithAuthentication` for a credential type: let the credential sign, then send. For a
 * credential that pre-authenticates (PhraseApi), a request that fails with 401 is sent once more after logging in
 * again, as n8n does for an expirable token.
 */
export async function authenticatedRequest(
	type: string,
	credentials: IDataObject | undefined,
	options: IHttpRequestOptions,
	record?: RecordedRequest[],
): Promise<unknown> {
	if (!credentials) throw new Error(`no credentials of type ${type}`);
	const authenticate = AUTHENTICATORS[type];
	const send = async () =>
		await httpRequest(
			authenticate
				? await authenticate(credentials as ICredentialDataDecryptedObject, options)
				: options,
			record,
		);
	try {
		return await send();
	} catch (error) {
		if (type !== 'phraseApi' || (error as { httpCode?: string }).httpCode !== '401') throw error;
		delete credentials.sessionToken;
		return await send();
	}
}

/** Every HTTP request the fakes made, for assertions (method, URL, headers). */
export interface RecordedRequest {
	method: string;
	url: string;
	headers: Record<string, string>;
}

/** n8n's `helpers.httpRequest`, done with fetch: the options our code uses, with n8n's semantics. */
export async function httpRequest(
	options: IHttpRequestOptions,
	record?: RecordedRequest[],
): Promise<unknown> {
	const url = new URL(options.url);
	for (const [key, value] of Object.entries(options.qs ?? {})) {
		if (value === undefined || value === null) continue;
		if (Array.isArray(value)) for (const v of value) url.searchParams.append(key, String(v));
		else url.searchParams.set(key, String(value));
	}
	const headers: Record<string, string> = {};
	for (const [key, value] of Object.entries(options.headers ?? {}))
		if (value !== undefined) headers[key] = String(value);
	const init: RequestInit = {
		method: options.method ?? 'GET',
		headers,
		redirect: options.disableFollowRedirect ? 'manual' : 'follow',
		signal: options.timeout ? AbortSignal.timeout(options.timeout) : undefined,
	};
	if (options.body !== undefined) {
		const type = Object.entries(headers).find(([k]) => k.toLowerCase() === 'content-type')?.[1];
		if (typeof options.body === 'string' || Buffer.isBuffer(options.body)) {
			init.body = options.body as string;
		} else if (type?.includes('x-www-form-urlencoded')) {
			init.body = new URLSearchParams(options.body as Record<string, string>).toString();
		} else {
			init.body = JSON.stringify(options.body);
			headers['content-type'] ??= 'application/json';
		}
	}
	record?.push({ method: init.method as string, url: url.toString(), headers });
	const response = await fetch(url, init);
	const responseHeaders: Record<string, string> = {};
	response.headers.forEach((value, key) => (responseHeaders[key] = value));
	let body: unknown;
	if (options.encoding === 'stream' && response.body) {
		body = Readable.fromWeb(response.body as never);
	} else if (options.encoding === 'arraybuffer') {
		body = Buffer.from(await response.arrayBuffer());
	} else {
		body = jsonOrText(await response.text());
	}
	if (response.status >= 400 && !options.ignoreHttpStatusErrors) {
		const error = new Error(`Request failed with status code ${response.status}`) as Error & {
			httpCode: string;
		};
		error.httpCode = String(response.status);
		throw error;
	}
	return options.returnFullResponse
		? { statusCode: response.status, body, headers: responseHeaders }
		: body;
}

async function streamToBuffer(body: Buffer | Readable): Promise<Buffer> {
	if (Buffer.isBuffer(body)) return body;
	const chunks: Buffer[] = [];
	for await (const chunk of body) chunks.push(Buffer.from(chunk as Buffer));
	return Buffer.concat(chunks);
}

export interface FakeNodeOptions {
	/** node parameters, the same for every item */
	parameters?: Record<string, unknown>;
	/** per input item parameters (override `parameters`) */
	itemParameters?: Array<Record<string, unknown>>;
	credentials?: Record<string, IDataObject>;
	staticData?: IDataObject;
	typeVersion?: number;
	/** the input items of an execute() */
	input?: IDataObject[];
	continueOnFail?: boolean;
	/** what getNodeWebhookUrl answers (activation hooks) */
	webhookUrl?: string;
	/** 'trigger' (default), 'manual' (Fetch Test Event, listening in the editor) */
	mode?: 'trigger' | 'manual';
	workflow?: { id?: string; name?: string; active?: boolean };
}

export interface Fake<T> {
	ctx: T;
	logs: string[];
	requests: RecordedRequest[];
	/** what prepareBinaryData was given, with the bytes */
	binaries: Array<{ binary: IBinaryData; buffer: Buffer }>;
}

function node(options: FakeNodeOptions): INode {
	return {
		name: 'Node',
		type: 'test',
		typeVersion: options.typeVersion ?? 1,
		id: 'node-1',
		webhookId: WEBHOOK_ID,
		position: [0, 0],
		parameters: {},
	};
}

/** The parts every fake context shares: parameters, credentials, static data, logs, HTTP helpers. */
function base(options: FakeNodeOptions) {
	const logs: string[] = [];
	const requests: RecordedRequest[] = [];
	const binaries: Array<{ binary: IBinaryData; buffer: Buffer }> = [];
	const log = (level: string) => (message: string) => logs.push(`${level}: ${message}`);
	const parameter = (name: string, itemIndex = 0, fallback?: unknown) => {
		const perItem = options.itemParameters?.[itemIndex];
		if (perItem && name in perItem) return perItem[name];
		if (options.parameters && name in options.parameters) return options.parameters[name];
		return fallback;
	};
	const staticData = (options.staticData ??= {});
	const credentials = async (type: string) => {
		const found = options.credentials?.[type];
		if (!found) throw new Error(`no credentials of type ${type}`);
		return found;
	};
	const helpers = {
		returnJsonArray: (data: IDataObject | IDataObject[]) =>
			(Array.isArray(data) ? data : [data]).map((json) => ({ json })),
		httpRequest: async (o: IHttpRequestOptions) => await httpRequest(o, requests),
		// What n8n does for a credential with an `authenticate` function: let it sign, then send.
		httpRequestWithAuthentication: async (type: string, o: IHttpRequestOptions) =>
			await authenticatedRequest(type, options.credentials?.[type], o, requests),
		prepareBinaryData: async (body: Buffer | Readable, fileName?: string, mimeType?: string) => {
			const buffer = await streamToBuffer(body);
			const binary: IBinaryData = {
				data: 'filesystem-v2',
				fileName,
				mimeType: mimeType ?? 'application/octet-stream',
				fileSize: String(buffer.length),
			};
			binaries.push({ binary, buffer });
			return binary;
		},
	};
	return {
		logs,
		requests,
		binaries,
		common: {
			getNode: () => node(options),
			getCredentials: credentials,
			getWorkflowStaticData: () => staticData,
			getWorkflow: () => ({ id: 'wf-1', name: 'Test workflow', active: true, ...options.workflow }),
			getMode: () => options.mode ?? 'trigger',
			getActivationMode: () => 'activate',
			getTimezone: () => 'UTC',
			logger: { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') },
			helpers,
		},
		parameter,
	};
}

/** An action node's execute() context. */
export function fakeExecuteContext(options: FakeNodeOptions = {}): Fake<IExecuteFunctions> {
	const { common, parameter, logs, requests, binaries } = base(options);
	const input: INodeExecutionData[] = (options.input ?? [{}]).map((json) => ({ json }));
	const ctx = {
		...common,
		getInputData: () => input,
		getNodeParameter: (name: string, itemIndex: number, fallback?: unknown) =>
			parameter(name, itemIndex, fallback),
		continueOnFail: () => options.continueOnFail ?? false,
	} as unknown as IExecuteFunctions;
	return { ctx, logs, requests, binaries };
}

/** A trigger's activation context (webhookMethods: checkExists, create, delete). */
export function fakeHookContext(options: FakeNodeOptions = {}): Fake<IHookFunctions> {
	const { common, parameter, logs, requests, binaries } = base(options);
	const ctx = {
		...common,
		getNodeParameter: (name: string, fallback?: unknown) => parameter(name, 0, fallback),
		getNodeWebhookUrl: () => options.webhookUrl,
		getWebhookName: () => 'default',
		getWebhookDescription: () => ({}),
	} as unknown as IHookFunctions;
	return { ctx, logs, requests, binaries };
}

/** A polling trigger's poll() context. */
export function fakePollContext(options: FakeNodeOptions = {}): Fake<IPollFunctions> {
	const { common, parameter, logs, requests, binaries } = base(options);
	const ctx = {
		...common,
		getNodeParameter: (name: string, fallback?: unknown) => parameter(name, 0, fallback),
		__emit: () => undefined,
	} as unknown as IPollFunctions;
	return { ctx, logs, requests, binaries };
}

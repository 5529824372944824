/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/require-node-api-error -- developer tooling: runs in Node.js, never inside n8n, so n8n's rules for node code do not apply (CONTRIBUTING.md, "Lint") */
import { Readable } from 'node:stream';

import type {
	IBinaryData,
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	ILoadOptionsFunctions,
	IHttpRequestOptions,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	IPairedItemData,
	IPollFunctions,
} from 'n8n-workflow';

import { BeeboxApi } from '../../credentials/BeeboxApi.credentials';
import { GengoApi } from '../../credentials/GengoApi.credentials';
import { PhraseApi } from '../../credentials/PhraseApi.credentials';
import { SmartcatApi } from '../../credentials/SmartcatApi.credentials';
import { TranslationWebhookSecretApi } from '../../credentials/TranslationWebhookSecretApi.credentials';
import { jsonOrText } from './body';
import {
	credentialDefaults,
	descriptionOf,
	freshVersion,
	missingCredential,
	workflowNodeType,
	parameterReader,
	resolveCredentialExpression,
	type NodeTypeLike,
} from './nodeParameters';

/**
 * Stand-ins for the contexts n8n gives a node (execute, activation hooks, polls), doing real HTTP with fetch so
 * the vendor simulators are called for real. Given the node's type (`nodeType`) they read parameters the way
 * n8n does (defaults from the node's description, see nodeParameters.ts); requests made with a credential go
 * through that credential's own `preAuthentication` and `authenticate`, as n8n's CredentialsHelper runs them.
 * The e2e tests run the same nodes inside a real n8n; these are for the many cases a unit test covers faster.
 */

export const WEBHOOK_ID = '0c9b8a70-0000-4000-8000-00000000e2e1';

/** Every credential type of the package, by name: what n8n's CredentialTypes would load from package.json. */
export const CREDENTIAL_TYPES: Record<string, ICredentialType> = Object.fromEntries(
	[
		new BeeboxApi(),
		new GengoApi(),
		new PhraseApi(),
		new SmartcatApi(),
		new TranslationWebhookSecretApi(),
	].map((type) => [type.name, type]),
);

function credentialType(type: string): ICredentialType {
	const found = CREDENTIAL_TYPES[type];
	if (!found) throw new Error(`unknown credential type ${type}`);
	return found;
}

/**
 * A stored credential as n8n decrypts it for a node: the defaults of the credential's displayed properties
 * filled in (CredentialsHelper.getDecrypted applies NodeHelpers.getNodeParameters), what was saved on top.
 */
export function credentialWithDefaults(type: string, stored: IDataObject): IDataObject {
	return {
		...credentialDefaults(credentialType(type).properties, stored as INodeParameters),
		...stored,
	};
}

/**
 * n8n's CredentialsHelper.preAuthentication: a credential with an expirable hidden property (PhraseApi's
 * sessionToken) and a `preAuthentication` gets it when the property is empty or `expired` (after a 401). n8n
 * saves the result in the stored credential: here `stored`, so later requests reuse the token.
 */
async function preAuthenticate(
	type: string,
	credentials: IDataObject,
	stored: IDataObject,
	expired: boolean,
): Promise<void> {
	const { properties, preAuthentication } = credentialType(type);
	const expirable = properties.find((p) => p.type === 'hidden' && p.typeOptions?.expirable);
	if (!expirable || typeof preAuthentication !== 'function') return;
	if (credentials[expirable.name] && !expired) return;
	const output = await preAuthentication.call(
		{ helpers: { httpRequest: async (o: IHttpRequestOptions) => await httpRequest(o) } },
		credentials as ICredentialDataDecryptedObject,
	);
	if (output[expirable.name] === undefined) return;
	Object.assign(stored, output);
	Object.assign(credentials, output);
}

/**
 * n8n's CredentialsHelper.authenticate: a function `authenticate` signs the request itself (Gengo); a generic one
 * (IAuthenticateGeneric) sets each of its `auth`, `headers`, `qs` and `body` entries, key and value resolved as
 * expressions with $credentials. n8n's HTTP layer then turns `auth` into a Basic Authorization header.
 */
export async function authenticate(
	type: string,
	credentials: IDataObject,
	options: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const { authenticate: how } = credentialType(type);
	if (!how) return options;
	if (typeof how === 'function')
		return await how(credentials as ICredentialDataDecryptedObject, { ...options });
	const signed: Record<string, unknown> = { ...options, headers: { ...options.headers } };
	for (const [outerKey, entries] of Object.entries(how.properties)) {
		const target: Record<string, unknown> = { ...(signed[outerKey] as object) };
		for (const [key, value] of Object.entries(entries as object))
			target[resolveCredentialExpression(key, credentials)] = resolveCredentialExpression(
				value,
				credentials,
			);
		signed[outerKey] = target;
	}
	return signed as unknown as IHttpRequestOptions;
}

/**
 * n8n's `helpers.httpRequestWithAuthentication` for a credential type: pre-authenticate if the credential does,
 * let it sign, send. A request that fails with 401 is signed again (after a new pre-authentication, for a
 * credential that has one) and sent once more, as n8n does for every credential type but OAuth.
 */
export async function authenticatedRequest(
	type: string,
	stored: IDataObject | undefined,
	options: IHttpRequestOptions,
	record?: RecordedRequest[],
): Promise<unknown> {
	if (!stored) throw new Error(`no credentials of type ${type}`);
	const credentials = credentialWithDefaults(type, stored);
	const send = async (expired: boolean) => {
		await preAuthenticate(type, credentials, stored, expired);
		return await httpRequest(await authenticate(type, credentials, options), record);
	};
	try {
		return await send(false);
	} catch (error) {
		if ((error as { httpCode?: string }).httpCode !== '401') throw error;
		return await send(true);
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
	if (options.auth) {
		// what n8n's axios does with `auth` (a generic credential's Basic auth): it replaces any Authorization
		for (const key of Object.keys(headers))
			if (key.toLowerCase() === 'authorization') delete headers[key];
		const { username = '', password = '' } = options.auth;
		headers.authorization = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
	}
	// the request's timeout, as axios has it: cleared once the answer is read, so that a timer left behind by a finished
	// test never aborts (and throws into) a later one on a slow machine
	const timeout = options.timeout ? new AbortController() : undefined;
	const timer = timeout
		? setTimeout(
				() =>
					timeout.abort(
						new DOMException('The operation was aborted due to timeout', 'TimeoutError'),
					),
				options.timeout,
			)
		: undefined;
	timer?.unref();
	const init: RequestInit = {
		method: options.method ?? 'GET',
		headers,
		redirect: options.disableFollowRedirect ? 'manual' : 'follow',
		signal: timeout?.signal,
	};
	if (options.body !== undefined) {
		const type = Object.entries(headers).find(([k]) => k.toLowerCase() === 'content-type')?.[1];
		if (typeof options.body === 'string' || Buffer.isBuffer(options.body)) {
			init.body = options.body as string;
		} else if (isReadable(options.body)) {
			// a streamed body (an upload), sent as it is read, with the Content-Length the caller set (as axios does)
			init.body = options.body as unknown as ReadableStream;
			(init as { duplex?: string }).duplex = 'half';
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
		const stream = Readable.fromWeb(response.body as never);
		stream.once('close', () => clearTimeout(timer));
		// a stream the code under test leaves unread must not crash the test file when its timeout fires later
		stream.on('error', () => undefined);
		body = stream;
	} else if (options.encoding === 'arraybuffer') {
		body = Buffer.from(await response.arrayBuffer());
		clearTimeout(timer);
	} else {
		body = jsonOrText(await response.text());
		clearTimeout(timer);
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

const isReadable = (body: unknown): body is Readable =>
	!!body && typeof body === 'object' && typeof (body as Readable).pipe === 'function';

async function streamToBuffer(body: Buffer | Readable): Promise<Buffer> {
	if (Buffer.isBuffer(body)) return body;
	const chunks: Buffer[] = [];
	for await (const chunk of body) chunks.push(Buffer.from(chunk as Buffer));
	return Buffer.concat(chunks);
}

export interface FakeNodeOptions {
	/**
	 * The node's type (its class instance or description). With it, parameters are read as n8n reads them: the
	 * test's `parameters` completed with the description's defaults (displayOptions
	 * honoured, hidden ones dropped), the code's fallback used only for a path absent from that, an error when
	 * neither is there. Without it, only the test's parameters, and else the code's fallback.
	 */
	nodeType?: NodeTypeLike;
	/** node parameters, the same for every item */
	parameters?: Record<string, unknown>;
	/** per input item parameters (override `parameters`) */
	itemParameters?: Array<Record<string, unknown>>;
	credentials?: Record<string, IDataObject>;
	staticData?: IDataObject;
	/** the input items of an execute() */
	input?: IDataObject[];
	/**
	 * The input items' binary data, by item index and property: stored as n8n stores it in `filesystem` mode (the
	 * item holds an id; helpers.getBinaryStream reads the bytes, in 64 KiB chunks as n8n's file stream does) or,
	 * with `mode: 'memory'`, as n8n's default mode does (base64 in the item).
	 */
	binaryInput?: Array<Record<string, FakeBinary> | undefined>;
	continueOnFail?: boolean;
	/** what getNodeWebhookUrl answers (activation hooks) */
	webhookUrl?: string;
	/** 'trigger' (default), 'manual' (Fetch Test Event, listening in the editor) */
	mode?: 'trigger' | 'manual';
	workflow?: { id?: string; name?: string; active?: boolean };
}

export interface FakeBinary {
	data: Buffer;
	fileName?: string;
	mimeType?: string;
	fileExtension?: string;
	mode?: 'filesystem' | 'memory';
}

export interface Fake<T> {
	ctx: T;
	logs: string[];
	requests: RecordedRequest[];
	/** what prepareBinaryData was given, with the bytes */
	binaries: Array<{ binary: IBinaryData; buffer: Buffer }>;
	/** the ids of the binary data streams opened (helpers.getBinaryStream), one entry per opening */
	binaryStreams: string[];
}

export interface FakeExecute extends Fake<IExecuteFunctions> {
	/** runs the `nodeType`'s execute() in this context and checks every output item's pairedItem */
	execute(): Promise<INodeExecutionData[][]>;
}

function node(options: FakeNodeOptions): INode {
	return {
		name: 'Node',
		type: workflowNodeType(options.nodeType),
		typeVersion: freshVersion(options.nodeType),
		id: 'node-1',
		webhookId: WEBHOOK_ID,
		position: [0, 0],
		parameters: {},
	};
}

/**
 * Why an action node's output would break n8n's item linking ($('Node').item, "Paired item data missing"):
 * every output item must name the input item(s) it comes from, as an index into the node's input. n8n guesses
 * the pairing only when input and output have the same length or there is one input item; our nodes set it.
 */
export function pairedItemProblems(output: INodeExecutionData[][], inputLength: number): string[] {
	const problems: string[] = [];
	output.forEach((items, branch) =>
		items.forEach((item, index) => {
			const where = `output ${branch} item ${index}`;
			const paired = item.pairedItem;
			if (paired === undefined || paired === null) return problems.push(`${where}: no pairedItem`);
			const list: Array<number | IPairedItemData> = Array.isArray(paired) ? paired : [paired];
			if (list.length === 0) problems.push(`${where}: empty pairedItem`);
			for (const entry of list) {
				const target = typeof entry === 'number' ? entry : entry?.item;
				const input = typeof entry === 'number' ? 0 : (entry?.input ?? 0);
				if (!Number.isInteger(target) || target < 0 || target >= inputLength || input !== 0)
					problems.push(
						`${where}: pairedItem ${JSON.stringify(entry)} is not one of ${inputLength} input items`,
					);
			}
			return undefined;
		}),
	);
	return problems;
}

/** Throws, listing them, when an action node's output items are not paired with its input (see above). */
export function assertPairedItems(output: INodeExecutionData[][], inputLength: number): void {
	const problems = pairedItemProblems(output, inputLength);
	if (problems.length) throw new Error(`pairedItem: ${problems.join('; ')}`);
}

/** The parts every fake context shares: parameters, credentials, static data, logs, HTTP helpers. */
function base(options: FakeNodeOptions) {
	const logs: string[] = [];
	const requests: RecordedRequest[] = [];
	const binaries: Array<{ binary: IBinaryData; buffer: Buffer }> = [];
	const log = (level: string) => (message: string) => logs.push(`${level}: ${message}`);
	const binaryStreams: string[] = [];
	const stored = new Map<string, FakeBinary>();
	const itemCount = Math.max(options.input?.length ?? 1, options.binaryInput?.length ?? 0);
	const input: INodeExecutionData[] = Array.from({ length: itemCount }, (_, index) => {
		const item: INodeExecutionData = { json: options.input?.[index] ?? {} };
		const binaries = options.binaryInput?.[index];
		if (binaries) {
			item.binary = {};
			for (const [property, file] of Object.entries(binaries)) {
				const binary: IBinaryData = {
					data: file.mode === 'memory' ? file.data.toString('base64') : 'filesystem-v2',
					mimeType: file.mimeType ?? 'application/octet-stream',
					fileName: file.fileName,
					fileExtension: file.fileExtension,
					fileSize: `${file.data.length} B`,
				};
				if (file.mode !== 'memory') {
					binary.id = `filesystem-v2:workflows/wf-1/executions/1/binary_data/${index}-${property}`;
					stored.set(binary.id, file);
				}
				item.binary[property] = binary;
			}
		}
		return item;
	});
	const storedFile = (id: string) => {
		const file = stored.get(id);
		if (!file) throw new Error(`no binary data with id ${id}`);
		return file;
	};
	// one reader per item: n8n resolves an item's parameters (here: the shared ones and the item's own) as a whole
	const readers = new Map<number, (name: string, fallback?: unknown) => unknown>();
	const parameter = (name: string, itemIndex = 0, fallback?: unknown) => {
		let read = readers.get(itemIndex);
		if (!read) {
			const own = options.itemParameters?.[itemIndex] ?? {};
			read = parameterReader({ ...options.parameters, ...own }, options.nodeType, input, itemIndex);
			readers.set(itemIndex, read);
		}
		return read(name, fallback);
	};
	const staticData = (options.staticData ??= {});
	const credentials = async (type: string) => {
		const found = options.credentials?.[type];
		if (!found) throw missingCredential(type, options.nodeType, options.credentials);
		return credentialWithDefaults(type, found);
	};
	const helpers = {
		returnJsonArray: (data: IDataObject | IDataObject[]) =>
			(Array.isArray(data) ? data : [data]).map((json) => ({ json })),
		httpRequest: async (o: IHttpRequestOptions) => await httpRequest(o, requests),
		// n8n's: the credential's pre-authentication and authenticate, then send (authenticatedRequest)
		httpRequestWithAuthentication: async (type: string, o: IHttpRequestOptions) =>
			await authenticatedRequest(type, options.credentials?.[type], o, requests),
		// n8n's binary data helpers (n8n-core BinaryHelperFunctions, and the execute context's getBinaryDataBuffer)
		getBinaryStream: async (id: string, chunkSize = 64 * 1024) => {
			const { data } = storedFile(id);
			binaryStreams.push(id);
			return Readable.from(
				(function* () {
					for (let at = 0; at < data.length; at += chunkSize)
						yield data.subarray(at, at + chunkSize);
				})(),
			);
		},
		getBinaryMetadata: async (id: string) => {
			const file = storedFile(id);
			return { fileName: file.fileName, mimeType: file.mimeType, fileSize: file.data.length };
		},
		getBinaryDataBuffer: async (itemIndex: number, property: string) => {
			const binary = input[itemIndex]?.binary?.[property];
			if (!binary) throw new Error(`item ${itemIndex} has no binary property ${property}`);
			return binary.id ? storedFile(binary.id).data : Buffer.from(binary.data, 'base64');
		},
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
		binaryStreams,
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
		input,
	};
}

/**
 * An action node's execute() context. `execute()` runs the `nodeType`'s execute() in it and checks, as n8n's
 * item linking needs, that every output item is paired with an input item (assertPairedItems).
 */
export function fakeExecuteContext(options: FakeNodeOptions = {}): FakeExecute {
	const { common, parameter, logs, requests, binaries, binaryStreams, input } = base(options);
	const ctx = {
		...common,
		getInputData: () => input,
		getNodeParameter: (name: string, itemIndex: number, fallback?: unknown) =>
			parameter(name, itemIndex, fallback),
		continueOnFail: () => options.continueOnFail ?? false,
	} as unknown as IExecuteFunctions;
	const execute = async () => {
		const type = options.nodeType as INodeType | undefined;
		if (typeof type?.execute !== 'function')
			throw new Error('execute() needs a nodeType with execute');
		const output = (await type.execute.call(ctx)) as INodeExecutionData[][];
		assertPairedItems(output, input.length);
		return output;
	};
	return { ctx, logs, requests, binaries, binaryStreams, execute };
}

/** A trigger's activation context (webhookMethods: checkExists, create, delete). */
export function fakeHookContext(options: FakeNodeOptions = {}): Fake<IHookFunctions> {
	const { common, parameter, logs, requests, binaries, binaryStreams } = base(options);
	const ctx = {
		...common,
		getNodeParameter: (name: string, fallback?: unknown) => parameter(name, 0, fallback),
		getNodeWebhookUrl: () => options.webhookUrl,
		getWebhookName: () => 'default',
		getWebhookDescription: () => ({}),
	} as unknown as IHookFunctions;
	return { ctx, logs, requests, binaries, binaryStreams };
}

/** A polling trigger's poll() context. */
export function fakePollContext(options: FakeNodeOptions = {}): Fake<IPollFunctions> {
	const { common, parameter, logs, requests, binaries, binaryStreams } = base(options);
	const ctx = {
		...common,
		getNodeParameter: (name: string, fallback?: unknown) => parameter(name, 0, fallback),
		__emit: () => undefined,
	} as unknown as IPollFunctions;
	return { ctx, logs, requests, binaries, binaryStreams };
}

/**
 * The editor's context for a node's `methods.listSearch` / `loadOptions` (a resource locator's "From list"), as
 * n8n's /rest/dynamic-node-parameters endpoints make it: getCurrentNodeParameter reads the node's parameters as the
 * editor holds them (with `nodeType`, completed with the description's defaults, as for the other fakes; undefined
 * for one the node does not have), and its `extractValue` gives a resource locator's id (for "By URL" through the
 * mode's `extractValue` regex of the node's description, as n8n does).
 */
export function fakeLoadOptionsContext(options: FakeNodeOptions = {}): Fake<ILoadOptionsFunctions> {
	const { common, parameter, logs, requests, binaries, binaryStreams } = base(options);
	const current = (name: string, opts?: { extractValue?: boolean }) => {
		let value: unknown;
		try {
			value = parameter(name, 0, undefined);
		} catch {
			return undefined;
		}
		if (!opts?.extractValue || !value || typeof value !== 'object' || !('__rl' in value))
			return value;
		const { mode, value: inner } = value as unknown as { mode: string; value: unknown };
		const property = options.nodeType
			? descriptionOf(options.nodeType).properties.find(
					(p) => p.name === name && p.modes?.some((m) => m.name === mode),
				)
			: undefined;
		const regex = property?.modes?.find((m) => m.name === mode)?.extractValue?.regex;
		if (!regex) return inner;
		const match = new RegExp(regex).exec(String(inner));
		if (!match) throw new Error(`ERROR: ${name}: the value does not match the "${mode}" pattern`);
		return match[1];
	};
	const ctx = {
		...common,
		getNodeParameter: (name: string, fallback?: unknown) => parameter(name, 0, fallback),
		getCurrentNodeParameter: current,
		getCurrentNodeParameters: () => ({ ...options.parameters }),
	} as unknown as ILoadOptionsFunctions;
	return { ctx, logs, requests, binaries, binaryStreams };
}

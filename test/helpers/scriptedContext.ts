import type { IDataObject, IHttpRequestOptions, INodeExecutionData } from 'n8n-workflow';

import { parameterReader, type NodeTypeLike } from './nodeParameters';

/**
 * A stand-in for the n8n context a node's code gets, for unit tests that script the vendor's answers instead of
 * running a simulator: every request, through `httpRequestWithAuthentication` (what the shared vendor client
 * calls) or the plain `httpRequest` (links followed without the credential), is recorded with its options as n8n
 * would receive them and the credential it was signed with, and gets the next scripted answer (an Error is
 * thrown as n8n throws one when nothing answers). Also records what a webhook answers itself and what is logged.
 *
 * `answers`: a list taken in order, or a function of each request's options. `parameters` are read like a
 * trigger's or a poll's (getNodeParameter(name, fallback)); with `nodeType` as n8n reads them, completed with the
 * defaults of the node's description (see nodeParameters.ts), and for an action node (a
 * `nodeType` with execute()) per item of `input`, as getNodeParameter(name, itemIndex, fallback).
 */
export type ScriptedAnswer = { statusCode: number; body?: unknown; headers?: IDataObject } | Error;

export function scriptedContext(options: {
	credentials: IDataObject | (() => IDataObject);
	answers?: ScriptedAnswer[] | ((request: IHttpRequestOptions) => unknown);
	parameters?: IDataObject;
	nodeType?: NodeTypeLike;
	/** an action node's input items (default one empty item) */
	input?: IDataObject[];
}) {
	const requests: IHttpRequestOptions[] = [];
	/** for each request, the credential type n8n signed it with; undefined for a plain httpRequest */
	const credentialTypes: Array<string | undefined> = [];
	let credentialReads = 0;
	const logs: { error: string[]; warn: string[] } = { error: [], warn: [] };
	const responses: Array<{ status: number; body: unknown }> = [];
	let status = 0;
	const next = (request: IHttpRequestOptions): ScriptedAnswer => {
		const { answers } = options;
		if (typeof answers === 'function') {
			const body = answers(request);
			return body instanceof Error ? body : { statusCode: 200, body };
		}
		const answer = answers?.shift();
		if (!answer) throw new Error('no scripted answer left');
		return answer;
	};
	const send = async (request: IHttpRequestOptions, credentialType: string | undefined) => {
		requests.push(request);
		credentialTypes.push(credentialType);
		const answer = next(request);
		if (answer instanceof Error) throw answer;
		return { headers: {}, ...answer };
	};
	const ctx = {
		getCredentials: async () => {
			credentialReads++;
			return typeof options.credentials === 'function'
				? options.credentials()
				: options.credentials;
		},
		getNodeParameter: nodeParameter(options),
		getInputData: () => inputOf(options),
		getWorkflow: () => ({ id: 'wf-1', name: 'Test workflow', active: true }),
		logger: {
			error: (message: string) => logs.error.push(message),
			warn: (message: string) => logs.warn.push(message),
		},
		getResponseObject: () => ({
			status(code: number) {
				status = code;
				return this;
			},
			json(body: unknown) {
				responses.push({ status, body });
			},
		}),
		helpers: {
			returnJsonArray: (items: IDataObject[]) => items.map((json) => ({ json })),
			prepareBinaryData: async (_body: unknown, fileName?: string, mimeType?: string) => ({
				data: '',
				fileName,
				mimeType: mimeType ?? 'application/octet-stream',
			}),
			httpRequestWithAuthentication: async (type: string, request: IHttpRequestOptions) =>
				await send(request, type),
			httpRequest: async (request: IHttpRequestOptions) => await send(request, undefined),
		},
	};
	/** `METHOD path` of each request, below `root` */
	const paths = (root: string) => requests.map((r) => `${r.method} ${r.url.replace(root, '')}`);
	// callers cast to the context type their code takes (ApiContext, IWebhookFunctions, IPollFunctions...)
	return {
		ctx: ctx as never,
		requests,
		credentialTypes,
		credentialReads: () => credentialReads,
		logs,
		responses,
		paths,
	};
}

const inputOf = (options: { input?: IDataObject[] }): INodeExecutionData[] =>
	(options.input ?? [{}]).map((json) => ({ json }));

/** getNodeParameter: (name, fallback), or (name, itemIndex, fallback) for an action node's type. */
function nodeParameter(options: {
	parameters?: IDataObject;
	nodeType?: NodeTypeLike;
	input?: IDataObject[];
}) {
	const { nodeType, parameters = {} } = options;
	if (!nodeType) return (name: string, fallback: unknown) => parameters[name] ?? fallback;
	if (!('execute' in nodeType && typeof nodeType.execute === 'function'))
		return parameterReader(parameters, nodeType);
	const input = inputOf(options);
	const readers = input.map((_, i) => parameterReader(parameters, nodeType, input, i));
	return (name: string, itemIndex: number, fallback?: unknown) => {
		if (!readers[itemIndex]) throw new Error(`no input item ${itemIndex}`);
		return readers[itemIndex](name, fallback);
	};
}

import { NodeOperationError, type IHookFunctions, type IHttpRequestMethods } from 'n8n-workflow';

import {
	apiRequest,
	credentialOnce,
	type ApiAnswer,
	type ApiContext,
	type ApiRequest,
	type VendorApi,
} from '../common/http/httpClient';
import { RequestPacer } from '../common/http/pacing';
import { VendorApiError } from '../common/http/vendorError';
import { smartcatApiRoot } from './servers';

/** A failed Smartcat API call: the HTTP status and Smartcat's message (its error bodies are text or JSON). */
export class SmartcatApiError extends VendorApiError {}

/**
 * Smartcat's message: problem details (`detail`, `title`), `{message}`, or text. Smartcat's text answers read
 * "Error processing request. Correlation id: <uuid>\r\n<message>" (seen by the smartcat-hook and Blackbird
 * integrations, github.com/bb-io/Smartcat): the message comes first, the correlation id after it.
 */
function messageOf(body: unknown): string {
	if (typeof body === 'string') {
		const text = body.trim();
		const wrapped = /^Error processing request\. Correlation id: ([\w-]+)\s*\r?\n([\s\S]+)$/.exec(
			text,
		);
		return (wrapped ? `${wrapped[2].trim()} (correlation id ${wrapped[1]})` : text).slice(0, 300);
	}
	if (body && typeof body === 'object') {
		const { message, error, title, detail, Message } = body as Record<string, unknown>;
		for (const candidate of [detail, message, Message, error, title])
			if (typeof candidate === 'string' && candidate) return candidate;
		return JSON.stringify(body).slice(0, 300);
	}
	return '';
}

export const SMARTCAT_API: VendorApi = {
	name: 'Smartcat',
	credentialType: 'smartcatApi',
	baseUrl: (credentials) => smartcatApiRoot(credentials),
	errorMessage: messageOf,
	hint: (status) =>
		status === 401 || status === 403
			? 'Check the Smartcat credential: account ID, API key and the server the account lives on.'
			: status === 413
				? 'Smartcat refused the file as too large: split it, or send a smaller format.'
				: undefined,
	errorClass: SmartcatApiError,
};

/**
 * Smartcat's documented rate limit: "All Smartcat API methods have a rate limit of 4 requests per second"
 * (https://developers.smartcat.com/api-guides). Every call of this package to one account waits for its slot.
 */
export const SMARTCAT_REQUESTS_PER_SECOND = 4;

const pacer = new RequestPacer(SMARTCAT_REQUESTS_PER_SECOND);

/** A call that could not get a rate-limit slot before its caller's deadline: it was not made. */
export class SmartcatOutOfTime extends Error {
	constructor() {
		super('no Smartcat API slot before the deadline');
		this.name = 'SmartcatOutOfTime';
	}
}

/**
 * The same API one version on: Smartcat moved some methods to /api/integration/v2 (the language and vendor
 * directories, document update; https://smartcat.com/api/methods/v1/swagger.json lists both versions).
 */
const SMARTCAT_API_V2: VendorApi = {
	...SMARTCAT_API,
	baseUrl: (credentials) => smartcatApiRoot(credentials).replace(/\/v1$/, '/v2'),
};

export type SmartcatRequestOptions = Omit<ApiRequest, 'method' | 'path'> & {
	/** ms since the epoch: if the account's next slot comes later, SmartcatOutOfTime is thrown, nothing sent */
	deadline?: number;
	/** the path is below /api/integration/v2 instead of v1 */
	v2?: boolean;
};

/**
 * One call to the Smartcat API with the node's `smartcatApi` credential (Basic auth through the credential's
 * `authenticate`), paced to Smartcat's rate limit per account. Answers 2xx and the statuses in `accept` (e.g.
 * 404 of callback GET); anything else is a SmartcatApiError with Smartcat's message.
 */
export async function smartcatRequest(
	ctx: ApiContext,
	method: IHttpRequestMethods,
	path: string,
	options: SmartcatRequestOptions = {},
): Promise<ApiAnswer> {
	const { deadline, v2, ...request } = options;
	const credentials = await credentialOnce(ctx, SMARTCAT_API.credentialType).catch(
		(error: Error) => {
			// the trigger, whose credential is optional (a delivery with Fetch Details, a check, a deactivation)
			if (!N8N_NO_CREDENTIAL.test(error.message) || !ctx.getNode().type.endsWith('smartcatTrigger'))
				throw error;
			throw noSmartcatCredential(
				ctx,
				`The Smartcat Trigger "${ctx.getNode().name}"`,
				'use Registration: Manual with Fetch Details off',
			);
		},
	);
	const account = `${SMARTCAT_API.baseUrl(credentials)} ${String(credentials.accountId ?? '')}`;
	if (!(await pacer.slot(account, deadline))) throw new SmartcatOutOfTime();
	return await apiRequest(ctx, v2 ? SMARTCAT_API_V2 : SMARTCAT_API, { method, path, ...request });
}

/**
 * What n8n's getCredentials says when the node has no credential of the type (n8n-core, node-execution-context):
 * "Node does not require credentials" for the trigger's optional one, "Node does not have any credentials set"
 * for a required one. Neither says which credential or why, so such an error is replaced, never quoted.
 */
const N8N_NO_CREDENTIAL =
	/^(Node does not require credentials|Node does not have any credentials set|Credentials not found)/;

/** Why the Smartcat Trigger needs the credential, and when it needs none: the advice every refusal gives. */
const TRIGGER_CREDENTIAL_ADVICE =
	"The Smartcat Trigger uses it for Registration: Automatic (it sets the account's callback through the API) and for Fetch Details (it looks each ID up); with Registration: Manual and Fetch Details off it needs none.";

/**
 * The error for a missing Smartcat API credential: `why` needs it, choose one, or `instead`. An error other than
 * n8n's "no credential" (one that cannot be decrypted, say) is added in parentheses.
 */
export function noSmartcatCredential(
	ctx: ApiContext,
	why: string,
	instead: string,
	cause?: Error,
): NodeOperationError {
	const detail = cause && !N8N_NO_CREDENTIAL.test(cause.message) ? ` (${cause.message})` : '';
	return new NodeOperationError(
		ctx.getNode(),
		`${why} needs a Smartcat API credential (account ID and API key): choose one under "Credential to connect with", or ${instead}${detail}`,
		{ description: TRIGGER_CREDENTIAL_ADVICE },
	);
}

/**
 * Refuses activation, saying what to do, when the node has no usable Smartcat API credential although its
 * settings need one (the trigger's credential is optional: manual registration alone needs none).
 */
export async function requireSmartcatCredential(
	ctx: IHookFunctions,
	why: string,
	instead: string,
): Promise<void> {
	await credentialOnce(ctx, SMARTCAT_API.credentialType).catch((error: Error) => {
		throw noSmartcatCredential(ctx, why, instead, error);
	});
}

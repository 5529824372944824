import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import { apiRequest, type ApiAnswer, type ApiContext, type VendorApi } from '../common/httpClient';
import { VendorApiError } from '../common/vendorError';
import { smartcatApiRoot } from './servers';

/** A failed Smartcat API call: the HTTP status and Smartcat's message (its error bodies are text or JSON). */
export class SmartcatApiError extends VendorApiError {}

/** Smartcat's message: problem details (`title`, `detail`), `{message}`, or plain text (developers.smartcat.com). */
function messageOf(body: unknown): string {
	if (typeof body === 'string') return body.trim().slice(0, 300);
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
			: undefined,
	errorClass: SmartcatApiError,
};

/**
 * One call to the Smartcat API with the node's `smartcatApi` credential (Basic auth through the credential's
 * `authenticate`). Answers 2xx and the statuses in `accept` (e.g. 404 of callback GET); anything else is a
 * SmartcatApiError with Smartcat's message.
 */
export async function smartcatRequest(
	ctx: ApiContext,
	method: IHttpRequestMethods,
	path: string,
	options: {
		body?: IDataObject;
		qs?: IDataObject;
		accept?: number[];
		rateLimitWaitMs?: number;
	} = {},
): Promise<ApiAnswer> {
	return await apiRequest(ctx, SMARTCAT_API, { method, path, ...options });
}

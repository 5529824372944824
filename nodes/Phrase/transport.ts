import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import { apiRequest, type ApiAnswer, type ApiContext, type VendorApi } from '../common/httpClient';
import { VendorApiError } from '../common/vendorError';
import { phraseBaseUrl } from './servers';

export class PhraseApiError extends VendorApiError {}

/** Phrase's error answers: `{errorCode, errorDescription}` (developers.phrase.com/en/api/tms/latest). */
function messageOf(body: unknown): string {
	if (body && typeof body === 'object') {
		const { errorDescription, errorCode, message } = body as Record<string, unknown>;
		const text = [errorCode, errorDescription ?? message]
			.filter((v) => typeof v === 'string' && v)
			.join(': ');
		if (text) return text;
	}
	return typeof body === 'string' ? body.slice(0, 300) : '';
}

export const PHRASE_API: VendorApi = {
	name: 'Phrase TMS',
	credentialType: 'phraseApi',
	baseUrl: (credentials) => phraseBaseUrl(credentials),
	errorMessage: messageOf,
	errorCode: (body) =>
		body && typeof body === 'object' && typeof (body as IDataObject).errorCode === 'string'
			? ((body as IDataObject).errorCode as string)
			: undefined,
	hint: (status) =>
		status === 401
			? 'Check the Phrase TMS credential (data center, user or token).'
			: status === 403
				? "The Phrase TMS user may not do this: webhooks and their history need Phrase's Administrator role."
				: undefined,
	renewsTokenOn401: true,
	errorClass: PhraseApiError,
};

/**
 * One call to the Phrase TMS API with `phraseApi` (n8n logs in through the credential's pre-authentication
 * and renews the token on a 401). Answers 2xx and the statuses in `accept`; throws PhraseApiError otherwise.
 */
export async function phraseRequest(
	ctx: ApiContext,
	method: IHttpRequestMethods,
	path: string,
	options: {
		body?: IDataObject;
		qs?: IDataObject;
		accept?: number[];
		rateLimitWaitMs?: number;
		timeoutMs?: number;
		form?: boolean;
	} = {},
): Promise<ApiAnswer> {
	return await apiRequest(ctx, PHRASE_API, { method, path, ...options });
}

import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	IWebhookFunctions,
} from 'n8n-workflow';

import { credentialOnce, requestWithCredential, VendorApiError } from '../common/http';
import { phraseBaseUrl } from './servers';

type PhraseContext = IExecuteFunctions | IHookFunctions | IWebhookFunctions;

export class PhraseApiError extends VendorApiError {}

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

/**
 * One call to the Phrase TMS API with `phraseApi` (n8n logs in through the credential's pre-authentication
 * and renews the token on a 401). Phrase's errors are `{errorCode, errorDescription}`.
 */
export async function phraseRequest(
	ctx: PhraseContext,
	method: IHttpRequestMethods,
	path: string,
	options: { body?: IDataObject; qs?: IDataObject; accept?: number[] } = {},
): Promise<{ status: number; body: unknown }> {
	const credentials = await credentialOnce(ctx, 'phraseApi');
	const request: IHttpRequestOptions = {
		method,
		url: `${phraseBaseUrl(credentials)}${path}`,
		qs: options.qs,
		body: options.body,
		headers: { 'User-Agent': 'n8n-nodes-translation-events' },
	};
	const call = (options: IHttpRequestOptions) => requestWithCredential(ctx, 'phraseApi', options);
	let answer = await call(request);
	// An expired token: n8n renews it (pre-authentication) only for a request that fails on 401, so ask again
	// letting the 401 throw; a 401 after the renewal is a real one.
	if (!('unreachable' in answer) && answer.status === 401)
		answer = await call({ ...request, ignoreHttpStatusErrors: false });
	if ('unreachable' in answer) {
		if (answer.httpCode)
			throw new PhraseApiError(
				`Phrase TMS ${method} ${path}: HTTP ${answer.httpCode} (check the Phrase TMS credential)`,
				answer.httpCode,
			);
		throw new PhraseApiError(`Phrase TMS API unreachable: ${answer.unreachable}`, 0);
	}
	if ((answer.status >= 200 && answer.status < 300) || options.accept?.includes(answer.status))
		return answer;
	const detail = messageOf(answer.body);
	const hint = answer.status === 401 ? ' (check the Phrase TMS credential)' : '';
	throw new PhraseApiError(
		`Phrase TMS ${method} ${path}: HTTP ${answer.status}${detail ? `: ${detail}` : ''}${hint}`,
		answer.status,
	);
}

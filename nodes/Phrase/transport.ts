import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestMethods,
	IHttpRequestOptions,
} from 'n8n-workflow';

import {
	apiRequest,
	secretExchange,
	type ApiAnswer,
	type ApiContext,
	type ApiRequest,
	type VendorApi,
} from '../common/http/httpClient';
import { credentialSecrets, redact } from '../common/secrets/redact';
import { VendorApiError } from '../common/http/vendorError';
import { phraseBaseUrl, phraseTokenUrl } from './servers';

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
	options: Pick<
		ApiRequest,
		| 'qs'
		| 'accept'
		| 'rateLimitWaitMs'
		| 'timeoutMs'
		| 'form'
		| 'headers'
		| 'upload'
		| 'createsWork'
	> & { body?: IDataObject } = {},
): Promise<ApiAnswer> {
	return await apiRequest(ctx, PHRASE_API, { method, path, ...options });
}

/**
 * The token a credential's requests carry (developers.phrase.com/en/api/tms/latest/authentication): a Platform
 * API token exchanged for an access token (`POST {Platform URL}/idm/oauth/token`, form-encoded token exchange),
 * a login's TMS token (`POST /api2/v1/auth/login` with user name and password), or the legacy token as it is.
 * The credential's pre-authentication and its Test button both get it here; both exchanges go through
 * secretExchange, so no redirect is followed with a password or a Platform token in the body.
 */
export async function phraseSessionToken(
	helpers: { httpRequest(options: IHttpRequestOptions): Promise<unknown> },
	credentials: ICredentialDataDecryptedObject,
): Promise<string> {
	if (credentials.authType === 'token') return String(credentials.apiToken ?? '');
	const secrets = credentialSecrets(credentials);
	if (credentials.authType === 'platformToken') {
		const answer = await secretExchange(helpers, {
			what: 'Phrase Platform token exchange',
			url: phraseTokenUrl(credentials),
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({
				grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
				subject_token: String(credentials.platformToken ?? ''),
				subject_token_type: 'urn:phrase:params:oauth:token-type:api_token',
				requested_token_type: 'urn:ietf:params:oauth:token-type:access_token',
			}).toString(),
			setting: { name: 'Platform URL', suffix: '/idm/oauth/token' },
			secrets,
		});
		if (answer.status < 200 || answer.status >= 300)
			throw new Error(
				`Phrase did not exchange the Platform API token (HTTP ${answer.status}): check that it was generated for the TMS service, has not expired and belongs to this data center`,
			);
		const token = (answer.body as { access_token?: unknown } | null)?.access_token;
		if (typeof token !== 'string' || !token)
			throw new Error('Phrase answered the token exchange without an access_token');
		return token;
	}
	const answer = await secretExchange(helpers, {
		what: 'Phrase TMS login',
		url: `${phraseBaseUrl(credentials)}/api2/v1/auth/login`,
		body: {
			userName: String(credentials.userName ?? ''),
			password: String(credentials.password ?? ''),
		},
		setting: { name: 'Base URL', suffix: '/api2/v1/auth/login' },
		secrets,
	});
	if (answer.status < 200 || answer.status >= 300) {
		const detail = messageOf(answer.body);
		throw new Error(
			redact(
				`Phrase TMS login failed: HTTP ${answer.status}${detail ? `: ${detail}` : ''}`,
				secrets,
			),
		);
	}
	return String((answer.body as { token?: unknown } | null)?.token ?? '');
}

import type {
	ICredentialDataDecryptedObject,
	IExecuteFunctions,
	IWebhookFunctions,
	NodeApiError,
} from 'n8n-workflow';

import {
	credentialOnce,
	requestWithCredential,
	toNodeApiError,
	VendorApiError,
	type HttpCall,
} from '../common/http';
import { gengoResponseSchema } from './schemas';
import { gengoBaseUrl, gengoSignature } from './signature';

/**
 * The Gengo API v2 client (developers.gengo.com/v2/api_methods/...): signed GET calls whose answers are
 * `{"opstat": "ok", "response": ...}` or `{"opstat": "error", "err": {"code": ..., "msg": ...}}`, the latter
 * often with HTTP 200; `msg` may be a string or a list of strings.
 */
export class GengoApiError extends VendorApiError {
	constructor(
		message: string,
		httpStatus: number,
		readonly gengoCode?: number | string,
	) {
		super(message, httpStatus);
	}
}

function errorMessage(err: unknown): { message: string; code?: number | string } {
	if (err && typeof err === 'object') {
		const { msg, code } = err as { msg?: unknown; code?: unknown };
		const text = Array.isArray(msg)
			? msg.filter((m) => typeof m === 'string').join('; ')
			: typeof msg === 'string'
				? msg
				: '';
		if (text) return { message: text, code: code as number | string | undefined };
		// Batch errors are keyed by job id: {"err": {"123": [{"code":..., "msg":...}]}}
		const first = Object.values(err as Record<string, unknown>).flat()[0];
		if (first && typeof first === 'object' && first !== err) return errorMessage(first);
	}
	return { message: 'unknown error' };
}

/** Unwraps Gengo's envelope: the `response`, or a GengoApiError with Gengo's code and message. */
export function unwrapGengoAnswer(what: string, status: number, body: unknown): unknown {
	const parsed = gengoResponseSchema.safeParse(body);
	if (!parsed.success) {
		const text = typeof body === 'string' ? body.slice(0, 200) : '';
		throw new GengoApiError(
			`Gengo ${what}: unexpected answer (HTTP ${status})${text ? `: ${text}` : ''}`,
			status,
		);
	}
	if (parsed.data.opstat !== 'ok') {
		const { message, code } = errorMessage(parsed.data.err);
		throw new GengoApiError(
			`Gengo ${what} failed: ${message}${code !== undefined ? ` (code ${code})` : ''}`,
			status || 400,
			code,
		);
	}
	if (status >= 400) throw new GengoApiError(`Gengo ${what}: HTTP ${status}`, status);
	return parsed.data.response;
}

/** One signed GET with the credential's data, for contexts that sign themselves (credential test). */
export async function gengoGetWith(
	http: HttpCall,
	credentials: ICredentialDataDecryptedObject,
	path: string,
	qs: Record<string, string | number> = {},
): Promise<unknown> {
	const signature = gengoSignature(
		String(credentials.publicKey ?? ''),
		String(credentials.privateKey ?? ''),
	);
	const answer = await http({
		method: 'GET',
		url: `${gengoBaseUrl(credentials)}${path}`,
		qs: { ...qs, ...signature },
	}).catch((error: Error) => ({ unreachable: error.message }));
	if ('unreachable' in answer)
		throw new GengoApiError(`Gengo API unreachable: ${answer.unreachable}`, 0);
	return unwrapGengoAnswer(`GET ${path}`, answer.status, answer.body);
}

/**
 * One GET through n8n's `httpRequestWithAuthentication`, so the credential's `authenticate` signs it.
 * Throws GengoApiError; the Gengo node turns it into NodeApiError (see toGengoNodeApiError).
 */
export async function gengoGet(
	ctx: IExecuteFunctions | IWebhookFunctions,
	path: string,
	qs: Record<string, string | number> = {},
): Promise<unknown> {
	const credentials = await credentialOnce(ctx, 'gengoApi');
	const answer = await requestWithCredential(ctx, 'gengoApi', {
		method: 'GET',
		url: `${gengoBaseUrl(credentials)}${path}`,
		qs,
	});
	if ('unreachable' in answer)
		throw new GengoApiError(`Gengo API unreachable: ${answer.unreachable}`, answer.httpCode);
	return unwrapGengoAnswer(`GET ${path}`, answer.status, answer.body);
}

/** A failure as n8n's NodeApiError, with Gengo's code and a hint for the common cases. */
export function toGengoNodeApiError(
	ctx: IExecuteFunctions,
	error: unknown,
	itemIndex?: number,
): NodeApiError {
	if (!(error instanceof GengoApiError)) return toNodeApiError(ctx, error, itemIndex);
	const status = error.httpStatus;
	const description =
		status === 401 || status === 403
			? 'Check the Gengo credential: public and private key, and production versus sandbox (each has its own keys).'
			: status === 404
				? 'Gengo does not know this id for this account.'
				: undefined;
	return toNodeApiError(ctx, error, itemIndex, { code: error.gengoCode ?? status, description });
}

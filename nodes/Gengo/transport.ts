import type { ICredentialsDecrypted, ICredentialTestFunctions, IDataObject } from 'n8n-workflow';

import { credentialTestRequest } from '../common/http/credentialTestHttp';
import {
	apiRequest,
	credentialOnce,
	type ApiContext,
	type ApiRequest,
	type VendorApi,
} from '../common/http/httpClient';
import { multipartBody, type UploadFile } from '../common/http/upload';
import { VendorApiError } from '../common/http/vendorError';
import { credentialSecrets } from '../common/secrets/redact';
import { gengoResponseSchema } from './schemas';
import { gengoBaseUrl } from './servers';
import { gengoSignature } from './signature';

/**
 * The Gengo API v2 (developers.gengo.com/v2/api_methods/...): calls signed by the credential's `authenticate`,
 * answered `{"opstat": "ok", "response": ...}` or `{"opstat": "error", "err": {"code": ..., "msg": ...}}`, the
 * latter often with HTTP 200; `msg` may be a string or a list of strings, and batch errors are keyed by job id.
 */
export class GengoApiError extends VendorApiError {}

function gengoError(err: unknown): { message: string; code?: number | string } {
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
		if (first && typeof first === 'object' && first !== err) return gengoError(first);
	}
	return { message: '' };
}

const HINTS: Record<number, string> = {
	401: 'Check the Gengo credential: public and private key, and production versus sandbox (each has its own keys).',
	403: 'Check the Gengo credential: public and private key, and production versus sandbox (each has its own keys).',
	404: 'Gengo does not know this id for this account.',
};

export const GENGO_API: VendorApi = {
	name: 'Gengo',
	credentialType: 'gengoApi',
	baseUrl: (credentials) => gengoBaseUrl(credentials),
	errorMessage: (body) => {
		const parsed = gengoResponseSchema.safeParse(body);
		if (parsed.success) return gengoError(parsed.data.err).message;
		return typeof body === 'string' ? body.slice(0, 200) : '';
	},
	errorCode: (body) => {
		const parsed = gengoResponseSchema.safeParse(body);
		return parsed.success ? gengoError(parsed.data.err).code : undefined;
	},
	hint: (status) => HINTS[status],
	errorClass: GengoApiError,
};

/**
 * Unwraps Gengo's envelope: the `response`, or a GengoApiError with Gengo's code and message (`secrets`: the
 * credential's values, masked if the answer repeats them).
 */
export function unwrapGengoAnswer(
	what: string,
	status: number,
	body: unknown,
	secrets: readonly unknown[] = [],
): unknown {
	const parsed = gengoResponseSchema.safeParse(body);
	if (!parsed.success) {
		const text = typeof body === 'string' ? body.slice(0, 200) : '';
		throw new GengoApiError(
			`Gengo ${what}: unexpected answer (HTTP ${status})${text ? `: ${text}` : ''}`,
			status,
			{ secrets },
		);
	}
	if (parsed.data.opstat !== 'ok') {
		const { message, code } = gengoError(parsed.data.err);
		// Gengo answers refused keys and unknown ids with HTTP 200 and opstat "error": 400 stands for "refused"
		throw new GengoApiError(
			`Gengo ${what} failed: ${message || 'unknown error'}${code !== undefined ? ` (code ${code})` : ''}`,
			status >= 400 ? status : 400,
			{ vendorCode: code, hint: HINTS[status], secrets },
		);
	}
	return parsed.data.response;
}

/** One GET of the Gengo API, unwrapped (see unwrapGengoAnswer). */
export async function gengoGet(
	ctx: ApiContext,
	path: string,
	qs: IDataObject = {},
	options: { rateLimitWaitMs?: number; timeoutMs?: number } = {},
): Promise<unknown> {
	const answer = await apiRequest(ctx, GENGO_API, {
		method: 'GET',
		path,
		qs,
		headers: { Accept: 'application/json' },
		// Gengo wraps its errors in HTTP 200 as often as not: read every answer's envelope
		accept: [400, 401, 403, 404],
		...options,
	});
	const credentials = await credentialOnce(ctx, GENGO_API.credentialType);
	return unwrapGengoAnswer(
		`GET ${path}`,
		answer.status,
		answer.body,
		credentialSecrets(credentials),
	);
}

/**
 * One POST, PUT or DELETE of the Gengo API, unwrapped (see unwrapGengoAnswer). Gengo takes a call's arguments as
 * one form parameter `data` holding JSON, and its own clients sign such calls in the body: `api_key`, `ts` and
 * `api_sig` beside `data`, form-encoded, or as fields of a multipart body when files go with it (gengo-python,
 * gengo-ruby, gengo-php, gengo-java: https://github.com/gengo). The signature also goes into the query string
 * (the credential's `authenticate`, as for a GET; gengo-php sends it in both places for uploads), so either
 * reading works. A DELETE carries nothing but the signature.
 *
 * `createsWork`: the call orders, approves, rejects, cancels or comments: it is sent once and never again after it
 * may have reached Gengo (common/httpClient.ts). `secrets`: more values to mask in errors (a callback URL's token).
 */
export async function gengoSend(
	ctx: ApiContext,
	method: 'POST' | 'PUT' | 'DELETE',
	path: string,
	options: {
		data?: IDataObject;
		files?: Array<{ name: string; file: UploadFile }>;
		createsWork?: { checkHint: string };
		secrets?: readonly string[];
		timeoutMs?: number;
	} = {},
): Promise<unknown> {
	const credentials = await credentialOnce(ctx, GENGO_API.credentialType);
	const request: ApiRequest = {
		method,
		path,
		headers: { Accept: 'application/json' },
		accept: [400, 401, 403, 404],
		createsWork: options.createsWork,
		timeoutMs: options.timeoutMs,
	};
	if (method !== 'DELETE') {
		const signature = gengoSignature(
			String(credentials.publicKey ?? ''),
			String(credentials.privateKey ?? ''),
		);
		const fields = { ...signature, data: JSON.stringify(options.data ?? {}) };
		if (options.files?.length) {
			request.upload = multipartBody([
				...Object.entries(fields).map(([name, value]) => ({ name, value })),
				...options.files,
			]);
		} else {
			request.body = new URLSearchParams(fields).toString();
			request.form = true;
		}
	}
	const answer = await apiRequest(ctx, GENGO_API, request);
	return unwrapGengoAnswer(`${method} ${path}`, answer.status, answer.body, [
		...credentialSecrets(credentials),
		...(options.secrets ?? []),
	]);
}

/**
 * One signed GET for the credential's Test button (n8n gives credential tests only its legacy request helper,
 * and does not run `authenticate` there).
 */
export async function gengoTestGet(
	ctx: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
	path: string,
): Promise<unknown> {
	const data = credential.data ?? {};
	const signature = gengoSignature(String(data.publicKey ?? ''), String(data.privateKey ?? ''));
	const secrets = [...credentialSecrets(data), signature.api_sig];
	const answer = await credentialTestRequest(ctx, {
		method: 'GET',
		root: gengoBaseUrl(data),
		path,
		qs: signature,
		secrets,
		setting: 'Environment (or Base URL)',
	}).catch((error: Error) => {
		throw new GengoApiError(`Gengo API unreachable: ${error.message}`, 0, { secrets });
	});
	return unwrapGengoAnswer(`GET ${path}`, answer.status, answer.body, secrets);
}

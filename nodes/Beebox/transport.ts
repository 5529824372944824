import type {
	ICredentialDataDecryptedObject,
	ICredentialTestFunctions,
	IDataObject,
} from 'n8n-workflow';

import { credentialTestRequest } from '../common/credentialTestHttp';
import { apiRequest, type ApiContext, type VendorApi } from '../common/httpClient';
import { VendorApiError } from '../common/vendorError';
import { beeboxApiErrorSchema, beeboxEventDetailsSchema, type BeeboxEventDetails } from './schemas';

/**
 * The Beebox API client, after Wordbee's pages (help.wordbee.com/beebox/...):
 * - api-connect-using-post: `POST /api/connect` with JSON `{project, login, pwd, waitsecs, connector, version}`
 *   answers a session token (200) or an error;
 * - api-disconnect: `GET /api/disconnect?token=`. While a session is open the Beebox runs no automatic
 *   operations (until it expires after 15 minutes), so every use here connects, does one thing and disconnects;
 * - api-full-event-details: `GET /api/actions/action?token=&id=` for the project the session is for, or
 *   `GET /api/server/actions/action?token=&id=` with admin credentials and no project; `fulldetails=true` is
 *   what fills `details` (e.g. the delivered files);
 * - error-handling: failures are HTTP 400 with `{type, message, id, failed: true}` (ids such as BUSY,
 *   LOGGEDOUT, LOGIN_FAILED); other codes without JSON are web server errors (404: no such API method).
 */
export interface BeeboxCredentials {
	serverUrl: string;
	projectKey?: string;
	login: string;
	password: string;
}

export class BeeboxApiError extends VendorApiError {}

/** One Beebox call as the session logic needs it: HTTP errors come back as answers, not exceptions. */
export type BeeboxCall = (request: {
	method: 'GET' | 'POST';
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
}) => Promise<{ status: number; body: unknown }>;

const CONNECTOR_NAME = 'n8n-nodes-translation-events';
/** How long Beebox may keep a login waiting while it runs an automatic operation (its default is 10 s). */
const CONNECT_WAIT_SECONDS = 5;

/** `https://beebox.example.com/` and `https://beebox.example.com/api` both mean the server. */
export function beeboxBaseUrl(serverUrl: string): string {
	return serverUrl
		.trim()
		.replace(/\/+$/, '')
		.replace(/\/api$/i, '');
}

function beeboxMessage(body: unknown): string {
	const parsed = beeboxApiErrorSchema.safeParse(body);
	if (parsed.success && parsed.data.message) return parsed.data.message;
	return typeof body === 'string' ? body.slice(0, 200) : '';
}

/** The Beebox API for the one client: no signing (the session token goes in the query), errors `{id, message}`. */
export const BEEBOX_API: VendorApi = {
	name: 'Beebox',
	credentialType: 'beeboxApi',
	baseUrl: (credentials) => beeboxBaseUrl(String(credentials.serverUrl ?? '')),
	errorMessage: beeboxMessage,
	errorCode: (body) => {
		const parsed = beeboxApiErrorSchema.safeParse(body);
		return parsed.success ? parsed.data.id : undefined;
	},
	hint: (status) =>
		status === 400 || status === 401
			? 'Check the Wordbee Beebox credential: server URL, project key, login and password (the Test button logs in and out).'
			: undefined,
	errorClass: BeeboxApiError,
};

/** Beebox calls from a node (the one client; every 4xx answered so the session logic reads Beebox's error). */
export function beeboxCallFrom(ctx: ApiContext): BeeboxCall {
	return async (request) => {
		const answer = await apiRequest(ctx, BEEBOX_API, {
			...request,
			accept: [400, 401, 403, 404, 405],
			rateLimitWaitMs: 0,
		});
		return { status: answer.status, body: answer.body };
	};
}

/** Beebox calls from the credential's Test button (n8n's legacy request helper). */
export function beeboxCallForTest(
	ctx: ICredentialTestFunctions,
	credentials: BeeboxCredentials,
): BeeboxCall {
	return async (request) =>
		await credentialTestRequest(ctx, {
			...request,
			root: beeboxBaseUrl(credentials.serverUrl),
		}).catch((error: Error) => {
			throw new BeeboxApiError(`Beebox API unreachable: ${error.message}`, 0);
		});
}

/** The credential fields the session logic reads. */
export function beeboxCredentials(
	data: ICredentialDataDecryptedObject | undefined,
): BeeboxCredentials {
	return {
		serverUrl: String(data?.serverUrl ?? ''),
		projectKey: data?.projectKey ? String(data.projectKey) : undefined,
		login: String(data?.login ?? ''),
		password: String(data?.password ?? ''),
	};
}

function apiError(what: string, status: number, body: unknown): BeeboxApiError {
	const parsed = beeboxApiErrorSchema.safeParse(body);
	const message =
		parsed.success && parsed.data.message
			? parsed.data.message
			: typeof body === 'string' && body
				? body.slice(0, 200)
				: `HTTP ${status}`;
	const id = parsed.success ? parsed.data.id : undefined;
	return new BeeboxApiError(`Beebox ${what} failed: ${message}${id ? ` (${id})` : ''}`, status, {
		vendorCode: id,
		hint: BEEBOX_API.hint?.(status),
	});
}

async function connect(http: BeeboxCall, credentials: BeeboxCredentials): Promise<string> {
	const response = await http({
		method: 'POST',
		path: '/api/connect',
		body: {
			project: credentials.projectKey ?? '',
			login: credentials.login,
			pwd: credentials.password,
			waitsecs: CONNECT_WAIT_SECONDS,
			connector: CONNECTOR_NAME,
		},
	});
	if (response.status !== 200) throw apiError('login', response.status, response.body);
	const token = typeof response.body === 'string' ? response.body.trim().replace(/^"|"$/g, '') : '';
	if (!token)
		throw new BeeboxApiError(
			'Beebox login failed: the server answered no session token',
			response.status,
		);
	return token;
}

async function disconnect(http: BeeboxCall, token: string): Promise<void> {
	// The method "returns no result even when the token is not or no longer valid": nothing to check.
	await http({
		method: 'GET',
		path: '/api/disconnect',
		qs: { token },
	}).catch(() => undefined);
}

/** Connects, runs `work` with the session token, and always disconnects. */
export async function withBeeboxSession<T>(
	http: BeeboxCall,
	credentials: BeeboxCredentials,
	work: (token: string) => Promise<T>,
): Promise<T> {
	const token = await connect(http, credentials);
	try {
		return await work(token);
	} finally {
		await disconnect(http, token);
	}
}

/** The full details of one event (`bbid`), including the files it processed. */
export async function getBeeboxEventDetails(
	http: BeeboxCall,
	credentials: BeeboxCredentials,
	eventId: string,
): Promise<BeeboxEventDetails> {
	return await withBeeboxSession(http, credentials, async (token) => {
		const path = credentials.projectKey ? '/api/actions/action' : '/api/server/actions/action';
		const response = await http({
			method: 'GET',
			path,
			qs: { token, id: eventId, fulldetails: true },
		});
		if (response.status !== 200)
			throw apiError(`event ${eventId} lookup`, response.status, response.body);
		const details = beeboxEventDetailsSchema.safeParse(response.body);
		if (!details.success) {
			throw new BeeboxApiError(
				`Beebox answered event ${eventId} with an unexpected shape`,
				response.status,
			);
		}
		return details.data;
	});
}

import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { credentialTestRequest } from '../common/http/credentialTestHttp';
import { credentialSecrets, redact } from '../common/secrets/redact';
import { smartcatApiRoot } from './servers';
import { SMARTCAT_API } from './transport';

/** What a refused Test means, in Smartcat's terms (https://developers.smartcat.com/api-guides). */
const REFUSED: Record<number, string> = {
	401: 'Smartcat refused the account ID and API key (401). Check both (Smartcat: Settings → API) and the server: an account lives on one of Europe, USA or Asia, and a key is only valid there.',
	403: 'Smartcat refused access (403): the API works for company accounts only, not for freelancer accounts, and the key needs API access.',
	404: 'No Smartcat API at this address (404): check the server, or the custom URL (e.g. https://smartcat.com, without /api/integration/v1).',
};

/**
 * The Test button of `smartcatApi`: `GET /api/integration/v1/account` with Basic auth. A function rather than
 * the credential's declarative test, because n8n 1.x shows only a generic "Authorization failed" for a
 * declarative test's 401, and 2.x only the status text ("Unauthorized") without rules.
 */
export async function testSmartcatApi(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data = credential.data ?? {};
	const root = smartcatApiRoot(data);
	const basic = Buffer.from(
		`${String(data.accountId ?? '')}:${String(data.apiKey ?? '')}`,
	).toString('base64');
	const secrets = [...credentialSecrets(data), basic];
	try {
		const { status, body } = await credentialTestRequest(this, {
			method: 'GET',
			root,
			path: '/account',
			headers: { Authorization: `Basic ${basic}` },
			secrets,
			setting: 'Server (or Base URL)',
		});
		if (status >= 200 && status < 300) {
			const name = (body as { name?: unknown } | null)?.name;
			return {
				status: 'OK',
				message: `Connected to Smartcat${typeof name === 'string' && name ? ` (account "${name}")` : ''}`,
			};
		}
		const detail = SMARTCAT_API.errorMessage(body);
		return {
			status: 'Error',
			message:
				REFUSED[status] ??
				redact(`Smartcat answered HTTP ${status}${detail ? `: ${detail}` : ''}`, secrets),
		};
	} catch (error) {
		return {
			status: 'Error',
			message: redact(`Smartcat API unreachable at ${root}: ${(error as Error).message}`, secrets),
		};
	}
}

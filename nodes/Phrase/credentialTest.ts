import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { credentialTestRequest, httpRequestOverLegacy } from '../common/http/credentialTestHttp';
import { credentialSecrets, redact } from '../common/secrets/redact';
import { phraseBaseUrl } from './servers';
import { PHRASE_API, phraseSessionToken } from './transport';

/**
 * The Test button of `phraseApi`: the credential's token (the login or the Platform token exchange, as the nodes
 * get it), then "who am I" (`GET /api2/v1/auth/whoAmI`, developers.phrase.com/en/api/tms/latest), the cheapest
 * authenticated call. A function rather than a declarative test, so that the nodes' rules apply: https only
 * (plain http to loopback), no redirect followed with the password or a token, bounded answers.
 */
export async function testPhraseCredentials(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data = (credential.data ?? {}) as ICredentialDataDecryptedObject;
	const secrets = credentialSecrets(data);
	try {
		const token = await phraseSessionToken(httpRequestOverLegacy(this), data);
		secrets.push(token);
		const scheme = data.authType === 'platformToken' ? 'Bearer' : 'ApiToken';
		const { status, body } = await credentialTestRequest(this, {
			method: 'GET',
			root: phraseBaseUrl(data),
			path: '/api2/v1/auth/whoAmI',
			headers: { Authorization: `${scheme} ${token}` },
			secrets,
			setting: 'Base URL',
		});
		if (status >= 200 && status < 300) {
			const { user, organization } = (body ?? {}) as {
				user?: { userName?: unknown };
				organization?: { name?: unknown };
			};
			const who = typeof user?.userName === 'string' ? ` as ${user.userName}` : '';
			const where = typeof organization?.name === 'string' ? ` (${organization.name})` : '';
			return { status: 'OK', message: `Connected to Phrase TMS${who}${where}` };
		}
		const detail = PHRASE_API.errorMessage(body);
		const hint = PHRASE_API.hint?.(status);
		return {
			status: 'Error',
			message: redact(
				`Phrase TMS answered HTTP ${status}${detail ? `: ${detail}` : ''}${hint ? `. ${hint}` : ''}`,
				secrets,
			),
		};
	} catch (error) {
		return { status: 'Error', message: redact((error as Error).message, secrets) };
	}
}

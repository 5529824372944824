import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { getProjectInformation } from './api';
import { beeboxCallForTest, beeboxCredentials, RUN_CONNECT, withBeeboxSession } from './transport';

/**
 * The Test button of `beeboxApi`: log in (POST, or GET on a Beebox older than November 2023), read the project's
 * languages when the credential names a project, log out again (a session left open would pause the Beebox's
 * automatic operations). On failure, Beebox's own message.
 */
export async function testBeeboxCredentials(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const credentials = beeboxCredentials(credential.data);
	const http = beeboxCallForTest(this, credentials);
	try {
		const languages = await withBeeboxSession(http, credentials, RUN_CONNECT, async (token) =>
			credentials.projectKey ? await getProjectInformation(http, token) : undefined,
		);
		if (!languages) return { status: 'OK', message: 'Connected to the Beebox (admin, no project)' };
		const targets = (languages.targetLocales ?? []).join(', ') || 'none';
		return {
			status: 'OK',
			message: `Connected to the Beebox project (${languages.sourceLocale ?? '?'} → ${targets})`,
		};
	} catch (error) {
		return { status: 'Error', message: (error as Error).message };
	}
}

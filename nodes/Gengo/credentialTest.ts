import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { gengoTestGet } from './transport';

/** The Test button of `gengoApi`: a signed account-balance call; on failure, Gengo's own message. */
export async function testGengoCredentials(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	try {
		const balance = (await gengoTestGet(this, credential, '/account/balance')) as
			| { credits?: unknown; currency?: unknown }
			| undefined;
		const credits =
			balance?.credits !== undefined
				? ` (balance ${String(balance.credits)} ${String(balance.currency ?? '')})`.trimEnd()
				: '';
		return { status: 'OK', message: `Connected to Gengo${credits}` };
	} catch (error) {
		return { status: 'Error', message: (error as Error).message };
	}
}

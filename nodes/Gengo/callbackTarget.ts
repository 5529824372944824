import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

import { SECRET_ADVICE, secretProblem } from '../common/secrets/secretPolicy';
import { URL_TOKEN_QUERY_PARAMETER } from '../common/secrets/urlToken';
import { WEBHOOK_SECRET_CREDENTIAL } from '../common/secrets/webhookSecret';

/**
 * Where Gengo calls back about the jobs the Gengo node orders: each job's `callback_url`
 * (https://developers.gengo.com/v2/callback_urls/). Gengo cannot sign its callbacks and a callback URL "cannot
 * contain authentication information", so the Gengo Trigger checks a secret `?token=` in it, the
 * secret of its Translation Webhook Secret credential.
 *
 * Ordering with "Callback: Gengo Trigger" reads that same credential: its Secret and its Callback URL field (the
 * trigger's Production URL, filled in once). The node appends `?token=<secret>` and sends the result to Gengo, so
 * the secret exists in one place, encrypted by n8n, and in no workflow: not in the ordering node's parameters, not
 * in its output (Gengo echoes each job's callback_url; the node's items show `token=***`). Rotating the secret in
 * the credential changes what the trigger checks and what new orders send at once (jobs ordered before keep the
 * URL they were ordered with: Gengo has no call to change it).
 */

/** The credential field that holds the Gengo Trigger's Production URL. */
export const CALLBACK_URL_FIELD = 'callbackUrl';

/** Why a callback URL cannot be given to Gengo, or undefined. */
export function callbackUrlProblem(url: string): string | undefined {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		return 'it is not an absolute URL (https://…)';
	}
	if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
		return `Gengo calls http or https URLs, not ${parsed.protocol}`;
	if (parsed.username || parsed.password)
		return "Gengo's callback URLs cannot contain a user name or password";
	return undefined;
}

/**
 * The callback URL of the Gengo Trigger: the Translation Webhook Secret credential's Callback URL with its secret
 * as `?token=`. Refused (naming the credential's field) when the field is empty or not a URL, when it already has
 * a token (the secret belongs in the Secret field only), or when the secret breaks the rule the trigger enforces.
 * Returns the URL and the secret (to be masked in any error).
 */
export async function triggerCallbackUrl(
	ctx: IExecuteFunctions,
	itemIndex: number,
): Promise<{ url: string; secret: string }> {
	const fail = (message: string, description: string): never => {
		throw new NodeOperationError(ctx.getNode(), message, { itemIndex, description });
	};
	const credential = await ctx
		.getCredentials<{ secret?: string; callbackUrl?: string }>(WEBHOOK_SECRET_CREDENTIAL, itemIndex)
		.catch(() => undefined);
	if (!credential)
		return fail(
			'Callback: Gengo Trigger needs a Translation Webhook Secret credential',
			"Choose the same Translation Webhook Secret credential as the Gengo Trigger's, or set Callback to None.",
		);
	const problem = secretProblem(credential.secret);
	if (problem)
		fail(
			`The Translation Webhook Secret credential's secret cannot be used: ${problem}`,
			SECRET_ADVICE,
		);
	const base = String(credential[CALLBACK_URL_FIELD] ?? '').trim();
	const where = "the Translation Webhook Secret credential's Callback URL";
	const copyIt =
		"Open the Gengo Trigger that uses this credential, copy its Production URL (Secret Token: In the Query String) and paste it into the credential's Callback URL field, without ?token=.";
	if (!base) fail(`${where} is empty`, copyIt);
	const urlProblem = callbackUrlProblem(base);
	if (urlProblem) fail(`${where} cannot be used: ${urlProblem}`, copyIt);
	const url = new URL(base);
	if (url.searchParams.has(URL_TOKEN_QUERY_PARAMETER))
		fail(
			`${where} already has a ?${URL_TOKEN_QUERY_PARAMETER}= parameter`,
			`Remove it: the node appends the credential's Secret itself, so the secret is kept in one field only.`,
		);
	if (/\/:token-[^/]*$/.test(url.pathname))
		fail(
			`${where} ends in :token-…, the Gengo Trigger's URL with the token in the path`,
			'Set the Gengo Trigger\'s Secret Token to "In the Query String" and copy its Production URL again: the Gengo node appends the token as ?token=.',
		);
	url.searchParams.set(URL_TOKEN_QUERY_PARAMETER, credential.secret as string);
	return { url: url.toString(), secret: credential.secret as string };
}

import {
	NodeOperationError,
	type ICredentialDataDecryptedObject,
	type ICredentialsDecrypted,
	type ICredentialTestFunctions,
	type IDisplayOptions,
	type IHookFunctions,
	type INodeCredentialTestResult,
	type INodeProperties,
	type IWebhookFunctions,
} from 'n8n-workflow';

import { unauthorized } from '../delivery/answers';
import { cachedSecret, readSecretOnce, secretCacheKey } from './secretCache';
import {
	deriveSecret,
	ONE_SECRET_PER_VENDOR,
	SECRET_ADVICE,
	secretMatches,
	secretProblem,
} from './secretPolicy';

/**
 * Where a trigger set up by hand keeps the secret it checks: the `translationWebhookSecretApi` credential,
 * encrypted by n8n and never part of an exported workflow (a node parameter would be).
 */
export const WEBHOOK_SECRET_CREDENTIAL = 'translationWebhookSecretApi';

/**
 * The warning every trigger shows when "no secret" is chosen: the explicit choice the secret rule allows,
 * never the result of an empty field.
 */
export function noSecretNotice(show: NonNullable<IDisplayOptions['show']>): INodeProperties {
	return {
		displayName:
			'Without a secret anyone who learns this URL can start the workflow with made-up events. Choose this only behind a network that lets nobody else reach n8n.',
		name: 'noSecretNotice',
		type: 'notice',
		default: '',
		displayOptions: { show },
	};
}

/**
 * The key of a secret that automatic registration derives instead of storing (Smartcat, Phrase TMS): a secret
 * of the vendor API credential the node already uses. Nothing readable in the workflow (static data, the
 * workflow API, `n8n export:workflow`) then holds the secret the vendor sends; activation and every delivery
 * compute the same value. Changing that credential's secret changes the derived one: the next activation
 * registers the new value (checkExists sees the old one at the vendor), and until then deliveries get 401 and
 * the vendor retries them.
 */
export interface DerivedSecretSource {
	/** the vendor API credential type, e.g. smartcatApi */
	credentialType: string;
	/** what the secret is for (part of the derived message): one vendor's secret is never another's */
	purpose: string;
	/** the credential's secret used as the key (an API key, a token, a password), or anything empty */
	keyOf(credentials: ICredentialDataDecryptedObject): unknown;
	/** names that key in an error, e.g. "the Smartcat API credential's API key" */
	keyName: string;
}

/** Where the secret a delivery must carry comes from: the Translation Webhook Secret credential, or derived. */
export type SecretSource = { webhookSecretCredential: true } | DerivedSecretSource;

const WEBHOOK_SECRET_SOURCE: SecretSource = { webhookSecretCredential: true };

/** Versioned, so that a different derivation later can never collide with this one. */
const DERIVATION_LABEL = 'n8n-nodes-translation-events/webhook-secret/v1';

/**
 * THE way a trigger learns the secret a delivery must carry from a credential, on activation and on every
 * delivery: the Translation Webhook Secret credential's secret (refused unless it meets the secret rule), or a
 * secret derived from the vendor API credential and this node (its webhook id and node id). Every per-delivery
 * credential read goes through here and nowhere else. Throws NodeOperationError, naming what to fix.
 */
export async function secretFromCredential(
	ctx: IHookFunctions | IWebhookFunctions,
	source: SecretSource,
): Promise<string> {
	// a delivery (not an activation) may reuse what a delivery to this node read a moment ago: secretCache.ts
	const key =
		'getRequestObject' in ctx
			? 'webhookSecretCredential' in source
				? secretCacheKey(ctx, WEBHOOK_SECRET_CREDENTIAL, 'webhook secret')
				: secretCacheKey(ctx, source.credentialType, source.purpose)
			: undefined;
	if (key === undefined) return await readSecret(ctx, source);
	return (
		cachedSecret(key) ?? (await readSecretOnce(key, async () => await readSecret(ctx, source)))
	);
}

/** secretFromCredential without the cache: reads the credential. */
async function readSecret(
	ctx: IHookFunctions | IWebhookFunctions,
	source: SecretSource,
): Promise<string> {
	if ('webhookSecretCredential' in source) {
		const credentials = await ctx
			.getCredentials<{ secret?: string }>(WEBHOOK_SECRET_CREDENTIAL)
			.catch(() => undefined);
		const secret = credentials?.secret;
		const problem = credentials
			? secretProblem(secret)
			: 'no Translation Webhook Secret credential is chosen';
		if (problem || typeof secret !== 'string') {
			throw new NodeOperationError(ctx.getNode(), `The webhook secret cannot be used: ${problem}`, {
				description: `Choose a "Translation Webhook Secret" credential in the node, or choose "No Secret" if nobody else can reach this n8n. ${SECRET_ADVICE}`,
			});
		}
		return secret;
	}
	const credentials = await ctx.getCredentials(source.credentialType).catch(() => undefined);
	const key = credentials ? source.keyOf(credentials) : undefined;
	if (typeof key !== 'string' || key === '')
		throw new NodeOperationError(
			ctx.getNode(),
			`The webhook secret cannot be derived: ${source.keyName} is missing`,
			{
				description:
					'Automatic registration derives the secret the vendor sends from the credential: choose the credential in the node, or use Registration: Manual.',
			},
		);
	const node = ctx.getNode();
	return deriveSecret(
		key,
		[DERIVATION_LABEL, source.purpose, node.webhookId ?? '', node.id ?? ''].join('\n'),
	);
}

/** The secret of the node's credential; refuses (NodeOperationError) when there is none or it breaks the rule. */
export async function credentialSecret(ctx: IHookFunctions | IWebhookFunctions): Promise<string> {
	return await secretFromCredential(ctx, WEBHOOK_SECRET_SOURCE);
}

/** The credential's Test button: the secret rule, checked locally (there is no vendor to ask). */
export async function testWebhookSecret(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const problem = secretProblem(credential.data?.secret);
	return problem
		? // n8n titles every failed test "Couldn’t connect with these settings": the message says what is wrong
			{
				status: 'Error',
				message: `Not a connection problem (nothing is contacted): ${problem}. ${SECRET_ADVICE}`,
			}
		: { status: 'OK', message: 'The secret meets the rule; use the same one at the vendor' };
}

/**
 * "Registration: Manual" of a trigger that can register itself (Smartcat, Phrase TMS): the user types the secret
 * into the vendor's settings and the trigger checks it, taken from the Translation Webhook Secret credential, or
 * checks nothing when "No Secret" is chosen explicitly.
 */
export function manualSecretProperties(): INodeProperties[] {
	const manual = { registration: ['manual'] };
	return [
		{
			displayName: 'Secret',
			name: 'manualSecretCheck',
			type: 'options',
			options: [
				{
					name: 'From a Translation Webhook Secret Credential',
					value: 'credential',
					description: "The value you also enter in the vendor's settings",
				},
				{
					name: 'No Secret (Not Recommended)',
					value: 'none',
					description: 'Every delivery to the URL is accepted',
				},
			],
			default: 'credential',
			hint: ONE_SECRET_PER_VENDOR,
			displayOptions: { show: manual },
		},
		noSecretNotice({ ...manual, manualSecretCheck: ['none'] }),
	];
}

/** Shows the Translation Webhook Secret credential in manual mode unless "No Secret" is chosen. */
export const MANUAL_SECRET_CREDENTIAL_SHOW = {
	registration: ['manual'],
	manualSecretCheck: ['credential'],
};

/**
 * The secret a manually set-up delivery must carry (the credential's, refused unless it meets the secret rule), or
 * undefined when "No Secret" is chosen.
 */
export async function manualSecret(
	ctx: IHookFunctions | IWebhookFunctions,
): Promise<string | undefined> {
	if (ctx.getNodeParameter('manualSecretCheck', 'credential') === 'none') return undefined;
	return await credentialSecret(ctx);
}

/**
 * The secret check of a trigger that registers itself (Smartcat, Phrase TMS), for one delivery: automatic
 * registration compares with the secret derived from the vendor credential (`automatic`, see
 * DerivedSecretSource); manual registration with the user's (manualSecret). Throws DeliveryRejected(401) on a
 * mismatch, also when the expected secret cannot be had: only an explicit "No Secret" lets a delivery through
 * unchecked.
 */
export async function checkDeliverySecret(
	ctx: IWebhookFunctions,
	received: unknown,
	options: {
		automatic: DerivedSecretSource;
		/** what the secret is called in the 401's message, e.g. "secret header" */
		what: string;
	},
): Promise<void> {
	let expected: string | undefined;
	try {
		if (ctx.getNodeParameter('registration', 'automatic') === 'manual') {
			expected = await manualSecret(ctx);
			if (expected === undefined) return;
		} else {
			expected = await secretFromCredential(ctx, options.automatic);
		}
	} catch (error) {
		ctx.logger.error(`${ctx.getNode().name}: ${(error as Error).message}`);
		expected = '';
	}
	if (!expected || !secretMatches(received, expected))
		throw unauthorized(`missing or wrong ${options.what}`);
}

import { NodeOperationError, type IDataObject, type IHookFunctions } from 'n8n-workflow';

import {
	forgetStored,
	readStored,
	UNREACHABLE_URL_ADVICE,
	webhookUrlProblem,
} from '../common/delivery/registration';
import { secretMatches } from '../common/secrets/secretPolicy';
import { secretFromCredential, type DerivedSecretSource } from '../common/secrets/webhookSecret';
import { deleteCallbackSettings, getCallbackSettings, setCallbackSettings } from './api';
import { SMARTCAT_EVENTS } from './events';
import { requireSmartcatCredential } from './transport';

/**
 * Self-registration of the Smartcat Trigger (docs/design.md, "Registration"). Smartcat has ONE callback setting
 * per account (https://help.smartcat.ai/hc/en-us/articles/360000048572): a URL, to which it appends
 * `/project/status` etc., and headers it sends with every callback. On activation the trigger points it at this
 * workflow with a secret header whose value is derived from the Smartcat API key (SMARTCAT_CALLBACK_SECRET), so
 * the workflow's static data keeps only the URL and the header name; on deactivation it deletes the setting
 * only if it still points at this workflow. "Listen for test event" / "Execute step" points it at the
 * Test URL only when the account has no callback, so that a published workflow never loses its callbacks.
 */
export interface SmartcatRegistration extends IDataObject {
	callbackUrl: string;
	headerName: string;
}

/**
 * The secret header's value: derived from the credential's API key and this node, never stored (anyone who can
 * read the workflow can read its static data). A new API key gives a new value: the next activation sets it.
 */
export const SMARTCAT_CALLBACK_SECRET: DerivedSecretSource = {
	credentialType: 'smartcatApi',
	purpose: 'smartcat-callback-header',
	keyOf: (credentials) => credentials.apiKey,
	keyName: "the Smartcat API credential's API key",
};

export const DEFAULT_SECRET_HEADER = 'X-Smartcat-Callback-Secret';

/** The URL to register: the node's webhook URL without the path Smartcat appends itself. */
export function callbackBaseUrl(ctx: IHookFunctions): string {
	const first = ctx.getNodeWebhookUrl('default') ?? '';
	for (const { path } of SMARTCAT_EVENTS)
		if (first.endsWith(`/${path}`)) return first.slice(0, -path.length - 1);
	return first;
}

const REGISTRATION_KEYS = ['callbackUrl', 'headerName'] as const;

export function storedRegistration(staticData: IDataObject): SmartcatRegistration | undefined {
	return readStored(staticData, REGISTRATION_KEYS);
}

const withoutSlash = (url: string | null | undefined) => (url ?? '').replace(/\/+$/, '');
const sameUrl = (a: string | null | undefined, b: string) => withoutSlash(a) === withoutSlash(b);

/**
 * Whether Smartcat's setting is exactly ours (URL and the secret header with the value derived from the current
 * API key): then activation has nothing to do. After a changed API key it is not ours: activation registers again.
 */
export async function registrationExists(ctx: IHookFunctions): Promise<boolean> {
	const stored = storedRegistration(ctx.getWorkflowStaticData('node'));
	if (!stored) return false;
	const settings = await getCallbackSettings(ctx);
	if (!settings || !sameUrl(settings.url, callbackBaseUrl(ctx))) return false;
	const secret = await secretFromCredential(ctx, SMARTCAT_CALLBACK_SECRET);
	return (settings.additionalHeaders ?? []).some(
		(h) =>
			h.name?.toLowerCase() === stored.headerName.toLowerCase() && secretMatches(h.value, secret),
	);
}

/** "Listen for test event" (n8n 1.x) / "Execute step" (2.x): n8n registers the node's Test URL. */
const isTestRun = (ctx: IHookFunctions) => ctx.getMode() === 'manual';

/** Whether `url` is a URL of this very node (its Production URL, seen from a test run): it ends in its webhook id. */
function isThisNodesUrl(ctx: IHookFunctions, url: string): boolean {
	const webhookId = ctx.getNode().webhookId;
	return !!webhookId && withoutSlash(url.split('?')[0]).endsWith(`/${webhookId}/smartcat`);
}

/**
 * Why a test run must not take the account's callback (it would be deleted when listening stops, and
 * production would miss every callback from then on), with what to do instead.
 */
function testRunRefusal(ctx: IHookFunctions, current: string): NodeOperationError {
	const workflow = ctx.getWorkflow();
	const how =
		'To test, look at the executions of the published workflow, or unpublish it while you test; publishing registers the callback again. Or send a sample to the Test URL of a copy set to Registration: Manual (npx translation-events-simulate smartcat --url <Test URL>).';
	const holder = isThisNodesUrl(ctx, current)
		? `the Production URL of this workflow ("${workflow.name ?? ''}", ${workflow.id ?? ''}), which is published`
		: `${current}, another workflow or integration`;
	return new NodeOperationError(
		ctx.getNode(),
		`This Smartcat account's callback points at ${holder}. Smartcat has one callback per account: listening for a test event does not take it over, even with "Replace Existing Callback" on, since it would be removed when listening stops. ${how}`,
		{ description: how },
	);
}

function advice(current: string): string {
	return `Turn on "Replace Existing Callback" to point it at this workflow instead (whatever uses ${current} stops receiving callbacks), or use Registration: Manual.`;
}

/**
 * Registers this workflow's URL with a new secret; refuses to replace another URL unless told to, and a test
 * run never replaces one. Refuses a URL Smartcat cannot reach (localhost, a private address) unless the node's
 * "Allow Private Webhook URL" option is on.
 */
export async function register(ctx: IHookFunctions): Promise<void> {
	const callbackUrl = callbackBaseUrl(ctx);
	const headerName =
		(ctx.getNodeParameter('headerName', DEFAULT_SECRET_HEADER) as string).trim() ||
		DEFAULT_SECRET_HEADER;
	if (!/^[A-Za-z0-9-]{1,100}$/.test(headerName)) {
		throw new NodeOperationError(ctx.getNode(), `"${headerName}" is not a valid HTTP header name`, {
			description: 'Use letters, digits and hyphens, e.g. X-Smartcat-Callback-Secret.',
		});
	}
	await requireSmartcatCredential(
		ctx,
		"Registration: Automatic (it sets the account's callback through the Smartcat API)",
		'choose Registration: Manual and set the callback yourself',
	);
	const options = ctx.getNodeParameter('options', {}) as { allowPrivateWebhookUrl?: boolean };
	const problem = options.allowPrivateWebhookUrl ? undefined : webhookUrlProblem(callbackUrl);
	if (problem)
		throw new NodeOperationError(
			ctx.getNode(),
			`Smartcat cannot deliver callbacks to this n8n: ${problem}. ${UNREACHABLE_URL_ADVICE}`,
			{ description: UNREACHABLE_URL_ADVICE },
		);
	const current = await getCallbackSettings(ctx);
	if (current?.url && !sameUrl(current.url, callbackUrl)) {
		if (isTestRun(ctx)) throw testRunRefusal(ctx, current.url);
		if (!ctx.getNodeParameter('replaceExisting', false))
			throw new NodeOperationError(
				ctx.getNode(),
				`This Smartcat account already sends its callbacks to ${current.url}. ${advice(current.url)}`,
				{
					description:
						'Smartcat has one callback URL per account. ' + advice(current.url) + ' See README.',
				},
			);
	}
	// The value is derived, so two activations in quick succession (n8n does that) set the same one: nothing is
	// ever adopted from Smartcat's setting, whose header may hold anything (a weak value set by hand).
	const secret = await secretFromCredential(ctx, SMARTCAT_CALLBACK_SECRET);
	const alreadySet =
		sameUrl(current?.url, callbackUrl) &&
		(current?.additionalHeaders ?? []).some(
			(h) => h.name?.toLowerCase() === headerName.toLowerCase() && secretMatches(h.value, secret),
		);
	if (!alreadySet)
		await setCallbackSettings(ctx, callbackUrl, [{ name: headerName, value: secret }]);
	Object.assign(ctx.getWorkflowStaticData('node'), {
		callbackUrl,
		headerName,
	} satisfies SmartcatRegistration);
}

/** Removes the account's setting if it still points at this workflow; forgets the registration either way. */
export async function unregister(ctx: IHookFunctions): Promise<void> {
	const staticData = ctx.getWorkflowStaticData('node');
	const stored = storedRegistration(staticData);
	const ours = stored?.callbackUrl ?? callbackBaseUrl(ctx);
	const current = await getCallbackSettings(ctx);
	if (current && sameUrl(current.url, ours)) await deleteCallbackSettings(ctx);
	forgetStored(staticData, REGISTRATION_KEYS);
}

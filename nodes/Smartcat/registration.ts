import { NodeOperationError, type IDataObject, type IHookFunctions } from 'n8n-workflow';

import { forgetStored, readStored } from '../common/registration';
import { generateSecret } from '../common/secretPolicy';
import { deleteCallbackSettings, getCallbackSettings, setCallbackSettings } from './api';
import { SMARTCAT_EVENTS } from './events';

/**
 * Self-registration of the Smartcat Trigger (docs/design.md, "Registration"). Smartcat has ONE callback setting per
 * account: a URL, to which it appends `/project/status` etc., and headers it sends with every callback. On
 * activation the trigger points it at this workflow with a generated secret header, kept in the workflow's
 * static data; on deactivation it deletes the setting only if it still points at this workflow.
 */
export interface SmartcatRegistration extends IDataObject {
	callbackUrl: string;
	headerName: string;
	secret: string;
}

export const DEFAULT_SECRET_HEADER = 'X-Smartcat-Callback-Secret';

/** The URL to register: the node's webhook URL without the path Smartcat appends itself. */
export function callbackBaseUrl(ctx: IHookFunctions): string {
	const first = ctx.getNodeWebhookUrl('default') ?? '';
	const suffix = `/${SMARTCAT_EVENTS[0].path}`;
	return first.endsWith(suffix) ? first.slice(0, -suffix.length) : first;
}

const REGISTRATION_KEYS = ['callbackUrl', 'headerName', 'secret'] as const;

export function storedRegistration(staticData: IDataObject): SmartcatRegistration | undefined {
	return readStored(staticData, REGISTRATION_KEYS);
}

const sameUrl = (a: string | null | undefined, b: string) =>
	(a ?? '').replace(/\/+$/, '') === b.replace(/\/+$/, '');

/** Whether Smartcat's setting is exactly ours (URL and secret header): then activation has nothing to do. */
export async function registrationExists(ctx: IHookFunctions): Promise<boolean> {
	const stored = storedRegistration(ctx.getWorkflowStaticData('node'));
	if (!stored) return false;
	const settings = await getCallbackSettings(ctx);
	return (
		!!settings &&
		sameUrl(settings.url, callbackBaseUrl(ctx)) &&
		(settings.additionalHeaders ?? []).some(
			(h) => h.name?.toLowerCase() === stored.headerName.toLowerCase() && h.value === stored.secret,
		)
	);
}

/** Registers this workflow's URL with a new secret; refuses to replace another URL unless told to. */
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
	const current = await getCallbackSettings(ctx);
	if (
		current?.url &&
		!sameUrl(current.url, callbackUrl) &&
		!ctx.getNodeParameter('replaceExisting', false)
	) {
		throw new NodeOperationError(
			ctx.getNode(),
			`This Smartcat account already sends its callbacks to ${current.url}`,
			{
				description:
					'Smartcat has one callback URL per account. Turn on "Replace Existing Callback" to point it at this workflow instead (whatever used the old URL stops receiving callbacks), or use Registration: Manual.',
			},
		);
	}
	// Already ours (n8n can activate one workflow twice in quick succession): adopt the secret Smartcat has, so
	// whichever activation's static data n8n saves last, it holds the secret Smartcat sends.
	const existing = sameUrl(current?.url, callbackUrl)
		? current?.additionalHeaders?.find(
				(h) => h.name?.toLowerCase() === headerName.toLowerCase() && h.value,
			)?.value
		: undefined;
	const secret = existing ?? generateSecret();
	if (!existing) await setCallbackSettings(ctx, callbackUrl, [{ name: headerName, value: secret }]);
	Object.assign(ctx.getWorkflowStaticData('node'), {
		callbackUrl,
		headerName,
		secret,
	} satisfies SmartcatRegistration);
}

/** Removes the account's setting if it still points at this workflow; forgets the secret either way. */
export async function unregister(ctx: IHookFunctions): Promise<void> {
	const staticData = ctx.getWorkflowStaticData('node');
	const stored = storedRegistration(staticData);
	const ours = stored?.callbackUrl ?? callbackBaseUrl(ctx);
	const current = await getCallbackSettings(ctx);
	if (current && sameUrl(current.url, ours)) await deleteCallbackSettings(ctx);
	forgetStored(staticData, REGISTRATION_KEYS);
}

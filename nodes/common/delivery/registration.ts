import type { IDataObject, IHookFunctions } from 'n8n-workflow';

import { hostKind } from '../http/hostKind';

/**
 * What a self-registering trigger keeps in its node's static data (the way n8n's Stripe and GitHub triggers keep
 * their webhook ids): string fields only, all present, or nothing. Never a secret: anyone who can read the
 * workflow can read its static data (webhookSecret.ts derives the secret instead).
 */
export function readStored<K extends string>(
	staticData: IDataObject,
	keys: readonly K[],
): Record<K, string> | undefined {
	const out = {} as Record<K, string>;
	for (const key of keys) {
		const value = staticData[key];
		if (typeof value !== 'string') return undefined;
		out[key] = value;
	}
	return out;
}

/** Forgets a registration's fields (on deactivation). */
export function forgetStored(staticData: IDataObject, keys: readonly string[]): void {
	for (const key of keys) delete staticData[key];
}

/**
 * The webhookMethods of a trigger that registers itself with its vendor when it can (Smartcat, Phrase TMS):
 * "Registration: Automatic" calls the vendor's API on activation and deactivation; "Manual" registers nothing
 * and only checks the node's own settings on activation.
 */
export function registrationWebhookMethods(registration: {
	exists(ctx: IHookFunctions): Promise<boolean>;
	register(ctx: IHookFunctions): Promise<void>;
	unregister(ctx: IHookFunctions): Promise<void>;
	/** on activation in manual mode: throw to refuse settings that cannot work */
	checkManual?(ctx: IHookFunctions): Promise<void> | void;
}) {
	const manual = (ctx: IHookFunctions) =>
		ctx.getNodeParameter('registration', 'automatic') === 'manual';
	return {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return manual(this) ? false : await registration.exists(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				if (manual(this)) await registration.checkManual?.(this);
				else await registration.register(this);
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				if (!manual(this)) await registration.unregister(this);
				return true;
			},
		},
	};
}

/**
 * Automatic registration tells the vendor this node's URL: one the vendor cannot reach (localhost, a private
 * address, a URL without host) would register fine and then never receive a delivery. Refuses it with what to
 * do: set N8N_WEBHOOK_URL (n8n's public URL; WEBHOOK_URL on n8n 1.x), or register by hand. `allowPrivate`: the node's own setting for
 * vendors on the same network (a self-hosted Beebox), and local tests.
 */
export function webhookUrlProblem(url: string | undefined): string | undefined {
	if (!url) return 'n8n did not give this node a webhook URL';
	let host: string;
	try {
		host = new URL(url).hostname; // lower case, IPv6 in brackets
	} catch {
		return `"${url}" is not a URL`;
	}
	const privateHost =
		// no dot: localhost, a bare machine name ("n8n" in a container network), and every IPv6 literal
		// ([::1], [fe80::1], but also public ones, which vendors' webhook forms are not known to take)
		!host.includes('.') || hostKind(host) !== 'public';
	return privateHost
		? `the vendor cannot reach ${new URL(url).origin}: it is not a public address`
		: undefined;
}

export const UNREACHABLE_URL_ADVICE =
	"Set n8n's N8N_WEBHOOK_URL environment variable (WEBHOOK_URL on n8n 1.x) to the public https address the vendor can reach (e.g. https://n8n.example.com/) and restart n8n, or choose Registration: Manual.";

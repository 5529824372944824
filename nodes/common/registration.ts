import type { IDataObject, IHookFunctions } from 'n8n-workflow';

/**
 * What a self-registering trigger keeps in its node's static data (the way n8n's Stripe and GitHub triggers keep
 * their webhook ids and secrets): string fields only, all present, or nothing.
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

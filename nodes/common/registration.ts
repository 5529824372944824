import type { IHookFunctions } from 'n8n-workflow';

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
	checkManual?(ctx: IHookFunctions): void;
}) {
	const manual = (ctx: IHookFunctions) =>
		ctx.getNodeParameter('registration', 'automatic') === 'manual';
	return {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return manual(this) ? false : await registration.exists(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				if (manual(this)) registration.checkManual?.(this);
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

import {
	NodeApiError,
	type IExecuteFunctions,
	type IHookFunctions,
	type IPollFunctions,
	type IWebhookFunctions,
	type JsonObject,
} from 'n8n-workflow';

import { redact } from './redact';

/**
 * A failed vendor API call: the HTTP status (0: no answer), the vendor's message, its own error code where it
 * has one, and what the user can do about it. The message is redacted (common/redact.ts): it quotes what a
 * vendor's server wrote, which may repeat a URL with a password or token in its query.
 */
export class VendorApiError extends Error {
	readonly vendorCode?: number | string;

	readonly hint?: string;

	constructor(
		message: string,
		readonly httpStatus: number,
		details: {
			vendorCode?: number | string;
			hint?: string;
			/** the credential's secret values, masked wherever the message repeats them */
			secrets?: readonly unknown[];
		} = {},
	) {
		super(redact(message, details.secrets));
		this.name = new.target.name;
		this.vendorCode = details.vendorCode;
		this.hint = details.hint;
	}

	/** The vendor or the network failed (worth retrying later), as opposed to the vendor refusing the request. */
	get isUnavailable(): boolean {
		return this.httpStatus === 0 || this.httpStatus === 429 || this.httpStatus >= 500;
	}
}

type NodeContext = IExecuteFunctions | IHookFunctions | IWebhookFunctions | IPollFunctions;

/**
 * A failure of an operation as n8n's NodeApiError: a VendorApiError keeps the vendor's message, HTTP status,
 * code and hint; anything else is wrapped as is.
 */
export function toNodeApiError(ctx: NodeContext, error: unknown, itemIndex?: number): NodeApiError {
	if (error instanceof NodeApiError) return error;
	if (!(error instanceof VendorApiError))
		return new NodeApiError(ctx.getNode(), error as JsonObject, { itemIndex });
	const status = error.httpStatus;
	return new NodeApiError(
		ctx.getNode(),
		{ message: error.message, code: error.vendorCode ?? status } as JsonObject,
		{
			message: error.message,
			description: error.hint,
			httpCode: status ? String(status) : undefined,
			itemIndex,
		},
	);
}

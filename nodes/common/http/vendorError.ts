import {
	NodeApiError,
	type IExecuteFunctions,
	type IHookFunctions,
	type IPollFunctions,
	type IWebhookFunctions,
	type JsonObject,
} from 'n8n-workflow';

import { redact } from '../secrets/redact';

/**
 * A failed vendor API call: the HTTP status (0: no answer), the vendor's message, its own error code where it
 * has one, and what the user can do about it. The message is redacted (common/secrets/redact.ts): it quotes what a
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
 * code and hint; anything else keeps its message (redacted: it may quote a URL) and HTTP status, not the error
 * object itself (an HTTP client's error carries the request, query and headers included).
 */
export function toNodeApiError(ctx: NodeContext, error: unknown, itemIndex?: number): NodeApiError {
	if (error instanceof NodeApiError) return error;
	if (!(error instanceof VendorApiError)) {
		const message = redact(error instanceof Error ? error.message : String(error));
		const httpCode = (error as { httpCode?: unknown } | undefined)?.httpCode;
		return new NodeApiError(ctx.getNode(), { message } as JsonObject, {
			message,
			httpCode: httpCode ? String(httpCode) : undefined,
			itemIndex,
		});
	}
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

/**
 * A request that creates something at the vendor (an order, a project, a job, a new source version) failed, and
 * is not sent again automatically, so that nothing is created twice. `mayHaveReachedVendor`: the vendor may have
 * received it and created the thing (a timeout or a lost connection after sending, a 5xx, a redirect); the message
 * says so and `checkHint` says where to look before running the node again.
 */
export class NotSentTwiceError extends VendorApiError {
	constructor(
		message: string,
		httpStatus: number,
		readonly mayHaveReachedVendor: boolean,
		readonly checkHint: string,
		details: { vendorCode?: number | string; hint?: string; secrets?: readonly unknown[] } = {},
	) {
		super(message, httpStatus, {
			...details,
			hint:
				[mayHaveReachedVendor ? checkHint : undefined, details.hint].filter(Boolean).join(' ') ||
				undefined,
		});
	}
}

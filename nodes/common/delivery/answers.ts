import {
	NodeOperationError,
	type IDataObject,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { malformedEncoding, type RawRequest } from './encoding';
import { headerValue, mediaType } from './request';
import { unsafeJson } from './jsonSafety';

/**
 * A delivery the trigger refuses, with the HTTP status docs/design.md fixes for it: 400 for a malformed
 * delivery, 401 for a wrong or missing secret, 503 (see unavailable). The message is one line, safe to show the
 * sender, never a secret.
 */
export class DeliveryRejected extends Error {
	constructor(
		readonly httpStatus: 400 | 401 | 403 | 503,
		message: string,
	) {
		super(message);
		this.name = 'DeliveryRejected';
	}
}

export const badRequest = (reason: string) => new DeliveryRejected(400, reason);
export const unauthorized = (reason: string) => new DeliveryRejected(401, reason);
/**
 * 503: the delivery may be fine but cannot be checked now (the vendor's API, needed to confirm it, is down or
 * refuses our credential). Not for bad input: it tells a vendor that retries (Gengo: every 15 minutes for
 * 12 hours) to come back later, so nothing is lost while the user fixes it.
 */
export const unavailable = (reason: string) => new DeliveryRejected(503, reason);

/**
 * Awaits a vendor lookup the user asked for (Fetch Details, Fetch Full Job...). If it fails, n8n's log gets the
 * vendor's message and the delivery gets 503 (see unavailable), so the vendor retries it rather than the
 * workflow running without what was asked for.
 */
export async function orRetryLater<T>(
	ctx: IWebhookFunctions,
	work: Promise<T>,
	failure: string,
	reason: string,
): Promise<T> {
	return await work.catch((error: Error) => {
		if (error instanceof DeliveryRejected) throw error;
		ctx.logger.error(`${failure}: ${error.message}`);
		throw unavailable(reason);
	});
}

/** At most this many refusals a minute are logged one by one per node; the rest are counted into one line. */
export const REFUSALS_LOGGED_PER_MINUTE = 20;
const refusalWindows = new Map<string, { from: number; logged: number; suppressed: number }>();

/**
 * A refused delivery is visible in n8n's log (warn level), naming the workflow, the node and the reason: no
 * execution is created for it, and the vendor's retries or a wrong URL would otherwise fail without a trace. The
 * reason is the one-line answer the sender gets, never a secret. A flood (a scanner, a vendor retrying a wrong
 * token) is summarised: REFUSALS_LOGGED_PER_MINUTE lines a minute per node, then one line with the count.
 */
function logRefusal(ctx: IWebhookFunctions, rejection: DeliveryRejected): void {
	const workflow = ctx.getWorkflow();
	const node = ctx.getNode();
	const where = `Workflow "${workflow.name ?? ''}" (${workflow.id ?? '?'}), node "${node.name}"`;
	const key = `${workflow.id ?? ''}\u0000${node.name}`;
	const now = Date.now();
	let window = refusalWindows.get(key);
	if (!window || now - window.from >= 60_000 || now < window.from) {
		if (window?.suppressed)
			ctx.logger.warn(
				`${where} refused ${window.suppressed} more deliveries in the minute before (not logged one by one)`,
			);
		if (refusalWindows.size > 10_000) refusalWindows.clear();
		window = { from: now, logged: 0, suppressed: 0 };
		refusalWindows.set(key, window);
	}
	if (window.logged >= REFUSALS_LOGGED_PER_MINUTE) {
		window.suppressed++;
		return;
	}
	window.logged++;
	ctx.logger.warn(
		`${where} refused a delivery with HTTP ${rejection.httpStatus}: ${rejection.message}`,
	);
}

function respond(ctx: IWebhookFunctions, status: number, body: IDataObject): IWebhookResponseData {
	ctx.getResponseObject().status(status).json(body);
	return { noWebhookResponse: true };
}

/** 4xx with `{code, message}`; no execution starts. */
export function rejectDelivery(
	ctx: IWebhookFunctions,
	rejection: DeliveryRejected,
): IWebhookResponseData {
	logRefusal(ctx, rejection);
	return respond(ctx, rejection.httpStatus, {
		code: rejection.httpStatus,
		message: rejection.message,
	});
}

/**
 * 200 without starting the workflow: the delivery is valid but the node's filter does not want it. A 4xx here
 * would make the vendor retry it, or count toward disabling the webhook.
 */
export function ignoreDelivery(ctx: IWebhookFunctions, reason: string): IWebhookResponseData {
	return respond(ctx, 200, { code: 200, message: reason, workflowStarted: false });
}

/** 200 at once (the node's response mode is "on received"), then the workflow runs with these items. */
export function startWorkflow(ctx: IWebhookFunctions, items: IDataObject[]): IWebhookResponseData {
	return {
		workflowData: [ctx.helpers.returnJsonArray(items)],
		webhookResponse: { code: 200, message: 'Workflow was started', workflowStarted: true },
	};
}

/**
 * Runs a trigger's delivery handling and turns a DeliveryRejected into its 4xx answer. Anything else is a bug
 * of ours and propagates to n8n, which logs it and answers 500 (the vendor will retry). Before the vendor's own
 * checks, every delivery must be what some vendor could send (400 otherwise): its bytes UTF-8 in a content
 * coding n8n undid (malformedEncoding), and its parsed body and query free of prototype keys and nested no
 * deeper than any vendor nests (unsafeJson).
 */
export async function handleDelivery(
	ctx: IWebhookFunctions,
	handler: () => Promise<IWebhookResponseData> | IWebhookResponseData,
): Promise<IWebhookResponseData> {
	try {
		const headers = ctx.getHeaderData() as Record<string, unknown>;
		const encoding = malformedEncoding(
			ctx.getRequestObject() as RawRequest,
			headerValue(headers, 'content-encoding'),
			mediaType(headers),
		);
		if (encoding) throw badRequest(encoding);
		const unsafe =
			unsafeJson(ctx.getBodyData(), 'the body') ?? unsafeJson(ctx.getQueryData(), 'the query');
		if (unsafe) throw badRequest(unsafe);
		return await handler();
	} catch (error) {
		if (error instanceof DeliveryRejected) return rejectDelivery(ctx, error);
		// NodeOperationError hands back an error that already is one; anything else gets the node attached.
		throw new NodeOperationError(ctx.getNode(), error as Error);
	}
}

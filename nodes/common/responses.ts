import {
	NodeOperationError,
	type IDataObject,
	type INodeProperties,
	type IHttpRequestMethods,
	type IWebhookDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { malformedEncoding, type RawRequest } from './encoding';
import { headerValue, mediaType } from './headers';

/**
 * A delivery the trigger refuses, with the HTTP status docs/design.md fixes for it: 400 for a malformed delivery,
 * 401 for a wrong or missing secret, 503 (see unavailable). The message is one line, safe to show the sender, never a secret.
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
		ctx.logger.error(`${failure}: ${error.message}`);
		throw unavailable(reason);
	});
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
 * When a trigger answers the vendor (its `respond` parameter, respondProperty):
 * - "onReceived" (default): as soon as the delivery is accepted and queued. `responseData` is empty on purpose:
 *   left undefined, n8n 2.x answers the literal text "firstEntryJson"; empty, it answers the `webhookResponse`
 *   startWorkflow() gives.
 * - "lastNode": once the workflow has run (no body). A failed run, or a queue-mode worker that died with the
 *   execution in hand (n8n 2.41 does not re-run it and keeps none of its data), answers 500: the vendor
 *   delivers again, so nothing is lost.
 */
const RESPONSE_MODE = '={{ $parameter["respond"] === "lastNode" ? "lastNode" : "onReceived" }}';
const RESPONSE_DATA = '={{ $parameter["respond"] === "lastNode" ? "noData" : "" }}';

/** The webhook descriptions of a trigger: one per HTTP method and path. */
export function triggerWebhooks(
	methods: IHttpRequestMethods[],
	route: Pick<IWebhookDescription, 'path' | 'isFullPath'>,
): IWebhookDescription[] {
	return methods.map((httpMethod) => ({
		name: 'default',
		httpMethod,
		responseMode: RESPONSE_MODE,
		responseData: RESPONSE_DATA,
		...route,
	}));
}

/** The trigger setting that picks when the vendor gets its answer (see RESPONSE_MODE). */
export const respondProperty: INodeProperties = {
	displayName: 'Respond',
	name: 'respond',
	type: 'options',
	options: [
		{
			name: 'When Received',
			value: 'onReceived',
			description: 'Answer 200 as soon as the delivery is accepted. Fastest for the vendor.',
		},
		{
			name: 'When Workflow Finished',
			value: 'lastNode',
			description:
				'Answer 200 once the workflow has run, 500 if it failed, so a vendor that retries (Gengo, Smartcat, Phrase TMS) delivers again. In queue mode this also covers a worker that dies mid-run. The vendor waits for the whole workflow.',
		},
	],
	default: 'onReceived',
	hint: "The item's eventKey is the same on a repeated delivery: use it to skip duplicates",
};

/**
 * Runs a trigger's delivery handling and turns a DeliveryRejected into its 4xx answer. Anything else is a bug
 * of ours and propagates to n8n, which logs it and answers 500 (the vendor will retry). Before the vendor's
 * own checks, every delivery's bytes must be what a vendor sends (see malformedEncoding): 400 otherwise.
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
		return await handler();
	} catch (error) {
		if (error instanceof DeliveryRejected) return rejectDelivery(ctx, error);
		// NodeOperationError hands back an error that already is one; anything else gets the node attached.
		throw new NodeOperationError(ctx.getNode(), error as Error);
	}
}

import type {
	IHttpRequestMethods,
	INodeParameters,
	INodeProperties,
	INodeTypeDescription,
	IWebhookDescription,
} from 'n8n-workflow';

import { nativeFields, WEBHOOK_DESCRIPTION_RESOLVERS } from './nativeFields';

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

const lastNode = (parameters: INodeParameters) => parameters.respond === 'lastNode';

/** RESPONSE_MODE and RESPONSE_DATA, also computed from the node's parameters without the engine (nativeFields). */
const RESPONSE_FIELDS = {
	responseMode: {
		template: RESPONSE_MODE,
		resolve: (parameters: INodeParameters) => (lastNode(parameters) ? 'lastNode' : 'onReceived'),
	},
	responseData: {
		template: RESPONSE_DATA,
		resolve: (parameters: INodeParameters) => (lastNode(parameters) ? 'noData' : ''),
	},
};

/**
 * The one version of every webhook trigger of this package: 2, not 1. For a webhook node of version 1, n8n reads
 * the Webhook node's old "Binary Data" option through the expression engine before every delivery
 * (`parseRequestBody` in n8n's packages/cli/src/webhooks/webhook-helpers.ts: `typeVersion === 1` evaluates
 * `$parameter["options"]["binaryData"]`), an evaluation in the isolate of n8n 2.x's default `vm` engine on every
 * request that our triggers, which have no such option, never need (a few ms of CPU a delivery). From version 2 on
 * n8n skips it and parses the body only for JSON, form, text and XML content types, the ones vendors send; a body
 * of any other type reaches the trigger unread, and the trigger refuses it (4xx) as it did before.
 */
export const WEBHOOK_TRIGGER_VERSION = 2;

/** A trigger's route: its path, and whether n8n prefixes it with the webhook id (plain or with native fields). */
export type WebhookRoute = Pick<IWebhookDescription, 'path' | 'isFullPath'> &
	Partial<Pick<ReturnType<typeof nativeFields>, typeof WEBHOOK_DESCRIPTION_RESOLVERS>>;

/** The webhook descriptions of a trigger: one per HTTP method and path. */
export function triggerWebhooks(
	methods: IHttpRequestMethods[],
	route: WebhookRoute,
): IWebhookDescription[] {
	const response = nativeFields(RESPONSE_FIELDS);
	return methods.map((httpMethod) => ({
		name: 'default',
		httpMethod,
		...response,
		...route,
		[WEBHOOK_DESCRIPTION_RESOLVERS]: {
			...response[WEBHOOK_DESCRIPTION_RESOLVERS],
			...route[WEBHOOK_DESCRIPTION_RESOLVERS],
		},
	}));
}

/** The trigger setting that picks when the vendor gets its answer (see RESPONSE_MODE). */
export const respondProperty: INodeProperties = {
	displayName: 'Respond',
	name: 'respond',
	type: 'options',
	options: [
		{
			// the labels of n8n's Webhook node's "Respond" for the same choices
			name: 'Immediately',
			value: 'onReceived',
			description: 'Answer 200 as soon as the delivery is accepted. Fastest for the vendor.',
		},
		{
			name: 'When Last Node Finishes',
			value: 'lastNode',
			description:
				'Answer 200 once the workflow has run, 500 if it failed, so a vendor that retries (Gengo, Smartcat, Phrase TMS) delivers again. In queue mode this also covers a worker that dies mid-run. The vendor waits for the whole workflow.',
		},
	],
	default: 'onReceived',
};

/** What a repeated delivery has in common with the first: said where the items are shaped (Output). */
export const EVENT_KEY_HINT =
	"The item's eventKey is the same on a repeated delivery: use it to skip duplicates (Remove Duplicates)";

/**
 * "Output": one item per element of a batch (the default, docs/design.md), or the whole delivery as one item. The
 * delivery's item is keyed on the delivery (its id, or all its elements), which no Catch-Up Trigger ever emits.
 */
export function outputProperty(
	perElementDescription: string,
	batchDescription: string,
): INodeProperties {
	return {
		displayName: 'Output',
		name: 'output',
		type: 'options',
		default: 'perElement',
		options: [
			{ name: 'One Item Each', value: 'perElement', description: perElementDescription },
			{ name: 'One Item per Delivery', value: 'perDelivery', description: batchDescription },
		],
		hint: `${EVENT_KEY_HINT}. With One Item per Delivery it never equals a Catch-Up Trigger's: to drop what both emit, keep One Item Each`,
	};
}

/**
 * What the editor shows in a trigger's panel (n8n's TriggerPanelDefinition, the same in n8n 1.x and 2.x): a
 * header in the vendor's terms, what the Test URL and the Production URL do, what to tell the vendor. Worded for
 * both n8n lines: 1.x says "activate" and "Listen for test event", 2.x "publish" and "Execute step".
 */
export function triggerPanel(panel: {
	/** e.g. "Listen for a Gengo callback" */
	header: string;
	/** what the vendor must be told, in its own terms (HTML allowed) */
	setup: string;
}): NonNullable<INodeTypeDescription['triggerPanel']> {
	const modes =
		'<b>Test URL</b>: while you click <i>Execute step</i>, the next delivery to it shows up here, once. ' +
		'<b>Production URL</b>: once the workflow is published, every delivery to it runs the workflow; those runs are in the executions list.';
	return {
		header: panel.header,
		executionsHelp: {
			inactive: `${panel.setup}<br /><br />${modes}`,
			active: `${panel.setup}<br /><br />${modes} This workflow is published: deliveries to the Production URL run it <a data-key="executions">(executions list)</a>.`,
		},
		activationHint: {
			inactive:
				'Once the workflow is published, it runs for every delivery to the Production URL, without this button.',
			active:
				'This node also runs for every delivery to the Production URL; those runs are in the executions list, not here.',
		},
	};
}

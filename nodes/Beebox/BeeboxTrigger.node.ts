import {
	NodeConnectionTypes,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import {
	asRecord,
	mergeParameters,
	parametersFromBody,
	repairAppendedQuery,
	singleParameters,
} from '../common/parse';
import {
	handleDelivery,
	ignoreDelivery,
	respondProperty,
	startWorkflow,
	triggerWebhooks,
} from '../common/responses';
import {
	checkUrlToken,
	urlTokenProperties,
	urlTokenWebhookMethods,
	urlTokenWebhookRoute,
} from '../common/urlToken';
import { eventsProperty, EVENTS_SUBTITLE } from '../common/eventFilter';
import { parseDelivery } from '../common/validation';
import { fetchBeeboxEventDetails, testBeeboxCredentials } from './details';
import {
	ALL_EVENTS,
	BEEBOX_EVENT_GROUPS,
	canonicalEventCode,
	humanize,
	isEventWanted,
} from './events';
import { buildBeeboxItem } from './output';
import { BEEBOX_CALLBACK_PARAMETERS, beeboxCallbackSchema } from './schemas';

const WEBHOOK_PATH = 'beebox';

/**
 * Receives Wordbee Beebox callbacks: Beebox calls the URL with `bbid`, `bbevent`, `bbsender`, `bbproject`,
 * `bbdate`, `bbok` and `bberror` as URL parameters (help.wordbee.com/beebox/callbacks-parameters). Admin
 * callbacks (project Settings page) fire for every event, connector callbacks ("Connectors & API" tab) only
 * for CreatedTranslatedFiles.
 */
export class BeeboxTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Wordbee Beebox Trigger',
		name: 'beeboxTrigger',
		icon: { light: 'file:beebox.svg', dark: 'file:beebox.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: EVENTS_SUBTITLE,
		description:
			'Starts the workflow when Wordbee Beebox calls back: translated files created, source files parsed, jobs and projects changed',
		defaults: { name: 'Wordbee Beebox Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'beeboxApi',
				required: true,
				testedBy: 'testBeeboxCredentials',
				displayOptions: { show: { fetchDetails: [true] } },
			},
		],
		webhooks: triggerWebhooks(['GET', 'POST'], urlTokenWebhookRoute(WEBHOOK_PATH)),
		properties: [
			{
				displayName:
					'Give Beebox this node\'s Production URL: project Settings → callback URL (every event), or the "Connectors & API" tab (CreatedTranslatedFiles only). Beebox appends its parameters to it.',
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			eventsProperty(
				BEEBOX_EVENT_GROUPS.flatMap(({ group, events }) =>
					events.map(([code, description]) => ({
						name: `${group}: ${humanize(code)}`,
						value: code,
						description,
					})),
				),
				'Events that start the workflow. Others are answered 200 and start nothing. "All Events" also lets through codes newer Beebox versions add.',
			),
			...urlTokenProperties(WEBHOOK_PATH),
			{
				displayName: 'Fetch Event Details',
				name: 'fetchDetails',
				type: 'boolean',
				default: false,
				description:
					"Whether to fetch the event's full details from the Beebox API (e.g. the delivered files with their locales and paths) into the item. Needs Beebox API credentials.",
			},
			respondProperty,
		],
	};

	methods = {
		credentialTest: { testBeeboxCredentials },
	};

	webhookMethods = urlTokenWebhookMethods;

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await handleDelivery(this, async () => {
			const receivedAt = new Date();
			const query = repairAppendedQuery(asRecord(this.getQueryData()));
			checkUrlToken(this, query);

			const { rawBody } = this.getRequestObject() as { rawBody?: unknown };
			const body = parametersFromBody(
				this.getHeaderData() as Record<string, unknown>,
				this.getBodyData(),
				rawBody,
			);
			const parameters = mergeParameters(query, body);
			const callback = parseDelivery(
				beeboxCallbackSchema,
				singleParameters(parameters, BEEBOX_CALLBACK_PARAMETERS),
			);

			const event = canonicalEventCode(callback.bbevent);
			if (!isEventWanted(event, this.getNodeParameter('events', [ALL_EVENTS]) as string[])) {
				return ignoreDelivery(this, `event ${event} is not selected in the node's event filter`);
			}

			const enrichment = this.getNodeParameter('fetchDetails', false)
				? await fetchBeeboxEventDetails(this, callback.bbid)
				: undefined;
			return startWorkflow(this, [buildBeeboxItem(callback, receivedAt, enrichment)]);
		});
	}
}

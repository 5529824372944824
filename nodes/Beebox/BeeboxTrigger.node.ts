import {
	NodeConnectionTypes,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { handleDelivery, startWorkflow } from '../common/delivery';
import { eventsProperty, EVENTS_SUBTITLE, unwantedEvent } from '../common/eventFilter';
import { asRecord } from '../common/request';
import { respondProperty, triggerPanel, triggerWebhooks } from '../common/triggerProperties';
import {
	checkUrlToken,
	urlTokenProperties,
	urlTokenWebhookMethods,
	urlTokenWebhookRoute,
} from '../common/urlToken';
import { parseDelivery } from '../common/validation';
import { testWebhookSecret } from '../common/webhookSecret';
import { fetchBeeboxEventDetails, testBeeboxCredentials } from './details';
import { BEEBOX_EVENT_GROUPS, canonicalEventCode, humanize } from './events';
import { buildBeeboxItem } from './output';
import {
	mergeParameters,
	parametersFromBody,
	repairAppendedQuery,
	singleParameters,
} from './parameters';
import { BEEBOX_CALLBACK_PARAMETERS, beeboxCallbackSchema } from './schemas';

const WEBHOOK_PATH = 'beebox';

/**
 * Receives Wordbee Beebox callbacks: Beebox calls the URL with `bbid`, `bbevent`, `bbsender`, `bbproject`,
 * `bbdate`, `bbok` and `bberror` as URL parameters (help.wordbee.com/beebox/callbacks-parameters). Admin
 * callbacks (project Settings page) fire for every event, connector callbacks ("Connectors & API" tab) only
 * for CreatedTranslatedFiles. Version 2 requires a secret token in the URL by default (version 1 had none).
 */
export class BeeboxTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Wordbee Beebox Trigger',
		name: 'beeboxTrigger',
		icon: { light: 'file:beebox.svg', dark: 'file:beebox.dark.svg' },
		group: ['trigger'],
		version: [1, 2],
		defaultVersion: 2,
		subtitle: EVENTS_SUBTITLE,
		description:
			'Starts the workflow when Wordbee Beebox calls back: translated files created, source files parsed, jobs and projects changed',
		defaults: { name: 'Wordbee Beebox Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		eventTriggerDescription: 'Waiting for a Beebox callback to the Test URL',
		activationMessage:
			'Beebox callbacks to the Production URL now run this workflow. Give Beebox that URL with the secret token.',
		triggerPanel: triggerPanel({
			header: 'Listen for a Beebox callback',
			setup:
				"In Beebox, paste this node's URL with the secret token (<code>?token=&lt;secret&gt;</code> appended, or as the last path segment) as the project's callback URL: <i>Settings</i> (admin callback, every event) or <i>Connectors &amp; API</i> (connector callback, CreatedTranslatedFiles only).",
		}),
		credentials: [
			{
				name: 'beeboxApi',
				required: true,
				testedBy: 'testBeeboxCredentials',
				displayOptions: { show: { fetchDetails: [true] } },
			},
			{
				name: 'translationWebhookSecretApi',
				required: true,
				testedBy: 'testWebhookSecret',
				displayOptions: { show: { '@version': [2], urlTokenLocation: ['query', 'path'] } },
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
		credentialTest: { testBeeboxCredentials, testWebhookSecret },
	};

	webhookMethods = urlTokenWebhookMethods;

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await handleDelivery(this, async () => {
			const receivedAt = new Date();
			const query = repairAppendedQuery(asRecord(this.getQueryData()));
			await checkUrlToken(this, query);

			const { rawBody } = this.getRequestObject() as { rawBody?: unknown };
			const body = parametersFromBody(
				this.getHeaderData() as Record<string, unknown>,
				this.getBodyData(),
				rawBody,
			);
			const callback = parseDelivery(
				beeboxCallbackSchema,
				singleParameters(mergeParameters(query, body), BEEBOX_CALLBACK_PARAMETERS),
			);

			const unwanted = unwantedEvent(this, canonicalEventCode(callback.bbevent));
			if (unwanted) return unwanted;

			const enrichment = this.getNodeParameter('fetchDetails', false)
				? await fetchBeeboxEventDetails(this, callback.bbid)
				: undefined;
			return startWorkflow(this, [buildBeeboxItem(callback, receivedAt, enrichment)]);
		});
	}
}

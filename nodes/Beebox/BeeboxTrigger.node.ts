import {
	NodeConnectionTypes,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { handleDelivery, startWorkflow } from '../common/delivery/answers';
import { eventsProperty, EVENTS_SUBTITLE, unwantedEvent } from '../common/delivery/events';
import { asRecord } from '../common/delivery/request';
import {
	outputProperty,
	respondProperty,
	triggerPanel,
	triggerWebhooks,
	WEBHOOK_TRIGGER_VERSION,
} from '../common/delivery/triggerProperties';
import {
	checkUrlToken,
	urlTokenProperties,
	urlTokenWebhookMethods,
	urlTokenWebhookRoute,
} from '../common/secrets/urlToken';
import { parseDelivery } from '../common/delivery/validation';
import { testWebhookSecret } from '../common/secrets/webhookSecret';
import { testBeeboxCredentials } from './credentialTest';
import { BEEBOX_EVENT_GROUPS, canonicalEventCode, eventOption } from './events';
import { fetchBeeboxEventDetails } from './lookups';
import { buildBeeboxItems } from './output';
import {
	mergeParameters,
	parametersFromBody,
	repairAppendedQuery,
	singleParameters,
} from './delivery';
import { BEEBOX_CALLBACK_PARAMETERS, beeboxCallbackSchema } from './schemas';

const WEBHOOK_PATH = 'beebox';

/**
 * Receives Wordbee Beebox callbacks: Beebox calls the URL with `bbid`, `bbevent`, `bbsender`, `bbproject`,
 * `bbdate`, `bbok` and `bberror` as URL parameters (help.wordbee.com/beebox/callbacks-parameters). Admin
 * callbacks (project Settings page) fire for every event, connector callbacks ("Connectors & API" tab) only
 * for CreatedTranslatedFiles. A secret token in the URL is required by default; with the event's details fetched,
 * a CreatedTranslatedFiles callback gives one item per translated file.
 */
export class BeeboxTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Wordbee Beebox Trigger',
		name: 'beeboxTrigger',
		icon: { light: 'file:beebox.svg', dark: 'file:beebox.dark.svg' },
		group: ['trigger'],
		version: WEBHOOK_TRIGGER_VERSION,
		subtitle: EVENTS_SUBTITLE,
		description:
			'Starts the workflow when Wordbee Beebox calls back: translated files created, source files parsed, jobs and projects changed',
		defaults: { name: 'Wordbee Beebox Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		eventTriggerDescription: 'Waiting for a Beebox callback to the Test URL',
		activationMessage:
			"Beebox callbacks to the Production URL now run this workflow. Paste that URL, with ?token= and the secret appended (or the secret as its last path segment), into the project's callback URL in Beebox.",
		triggerPanel: triggerPanel({
			header: 'Listen for a Beebox callback',
			setup:
				"In Beebox, open the project's <i>Settings</i> and paste this node's URL with the secret token (<code>?token=&lt;secret&gt;</code> appended) as the callback URL: at the bottom of the page for every event (admin callback), or in the <i>CMS Connector</i> tab of <i>Connectors &amp; API</i> for translated files only (connector callback).",
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
				displayOptions: { show: { urlTokenLocation: ['query', 'path'] } },
			},
		],
		// Beebox calls with GET; POST with a form body is accepted too. The editor lists each webhook's URL: one
		// is enough, without a method, since both methods reach it.
		webhooks: triggerWebhooks(['GET', 'POST'], urlTokenWebhookRoute(WEBHOOK_PATH)).map((webhook) =>
			webhook.httpMethod === 'POST'
				? { ...webhook, ndvHideUrl: true }
				: { ...webhook, ndvHideMethod: true },
		),
		properties: [
			{
				displayName:
					"In Beebox, paste the Production URL plus ?token=&lt;secret&gt; (the secret of the Translation Webhook Secret credential below) into the project's Settings: as the callback URL at the bottom (every event), or in Connectors & API → CMS Connector (translated files only). Beebox appends its bb... parameters.",
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			eventsProperty(
				BEEBOX_EVENT_GROUPS.flatMap(({ group, events }) =>
					events.map(([code, description]) => eventOption(group, code, description)),
				),
				'Events that start the workflow. Others are answered 200 and start nothing. "All Events" also lets through codes newer Beebox versions add.',
			),
			...urlTokenProperties(WEBHOOK_PATH),
			{
				displayName: 'Fetch Event Details',
				name: 'fetchDetails',
				type: 'boolean',
				// on: the common next step, Download, needs the files' locales and paths, which only the API has
				default: true,
				description:
					"Whether to fetch the event's full details from the Beebox API (e.g. the delivered files with their locales and paths) into the item. Needs Beebox API credentials.",
			},
			{
				...outputProperty(
					'Translated files created: one item per delivered file, keyed like the Catch-Up Trigger. Other events: one item.',
					'One item per callback, with the list of its files',
				),
				displayOptions: { show: { fetchDetails: [true] } },
			},
			respondProperty,
		],
	};

	methods = {
		credentialTest: { testBeeboxCredentials, testWebhookSecret },
	};

	// Nothing to register: Beebox has no API for its callback URLs, the user pastes the URL.
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

			const perFile = this.getNodeParameter('output', 'perElement') !== 'perDelivery';
			const enrichment = this.getNodeParameter('fetchDetails', true)
				? await fetchBeeboxEventDetails(this, callback, undefined, { deliverables: perFile })
				: undefined;
			return startWorkflow(this, buildBeeboxItems(callback, receivedAt, enrichment, { perFile }));
		});
	}
}

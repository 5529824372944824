import {
	NodeConnectionTypes,
	type IDataObject,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import {
	badRequest,
	handleDelivery,
	ignoreDelivery,
	startWorkflow,
} from '../common/delivery/answers';
import { eventsProperty, EVENTS_SUBTITLE, unwantedEvent } from '../common/delivery/events';
import { registrationWebhookMethods } from '../common/delivery/registration';
import { mediaType } from '../common/delivery/request';
import {
	outputProperty,
	respondProperty,
	triggerPanel,
	triggerWebhooks,
	WEBHOOK_TRIGGER_VERSION,
} from '../common/delivery/triggerProperties';
import { parseDelivery } from '../common/delivery/validation';
import {
	MANUAL_SECRET_CREDENTIAL_SHOW,
	manualSecretProperties,
	testWebhookSecret,
	WEBHOOK_SECRET_CREDENTIAL,
} from '../common/secrets/webhookSecret';
import { SMARTCAT_DOCUMENT_ID, SMARTCAT_PROJECT_ID } from './api';
import { testSmartcatApi } from './credentialTest';
import { eventOfUrl, SMARTCAT_EVENTS } from './events';
import { statusFilterProperty } from './properties';
import { lookUpDelivery, type LookedUp } from './lookups';
import { buildSmartcatBatchItem, buildSmartcatItem } from './output';
import { DEFAULT_SECRET_HEADER, register, registrationExists, unregister } from './registration';
import { smartcatDeliverySchema } from './schemas';
import { checkManualSetup, checkSmartcatSecret } from './verification';

const EVENT_PATHS = SMARTCAT_EVENTS.map((e) => `/${e.path}`).join(', ');

/**
 * Receives Smartcat's callbacks (https://help.smartcat.ai/hc/en-us/articles/360000048572): Smartcat POSTs a JSON
 * array of ids to the account's callback URL plus `/project/status`, `/document/status` or
 * `/document/translationImportCompleted`. Those three are webhooks of the node, and so is the base URL itself,
 * the one Smartcat is given (and the only one the editor shows): a callback URL with a query string gets the
 * event path at the end of its query, and n8n hands that to the base URL. Smartcat retries a failed delivery 8
 * times, 30 s apart at first, doubling.
 */
export class SmartcatTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Smartcat Trigger',
		name: 'smartcatTrigger',
		icon: { light: 'file:smartcat.svg', dark: 'file:smartcat.dark.svg' },
		group: ['trigger'],
		version: WEBHOOK_TRIGGER_VERSION,
		subtitle: EVENTS_SUBTITLE,
		description:
			'Starts the workflow when a Smartcat project or document changes status, or an XLIFF import completes',
		defaults: { name: 'Smartcat Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		eventTriggerDescription: 'Waiting for a Smartcat callback to the Test URL',
		activationMessage:
			"Smartcat callbacks now run this workflow (with automatic registration the account's callback points here).",
		triggerPanel: triggerPanel({
			header: 'Listen for a Smartcat callback',
			setup:
				"Smartcat has one callback URL per account. <b>Automatic</b> registration points it at this workflow when the workflow is published, and at the Test URL while you listen for a test event, but only if the account has no callback yet. <b>Manual</b>: set the account's callback (e.g. with the Smartcat node's <i>Callback → Set</i>) to the URL above, with the secret header; Smartcat appends <code>/project/status</code> etc. itself.",
		}),
		credentials: [
			// Automatic registration and Fetch Details need it; Manual registration alone does not (checked on activation).
			{ name: 'smartcatApi', required: false, testedBy: 'testSmartcatApi' },
			{
				name: WEBHOOK_SECRET_CREDENTIAL,
				required: true,
				testedBy: 'testWebhookSecret',
				displayOptions: { show: MANUAL_SECRET_CREDENTIAL_SHOW },
			},
		],
		webhooks: [
			// the URL Smartcat is given; also receives callbacks whose event is in the query string
			...triggerWebhooks(['POST'], { path: 'smartcat' }),
			...SMARTCAT_EVENTS.flatMap(({ path }) =>
				triggerWebhooks(['POST'], { path: `smartcat/${path}` }).map((webhook) => ({
					...webhook,
					ndvHideUrl: true,
				})),
			),
		],
		properties: [
			{
				displayName:
					"Smartcat has ONE callback URL per account. Publishing this workflow points the account's callbacks here; whatever used the previous URL stops receiving them. Listening for a test event uses the Test URL only while the account has no callback, and never takes it from a published workflow. Use one active Smartcat Trigger per account.",
				name: 'accountWideNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { registration: ['automatic'] } },
			},
			{
				displayName:
					"Set the account's callback URL to this node's URL above (Production URL, ending in /smartcat; Smartcat appends /project/status and the like itself), with the secret header below, e.g. with the Smartcat node's Callback → Set.",
				name: 'manualNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { registration: ['manual'] } },
			},
			{
				displayName: 'Registration',
				name: 'registration',
				type: 'options',
				options: [
					{
						name: 'Automatic',
						value: 'automatic',
						description:
							"Publishing sets the account's callback to this workflow with a secret header derived from the API key (never stored in the workflow); unpublishing removes it. After a new API key, publish again.",
					},
					{
						name: 'Manual',
						value: 'manual',
						description:
							"You set the account's callback yourself (e.g. with the Smartcat node) to this node's URL",
					},
				],
				default: 'automatic',
			},
			{
				displayName: 'Replace Existing Callback',
				name: 'replaceExisting',
				type: 'boolean',
				default: false,
				displayOptions: { show: { registration: ['automatic'] } },
				description:
					'Whether to replace a callback URL the account already has when the workflow is published. Off: publishing fails with a message naming the URL in use, so nothing is broken by accident.',
			},
			{
				displayName: 'Secret Header Name',
				name: 'headerName',
				type: 'string',
				default: DEFAULT_SECRET_HEADER,
				description:
					'The header Smartcat sends with every callback (additionalHeaders); deliveries without its secret value get 401',
			},
			...manualSecretProperties(),
			eventsProperty(
				SMARTCAT_EVENTS.map(({ event, name, description }) => ({
					name,
					value: event,
					description,
				})),
				'Callbacks that start the workflow. Others are answered 200 and start nothing.',
			),
			outputProperty(
				'One item per project or document ID',
				'All IDs of a callback in one item, as "ids"',
			),
			{
				displayName: 'Fetch Details',
				name: 'fetchDetails',
				type: 'boolean',
				// on: a callback carries only IDs, and without the status every status change starts the workflow
				default: true,
				description:
					'Whether to look each project or document up through the API and add it to the item (the callback carries only IDs). Makes the status filter possible.',
			},
			statusFilterProperty(
				'Statuses to keep; IDs in other statuses produce no item. None chosen: every status.',
				{ fetchDetails: [true] },
			),
			respondProperty,
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				displayOptions: { show: { registration: ['automatic'] } },
				options: [
					{
						displayName: 'Allow Private Webhook URL',
						name: 'allowPrivateWebhookUrl',
						type: 'boolean',
						default: false,
						description:
							"Whether to register even when n8n's URL is local or private (localhost, 10.x, 192.168.x...), which Smartcat cannot reach. Only for tests against a local Smartcat simulator, or a proxy that forwards Smartcat's callbacks.",
					},
				],
			},
		],
	};

	methods = {
		credentialTest: { testSmartcatApi, testWebhookSecret },
	};

	webhookMethods = registrationWebhookMethods({
		exists: registrationExists,
		register,
		unregister,
		checkManual: checkManualSetup,
	});

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await handleDelivery(this, async () => {
			const receivedAt = new Date();
			const request = this.getRequestObject();
			const headers = this.getHeaderData() as Record<string, unknown>;
			await checkSmartcatSecret(this, headers);

			const event = eventOfUrl(request.originalUrl ?? request.url ?? request.path ?? '');
			if (!event)
				throw badRequest(
					`not a Smartcat callback: the URL does not end with an event path (${EVENT_PATHS})`,
				);
			if (mediaType(headers) !== 'application/json') {
				throw badRequest(
					`content type "${mediaType(headers) || 'none'}" is not a Smartcat callback: Smartcat posts application/json`,
				);
			}
			let ids = [...new Set(parseDelivery(smartcatDeliverySchema, this.getBodyData()))];
			const format = event.idKind === 'project' ? SMARTCAT_PROJECT_ID : SMARTCAT_DOCUMENT_ID;
			const bad = ids.find((id) => !format.test(id));
			if (bad !== undefined)
				throw badRequest(
					`"${bad.slice(0, 80)}" is not a Smartcat ${event.idKind} ID${event.idKind === 'document' ? ' (<document>_<language>, e.g. 189_25)' : ''}`,
				);
			if (ids.length === 0) return ignoreDelivery(this, 'the delivery lists no ids');
			const unwanted = unwantedEvent(this, event.event);
			if (unwanted) return unwanted;

			let looked: LookedUp | undefined;
			if (this.getNodeParameter('fetchDetails', true)) {
				looked = await lookUpDelivery(this, event, ids);
				ids = looked.ids;
				if (ids.length === 0)
					return ignoreDelivery(this, 'no id is in one of the selected statuses');
			}

			const items: IDataObject[] =
				this.getNodeParameter('output', 'perElement') === 'perDelivery'
					? [buildSmartcatBatchItem(event, ids, receivedAt, looked?.details, looked?.skipped)]
					: ids.map((id, i) =>
							buildSmartcatItem(event, id, receivedAt, looked?.details[i], looked?.skipped),
						);
			return startWorkflow(this, items);
		});
	}
}

import {
	NodeConnectionTypes,
	type IDataObject,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { badRequest, handleDelivery, ignoreDelivery, startWorkflow } from '../common/delivery';
import { eventsProperty, EVENTS_SUBTITLE, unwantedEvent } from '../common/eventFilter';
import { registrationWebhookMethods } from '../common/registration';
import { mediaType } from '../common/request';
import {
	outputProperty,
	respondProperty,
	triggerPanel,
	triggerWebhooks,
} from '../common/triggerProperties';
import { parseDelivery } from '../common/validation';
import { manualSecretProperties, testWebhookSecret } from '../common/webhookSecret';
import { eventOfPath, SMARTCAT_EVENTS } from './events';
import { lookUpDelivery } from './lookups';
import { buildSmartcatBatchItem, buildSmartcatItem } from './output';
import { DEFAULT_SECRET_HEADER, register, registrationExists, unregister } from './registration';
import { smartcatDeliverySchema, type SmartcatEntity } from './schemas';
import { checkManualSetup, checkSmartcatSecret } from './verification';

/**
 * Receives Smartcat's callbacks (help.smartcat.ai/hc/en-us/articles/360000048572): Smartcat POSTs a JSON array of ids to the account's callback URL plus
 * `/project/status`, `/document/status` or `/document/translationImportCompleted`. The three are webhooks of one
 * node, so the URL registered with Smartcat is the same for all; Smartcat retries a failed delivery 8 times,
 * 30 s apart at first, doubling.
 */
export class SmartcatTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Smartcat Trigger',
		name: 'smartcatTrigger',
		icon: { light: 'file:smartcat.svg', dark: 'file:smartcat.dark.svg' },
		group: ['trigger'],
		version: [1, 2],
		defaultVersion: 2,
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
				"Smartcat has one callback URL per account. <b>Automatic</b> registration points it at this workflow when the workflow is published (n8n 1.x: activated). <b>Manual</b>: set the account's callback (e.g. with the Smartcat node) to this node's URL <i>without</i> <code>/project/status</code>, with the secret header.",
		}),
		credentials: [
			{ name: 'smartcatApi', required: true },
			{
				name: 'translationWebhookSecretApi',
				required: true,
				testedBy: 'testWebhookSecret',
				displayOptions: {
					show: { '@version': [2], registration: ['manual'], manualSecretCheck: ['credential'] },
				},
			},
		],
		webhooks: SMARTCAT_EVENTS.flatMap(({ path }) =>
			triggerWebhooks(['POST'], { path: `smartcat/${path}` }),
		),
		properties: [
			{
				displayName:
					"Smartcat has ONE callback URL per account. With automatic registration, activating this workflow points the account's callbacks here; whatever used the previous URL stops receiving them. Use one active Smartcat Trigger per account.",
				name: 'accountWideNotice',
				type: 'notice',
				default: '',
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
							"Activation sets the account's callback to this workflow with a generated secret header; deactivation removes it",
					},
					{
						name: 'Manual',
						value: 'manual',
						description:
							'You set the callback yourself (e.g. with the Smartcat node): give it the URL without /project/status',
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
					'Whether to replace a callback URL the account already has. Off: activation fails with a message naming the URL in use, so nothing is broken by accident.',
			},
			{
				displayName: 'Secret Header Name',
				name: 'headerName',
				type: 'string',
				default: DEFAULT_SECRET_HEADER,
				description:
					'The header Smartcat sends with every callback (additionalHeaders); deliveries without its secret value get 401',
			},
			...manualSecretProperties({
				displayName: 'Secret Header Value',
				name: 'manualSecret',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				hint: "The value you gave that header in the account's callback setting. Empty: deliveries are not checked.",
			}),
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
				default: false,
				description:
					'Whether to look each project or document up through the API and add it to the item (the callback carries only IDs). Makes the status filter possible.',
			},
			{
				displayName: 'Only Statuses',
				name: 'statuses',
				type: 'string',
				default: '',
				placeholder: 'completed',
				displayOptions: { show: { fetchDetails: [true] } },
				description:
					'Comma-separated statuses (as the API names them, e.g. inProgress, completed); IDs in other statuses produce no item. Empty: every status.',
			},
			respondProperty,
		],
	};

	methods = {
		credentialTest: { testWebhookSecret },
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

			const event = eventOfPath(request.path ?? request.url ?? '');
			if (!event) throw badRequest('not a Smartcat callback path');
			if (mediaType(headers) !== 'application/json') {
				throw badRequest(
					`content type "${mediaType(headers) || 'none'}" is not a Smartcat callback: Smartcat posts application/json`,
				);
			}
			let ids = [...new Set(parseDelivery(smartcatDeliverySchema, this.getBodyData()))];
			if (ids.length === 0) return ignoreDelivery(this, 'the delivery lists no ids');
			const unwanted = unwantedEvent(this, event.event);
			if (unwanted) return unwanted;

			let details: SmartcatEntity[] | undefined;
			if (this.getNodeParameter('fetchDetails', false)) {
				({ ids, details } = await lookUpDelivery(this, event, ids));
				if (ids.length === 0)
					return ignoreDelivery(this, 'no id is in one of the selected statuses');
			}

			const items: IDataObject[] =
				this.getNodeParameter('output', 'perElement') === 'perDelivery'
					? [buildSmartcatBatchItem(event, ids, receivedAt, details)]
					: ids.map((id, i) => buildSmartcatItem(event, id, receivedAt, details?.[i]));
			return startWorkflow(this, items);
		});
	}
}

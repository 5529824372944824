import {
	NodeConnectionTypes,
	type IDataObject,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { eventsProperty, EVENTS_SUBTITLE, outputProperty } from '../common/eventFilter';
import { registrationWebhookMethods } from '../common/registration';
import { headerValue, mediaType } from '../common/parse';
import {
	badRequest,
	handleDelivery,
	ignoreDelivery,
	orRetryLater,
	respondProperty,
	startWorkflow,
	triggerWebhooks,
	unauthorized,
} from '../common/responses';
import { secretMatches } from '../common/secret';
import { parseDelivery } from '../common/validation';
import { lookUpAll } from './callbackApi';
import { ALL_EVENTS, eventOfPath, isEventWanted, SMARTCAT_EVENTS } from './events';
import { buildSmartcatBatchItem, buildSmartcatItem } from './output';
import {
	DEFAULT_SECRET_HEADER,
	register,
	registrationExists,
	storedRegistration,
	unregister,
} from './registration';
import { smartcatDeliverySchema, type SmartcatEntity } from './schemas';

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
		version: 1,
		subtitle: EVENTS_SUBTITLE,
		description:
			'Starts the workflow when a Smartcat project or document changes status, or an XLIFF import completes',
		defaults: { name: 'Smartcat Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'smartcatApi', required: true }],
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
			{
				displayName: 'Secret Header Value',
				name: 'manualSecret',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				displayOptions: { show: { registration: ['manual'] } },
				hint: "The value you gave that header in the account's callback setting. Empty: deliveries are not checked.",
			},
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

	webhookMethods = registrationWebhookMethods({ exists: registrationExists, register, unregister });

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await handleDelivery(this, async () => {
			const receivedAt = new Date();
			const request = this.getRequestObject();
			const headers = this.getHeaderData() as Record<string, unknown>;
			checkSecret(this, headers);

			const event = eventOfPath(request.path ?? request.url ?? '');
			if (!event) throw badRequest('not a Smartcat callback path');
			if (mediaType(headers) !== 'application/json') {
				throw badRequest(
					`content type "${mediaType(headers) || 'none'}" is not a Smartcat callback: Smartcat posts application/json`,
				);
			}
			const ids = [...new Set(parseDelivery(smartcatDeliverySchema, this.getBodyData()))];
			if (ids.length === 0) return ignoreDelivery(this, 'the delivery lists no ids');
			if (!isEventWanted(event.event, this.getNodeParameter('events', [ALL_EVENTS]) as string[])) {
				return ignoreDelivery(
					this,
					`event ${event.event} is not selected in the node's event filter`,
				);
			}

			let details: SmartcatEntity[] | undefined;
			let wanted = ids;
			if (this.getNodeParameter('fetchDetails', false)) {
				details = await orRetryLater(
					this,
					lookUpAll(this, event.idKind, ids),
					`Smartcat Trigger: looking up ${event.idKind}s failed`,
					`could not look the ${event.idKind}s up in Smartcat; retry later`,
				);
				const statuses = parseStatuses(this.getNodeParameter('statuses', '') as string);
				if (statuses.length) {
					const keep = details.map((d) => statuses.includes((d.status ?? '').toLowerCase()));
					wanted = ids.filter((_, i) => keep[i]);
					details = details.filter((_, i) => keep[i]);
					if (wanted.length === 0)
						return ignoreDelivery(this, 'no id is in one of the selected statuses');
				}
			}

			const items: IDataObject[] =
				this.getNodeParameter('output', 'perElement') === 'perDelivery'
					? [buildSmartcatBatchItem(event, wanted, receivedAt, details)]
					: wanted.map((id, i) => buildSmartcatItem(event, id, receivedAt, details?.[i]));
			return startWorkflow(this, items);
		});
	}
}

function parseStatuses(text: string): string[] {
	return text
		.split(',')
		.map((s) => s.trim().toLowerCase())
		.filter(Boolean);
}

/** The secret header: generated at registration (static data), or the one the user set up by hand. */
function checkSecret(ctx: IWebhookFunctions, headers: Record<string, unknown>): void {
	if (ctx.getNodeParameter('registration', 'automatic') === 'manual') {
		const expected = ctx.getNodeParameter('manualSecret', '') as string;
		if (!expected) return;
		const name =
			(ctx.getNodeParameter('headerName', DEFAULT_SECRET_HEADER) as string) ||
			DEFAULT_SECRET_HEADER;
		if (!secretMatches(headerValue(headers, name), expected))
			throw unauthorized('missing or wrong secret header');
		return;
	}
	const stored = storedRegistration(ctx.getWorkflowStaticData('node'));
	if (!stored) {
		ctx.logger.error(
			"Smartcat Trigger: no registration in the workflow's static data; deactivate and activate the workflow",
		);
		throw unauthorized('this trigger has no registered secret');
	}
	if (!secretMatches(headerValue(headers, stored.headerName), stored.secret))
		throw unauthorized('missing or wrong secret header');
}

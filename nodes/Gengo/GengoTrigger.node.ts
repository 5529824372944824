import {
	NodeConnectionTypes,
	type IDataObject,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { handleDelivery, ignoreDelivery, startWorkflow } from '../common/delivery/answers';
import { EVENTS_SUBTITLE, eventsProperty, selectedEvents } from '../common/delivery/events';
import { asRecord } from '../common/delivery/request';
import {
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
import { testWebhookSecret } from '../common/secrets/webhookSecret';
import { readGengoCallback } from './delivery';
import { testGengoCredentials } from './credentialTest';
import { COMMENT_EVENT, GENGO_EVENTS, isGengoEventWanted } from './events';
import { confirmCallback } from './lookups';
import { buildGengoCommentItem, buildGengoJobItem, GENGO_WEBHOOK_PATH } from './output';

/**
 * Receives Gengo's job and comment callbacks (https://developers.gengo.com/v2/callback_urls/): Gengo POSTs to each
 * job's `callback_url`, form-encoded, with a `job` or a `comment` parameter holding JSON, and retries every 15
 * minutes for 12 hours until it gets a 200. Gengo cannot sign its callbacks, so a secret token in the URL tells
 * them from forged ones; one is required by default.
 */
export class GengoTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Gengo Trigger',
		name: 'gengoTrigger',
		icon: { light: 'file:gengo.svg', dark: 'file:gengo.dark.svg' },
		group: ['trigger'],
		version: WEBHOOK_TRIGGER_VERSION,
		subtitle: EVENTS_SUBTITLE,
		description:
			'Starts the workflow when a Gengo job changes status (available, reviewable, approved, ...) or a translator comments',
		defaults: { name: 'Gengo Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		eventTriggerDescription: 'Waiting for a Gengo callback to the Test URL',
		activationMessage:
			'Gengo callbacks to the Production URL now run this workflow. Use it, with ?token= and the secret appended (or the secret as its last path segment), as the callback_url of the jobs you order.',
		triggerPanel: triggerPanel({
			header: 'Listen for a Gengo callback',
			setup:
				"Gengo calls the <code>callback_url</code> of each job you order. Ordering with the Gengo node (Order → Create)? Paste this node's Production URL once into the Callback URL field of its Translation Webhook Secret credential. Ordering elsewhere: use this node's URL there (in your <code>POST /translate/jobs</code> calls or your CMS connector's Gengo settings), with the secret token: <code>?token=&lt;secret&gt;</code> appended, or as the last path segment.",
		}),
		credentials: [
			{
				name: 'gengoApi',
				required: true,
				testedBy: 'testGengoCredentials',
				displayOptions: { show: { fetchFullJob: [true] } },
			},
			{
				name: 'translationWebhookSecretApi',
				required: true,
				testedBy: 'testWebhookSecret',
				displayOptions: { show: { urlTokenLocation: ['query', 'path'] } },
			},
		],
		webhooks: triggerWebhooks(['POST'], urlTokenWebhookRoute(GENGO_WEBHOOK_PATH)),
		properties: [
			{
				displayName:
					'Use the Production URL plus ?token=&lt;secret&gt; (the secret of the Translation Webhook Secret credential below) as the callback_url of the jobs you order. Gengo sends no callback over 60 KB: for long texts turn on "Fetch Full Job". Gengo retries a callback that was not answered 200: the item\'s eventKey is the same on a repeat, so Remove Duplicates on it skips it.',
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			eventsProperty(
				GENGO_EVENTS.map(([value, name, description]) => ({ name, value, description })),
				'Job statuses and comments that start the workflow. Others are answered 200 and start nothing.',
			),
			...urlTokenProperties(GENGO_WEBHOOK_PATH),
			{
				displayName:
					"Ordering from n8n? Paste this node's Production URL (without ?token=) once into the <b>Callback URL</b> field of the Translation Webhook Secret credential chosen here. The Gengo node's Order → Create, with the same credential and Callback: Gengo Trigger, then sends it with the secret as each job's callback_url.",
				name: 'orderFromN8nNotice',
				type: 'notice',
				default: '',
				displayOptions: {
					show: { urlTokenLocation: ['query'] },
				},
			},
			{
				displayName: 'Fetch Full Job',
				name: 'fetchFullJob',
				type: 'boolean',
				default: false,
				description:
					'Whether to take the job (and a comment) from the Gengo API instead of the callback. Proves the callback: a job this account does not know gets 401; a status or comment the API does not have starts nothing. Covers texts too large for a callback. Needs Gengo API credentials.',
			},
			respondProperty,
		],
	};

	methods = {
		credentialTest: { testGengoCredentials, testWebhookSecret },
	};

	// Nothing to register: the URL goes into each job's callback_url.
	webhookMethods = urlTokenWebhookMethods;

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await handleDelivery(this, async () => {
			const receivedAt = new Date();
			await checkUrlToken(this, asRecord(this.getQueryData()));
			const callback = readGengoCallback(
				this.getHeaderData() as Record<string, unknown>,
				this.getBodyData(),
			);

			const event = callback.kind === 'job' ? callback.job.status : COMMENT_EVENT;
			if (!isGengoEventWanted(event, selectedEvents(this)))
				return ignoreDelivery(this, `event ${event} is not selected in the node's event filter`);

			let item: IDataObject;
			if (!this.getNodeParameter('fetchFullJob', false)) {
				item =
					callback.kind === 'job'
						? buildGengoJobItem(callback.job, receivedAt, {
								fromApi: false,
								callbackFileUrl: callback.fileUrl,
							})
						: buildGengoCommentItem(callback.comment, receivedAt, undefined, callback.fileUrl);
			} else {
				const confirmation = await confirmCallback(this, callback);
				if (!confirmation.confirmed) {
					this.logger.warn(
						`Gengo Trigger: ${confirmation.reason}: a late retry or a forged callback; nothing started`,
					);
					return ignoreDelivery(
						this,
						'the callback does not match the job at the Gengo API (a late retry, or not from Gengo): nothing started',
					);
				}
				item =
					callback.kind === 'job' || !confirmation.comment
						? buildGengoJobItem(confirmation.job, receivedAt, { fromApi: true })
						: buildGengoCommentItem(callback.comment, receivedAt, {
								job: confirmation.job,
								comment: confirmation.comment,
							});
			}
			return startWorkflow(this, [item]);
		});
	}
}

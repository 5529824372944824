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
import { testWebhookSecret } from '../common/webhookSecret';
import { readGengoCallback } from './callback';
import { testGengoCredentials } from './credentialTest';
import { COMMENT_EVENT, GENGO_EVENTS } from './events';
import { fetchConfirmedJob } from './fullJob';
import { buildGengoCommentItem, buildGengoJobItem } from './output';

const WEBHOOK_PATH = 'gengo';

/**
 * Receives Gengo's job and comment callbacks (developers.gengo.com/v2/callback_urls): Gengo POSTs to each job's
 * `callback_url`, form-encoded, with a `job` or a `comment` parameter holding JSON, and retries every 15 minutes
 * for 12 hours until it gets a 200. Version 2 requires a secret token in the URL by default (version 1 had none).
 */
export class GengoTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Gengo Trigger',
		name: 'gengoTrigger',
		icon: { light: 'file:gengo.svg', dark: 'file:gengo.dark.svg' },
		group: ['trigger'],
		version: [1, 2],
		defaultVersion: 2,
		subtitle: EVENTS_SUBTITLE,
		description:
			'Starts the workflow when a Gengo job changes status (available, started, reviewable, approved, ...) or gets a comment',
		defaults: { name: 'Gengo Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		eventTriggerDescription: 'Waiting for a Gengo callback to the Test URL',
		activationMessage:
			'Gengo callbacks to the Production URL now run this workflow. Use it (with the secret token) as the callback_url of the jobs you order.',
		triggerPanel: triggerPanel({
			header: 'Listen for a Gengo callback',
			setup:
				"Give Gengo this node's URL as the <code>callback_url</code> of the jobs you order (in your API calls or your CMS connector), with the secret token: <code>?token=&lt;secret&gt;</code> appended, or as the last path segment.",
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
				displayOptions: { show: { '@version': [2], urlTokenLocation: ['query', 'path'] } },
			},
		],
		webhooks: triggerWebhooks(['POST'], urlTokenWebhookRoute(WEBHOOK_PATH)),
		properties: [
			{
				displayName:
					'Use this node\'s Production URL as the callback_url of the jobs you order (in your API calls or your CMS connector). Gengo does not send callbacks larger than 60 KB: for long texts turn on "Fetch Full Job".',
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			eventsProperty(
				GENGO_EVENTS.map(([value, name, description]) => ({ name, value, description })),
				'Job statuses and comments that start the workflow. Others are answered 200 and start nothing.',
			),
			...urlTokenProperties(WEBHOOK_PATH),
			{
				displayName: 'Fetch Full Job',
				name: 'fetchFullJob',
				type: 'boolean',
				default: false,
				description:
					"Whether to replace the callback's job with the job as the Gengo API has it: covers texts too large for a callback, and answers 401 (no execution) for a job this account does not know. Needs Gengo API credentials.",
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
			const unwanted = unwantedEvent(this, event);
			if (unwanted) return unwanted;

			const jobId = callback.kind === 'job' ? callback.job.job_id : callback.comment.job_id;
			const apiJob = this.getNodeParameter('fetchFullJob', false)
				? await fetchConfirmedJob(this, jobId)
				: undefined;
			const item =
				callback.kind === 'job'
					? buildGengoJobItem(callback.job, receivedAt, apiJob)
					: buildGengoCommentItem(callback.comment, receivedAt, apiJob);
			return startWorkflow(this, [item]);
		});
	}
}

import {
	NodeConnectionTypes,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { asRecord } from '../common/parse';
import {
	handleDelivery,
	ignoreDelivery,
	respondProperty,
	startWorkflow,
	triggerWebhooks,
} from '../common/responses';
import { eventsProperty, EVENTS_SUBTITLE } from '../common/eventFilter';
import {
	checkUrlToken,
	urlTokenProperties,
	urlTokenWebhookMethods,
	urlTokenWebhookRoute,
} from '../common/urlToken';
import { readGengoCallback } from './callback';
import { testGengoCredentials } from './credentialTest';
import { ALL_EVENTS, COMMENT_EVENT, GENGO_EVENTS, isEventWanted } from './events';
import { fetchConfirmedJob } from './fullJob';
import { buildGengoCommentItem, buildGengoJobItem } from './output';

const WEBHOOK_PATH = 'gengo';

/**
 * Receives Gengo's job and comment callbacks (developers.gengo.com/v2/callback_urls): Gengo POSTs
 * to each job's `callback_url`, form-encoded, with a `job` or a `comment` parameter holding JSON, and retries
 * every 15 minutes for 12 hours until it gets a 200.
 */
export class GengoTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Gengo Trigger',
		name: 'gengoTrigger',
		icon: { light: 'file:gengo.svg', dark: 'file:gengo.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: EVENTS_SUBTITLE,
		description:
			'Starts the workflow when a Gengo job changes status (available, started, reviewable, approved, ...) or gets a comment',
		defaults: { name: 'Gengo Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'gengoApi',
				required: true,
				testedBy: 'testGengoCredentials',
				displayOptions: { show: { fetchFullJob: [true] } },
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
		credentialTest: { testGengoCredentials },
	};

	// Nothing to register: the URL goes into each job's callback_url.
	webhookMethods = urlTokenWebhookMethods;

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await handleDelivery(this, async () => {
			const receivedAt = new Date();
			checkUrlToken(this, asRecord(this.getQueryData()));
			const callback = readGengoCallback(
				this.getHeaderData() as Record<string, unknown>,
				this.getBodyData(),
			);

			const event = callback.kind === 'job' ? callback.job.status : COMMENT_EVENT;
			if (!isEventWanted(event, this.getNodeParameter('events', [ALL_EVENTS]) as string[])) {
				return ignoreDelivery(this, `event ${event} is not selected in the node's event filter`);
			}

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

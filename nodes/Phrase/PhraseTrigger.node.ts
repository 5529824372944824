import {
	NodeConnectionTypes,
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
import { EVENTS_SUBTITLE, unwantedEvent } from '../common/delivery/events';
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
} from '../common/secrets/webhookSecret';
import { parseEventCodes } from './events';
import { wantedParts, type PhraseJobFilters } from './filters';
import { allJobsReached, jobItemsWithFullJobs } from './lookups';
import { buildPhraseBatchItem, buildPhraseJobItem, buildPhraseOtherItem } from './output';
import {
	filtersProperty,
	otherEventsProperty,
	phraseEventsProperty,
	statusesProperty,
} from './properties';
import { testPhraseCredentials } from './credentialTest';
import { checkManualSetup, register, registrationExists, unregister } from './registration';
import { jobPartsOf, phraseDeliverySchema } from './schemas';
import { STATUS_FILTER_OPTIONS } from './statuses';
import { checkPhraseToken } from './verification';

/**
 * Receives Phrase TMS (formerly Memsource) webhooks (support.phrase.com/hc/en-us/articles/5709693398812): POSTed
 * JSON with `event` and `jobParts`, a `jobPart`, a `jobUid` or a `project`, the secret token in a header. Phrase
 * retries at most 10 times and disables a webhook after 3000 failures, so every delivery we merely filter out is
 * answered 200.
 */
export class PhraseTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Phrase TMS Trigger',
		name: 'phraseTrigger',
		icon: { light: 'file:phrase.svg', dark: 'file:phrase.dark.svg' },
		group: ['trigger'],
		version: WEBHOOK_TRIGGER_VERSION,
		subtitle: EVENTS_SUBTITLE,
		description:
			'Starts the workflow on Phrase TMS (Memsource) webhooks: job status changed, job created or assigned, project events',
		defaults: { name: 'Phrase TMS Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		eventTriggerDescription: 'Waiting for a Phrase TMS webhook to the Test URL',
		activationMessage:
			'Phrase TMS webhooks now run this workflow (with automatic registration a webhook for the chosen events was created in Phrase).',
		triggerPanel: triggerPanel({
			header: 'Listen for a Phrase TMS webhook',
			setup:
				"<b>Automatic</b> registration creates a Phrase webhook for the chosen events, with a security token derived from the credential (never stored in the workflow), when the workflow is published, and deletes it when it stops; listening for a test event does the same with the Test URL. Phrase must reach n8n: set n8n's WEBHOOK_URL to its public address. <b>Manual</b>: in Phrase TMS, <i>Settings → Webhooks → Add webhook</i>, paste this node's URL, choose the same events and enter the secret as the security token.",
		}),
		credentials: [
			{
				name: 'translationWebhookSecretApi',
				required: true,
				testedBy: 'testWebhookSecret',
				displayOptions: { show: MANUAL_SECRET_CREDENTIAL_SHOW },
			},
			{
				name: 'phraseApi',
				required: true,
				testedBy: 'testPhraseCredentials',
				// `hide`, not `show: { registration: ['automatic'] }`: n8n's editor takes a parameter whose every option
				// shows a credential for the authentication selector and moves it into the credential dialog, where
				// picking the secret credential silently switched a fresh node to Manual. This way Registration stays
				// a visible node parameter.
				displayOptions: { hide: { registration: ['manual'] } },
			},
		],
		webhooks: triggerWebhooks(['POST'], { path: 'phrase' }),
		properties: [
			{
				displayName: 'Registration',
				name: 'registration',
				type: 'options',
				options: [
					{
						name: 'Automatic (With Credentials)',
						value: 'automatic',
						description:
							'Activation creates a Phrase webhook with a token derived from the credential; deactivation deletes it. After a new password or token, activate again.',
					},
					{
						name: 'Manual',
						value: 'manual',
						description:
							"You add the webhook in Phrase TMS: Settings → Webhooks, with this node's URL and token",
					},
				],
				default: 'automatic',
			},
			{
				displayName:
					"In Phrase TMS, Settings → Webhooks → Add webhook: paste this node's Production URL, enter the secret of the Translation Webhook Secret credential below as the security token, and choose the same events.",
				name: 'manualNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { registration: ['manual'] } },
			},
			...manualSecretProperties(),
			phraseEventsProperty(
				'Events that start the workflow; with automatic registration also the ones the webhook subscribes to',
			),
			otherEventsProperty,
			outputProperty(
				'One item per job part',
				'All job parts of a webhook in one item, as "jobParts"',
			),
			statusesProperty,
			filtersProperty,
			{
				displayName: 'Fetch Full Job',
				name: 'fetchFullJob',
				type: 'boolean',
				default: false,
				displayOptions: { show: { registration: ['automatic'] } },
				description:
					'Whether to add each job as the API has it (GET /api2/v1/projects/{project}/jobs/{job}) as "job"',
			},
			{
				displayName: 'Only When All Jobs in the Project Reached',
				name: 'allJobsStatus',
				type: 'options',
				default: '',
				displayOptions: { show: { registration: ['automatic'] } },
				options: [{ name: 'Off', value: '' }, ...STATUS_FILTER_OPTIONS],
				description:
					"On Job Status Changed: one item for the project, only once every job of the changed job's workflow step has reached this status (counted through the API)",
			},
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
							"Whether to register a URL Phrase TMS cannot normally reach (localhost, 127.0.0.1, 10.x, 192.168.x...): only behind a tunnel or proxy that forwards Phrase's calls, or for local tests",
					},
				],
			},
		],
	};

	methods = {
		credentialTest: { testPhraseCredentials, testWebhookSecret },
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
			const headers = this.getHeaderData() as Record<string, unknown>;
			await checkPhraseToken(this, headers);
			if (mediaType(headers) !== 'application/json')
				throw badRequest(
					`content type "${mediaType(headers) || 'none'}" is not JSON: Phrase TMS posts application/json`,
				);
			const body = parseDelivery(phraseDeliverySchema, this.getBodyData());

			const unwanted = unwantedEvent(
				this,
				body.event,
				parseEventCodes(this.getNodeParameter('otherEvents', '') as string),
			);
			if (unwanted) return unwanted;
			if (jobPartsOf(body).length === 0)
				return startWorkflow(this, [buildPhraseOtherItem(body, receivedAt)]);

			const parts = wantedParts(body, {
				...(this.getNodeParameter('filters', {}) as PhraseJobFilters),
				statuses: this.getNodeParameter('statuses', []) as string[],
			});
			if (parts.length === 0) return ignoreDelivery(this, "no job part passes the node's filters");

			const allJobsStatus = this.getNodeParameter('allJobsStatus', '') as string;
			if (allJobsStatus && body.event === 'JOB_STATUS_CHANGED') {
				const apiStatus = allJobsStatus.replace(/^api:/, '');
				const items = await allJobsReached(this, body, parts, apiStatus, receivedAt);
				return items.length
					? startWorkflow(this, items)
					: ignoreDelivery(this, `not every job of the project has reached ${apiStatus} yet`);
			}

			if (this.getNodeParameter('output', 'perElement') === 'perDelivery')
				return startWorkflow(this, [buildPhraseBatchItem(body, parts, receivedAt)]);
			if (this.getNodeParameter('fetchFullJob', false))
				return startWorkflow(this, await jobItemsWithFullJobs(this, body, parts, receivedAt));
			return startWorkflow(
				this,
				parts.map((part) => buildPhraseJobItem(body, part, receivedAt)),
			);
		});
	}
}

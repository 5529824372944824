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
import { getJobs, listProjectJobs } from './api';
import { ALL_EVENTS, isEventWanted, parseEventCodes, PHRASE_EVENT_GROUPS } from './events';
import { jobPartWanted, type PhraseJobFilters } from './filters';
import {
	buildAllJobsItem,
	buildPhraseBatchItem,
	buildPhraseJobItem,
	buildPhraseOtherItem,
} from './output';
import {
	assertManualToken,
	register,
	registrationExists,
	storedRegistration,
	unregister,
} from './registration';
import { phraseDeliverySchema, type PhraseJobPart } from './schemas';
import { apiStatusOf, STATUS_FILTER_OPTIONS } from './statuses';

/** Phrase sends the token in X-Memsource-Token; its newer help pages name the header X-Phrase-Token. */
const TOKEN_HEADERS = ['x-memsource-token', 'x-phrase-token'];

/**
 * Receives Phrase TMS (formerly Memsource) webhooks (support.phrase.com/hc/en-us/articles/5709693398812): POSTed JSON with `event` and `jobParts` or a
 * `project`, the secret token in a header. Phrase retries at most 10 times and disables a webhook after 3000
 * failures, so every delivery we merely filter out is answered 200.
 */
export class PhraseTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Phrase TMS Trigger',
		name: 'phraseTrigger',
		icon: { light: 'file:phrase.svg', dark: 'file:phrase.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: EVENTS_SUBTITLE,
		description:
			'Starts the workflow on Phrase TMS (Memsource) webhooks: job status changed, job created or assigned, project events',
		defaults: { name: 'Phrase TMS Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'phraseApi',
				required: true,
				displayOptions: { show: { registration: ['automatic'] } },
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
							'Activation creates a Phrase webhook with a generated token; deactivation deletes it',
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
					"In Phrase TMS, Settings → Webhooks → Add webhook: paste this node's Production URL, the Secret Token below as the security token, and choose the same events.",
				name: 'manualNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { registration: ['manual'] } },
			},
			{
				displayName: 'Secret Token',
				name: 'manualToken',
				type: 'string',
				typeOptions: { password: true },
				required: true,
				default: '',
				displayOptions: { show: { registration: ['manual'] } },
				hint: 'At least 16 random characters, e.g. from "openssl rand -hex 24"; deliveries without it get 401',
			},
			eventsProperty(
				PHRASE_EVENT_GROUPS.flatMap(({ group, events }) =>
					events.map(([code, description]) => ({
						name: `${group}: ${code}`,
						value: code,
						description,
					})),
				),
				'Events that start the workflow; with automatic registration also the ones the webhook subscribes to',
			),
			{
				displayName: 'Other Event Codes',
				name: 'otherEvents',
				type: 'string',
				default: '',
				placeholder: 'JOB_CUSTOM_FIELDS_UPDATED',
				description:
					"More event codes, comma-separated, for events not listed (e.g. Phrase's Language AI events)",
			},
			outputProperty(
				'One item per job part',
				'All job parts of a webhook in one item, as "jobParts"',
			),
			{
				displayName: 'Job Statuses',
				name: 'statuses',
				type: 'multiOptions',
				default: [],
				options: STATUS_FILTER_OPTIONS,
				hint: 'Phrase names job statuses differently in webhooks and in the API: "Completed" (by the linguist) is COMPLETED in the API but COMPLETED_BY_LINGUIST in webhooks; the webhook\'s COMPLETED is the API\'s DELIVERED. Pick by API name; both match.',
				description:
					'For JOB_STATUS_CHANGED: only jobs that changed to one of these statuses. Empty: every status.',
			},
			{
				displayName: 'Filters',
				name: 'filters',
				type: 'collection',
				placeholder: 'Add Filter',
				default: {},
				description:
					'Job parts that do not pass produce no item; a webhook with none left is answered 200 and starts nothing',
				options: [
					{
						displayName: 'Assignee (JOB_ASSIGNED)',
						name: 'assignee',
						type: 'string',
						default: '',
						description: 'User name, e-mail or UID of the linguist or vendor assigned',
					},
					{
						displayName: 'Last Workflow Level Only',
						name: 'lastWorkflowLevelOnly',
						type: 'boolean',
						default: true,
						description: "Whether to keep only jobs in the project's last workflow step",
					},
					{
						displayName: 'Project Name Contains',
						name: 'projectNameContains',
						type: 'string',
						default: '',
					},
					{ displayName: 'Project UID', name: 'projectUid', type: 'string', default: '' },
					{
						displayName: 'Target Language',
						name: 'targetLang',
						type: 'string',
						default: '',
						placeholder: 'de',
					},
					{
						displayName: 'Workflow Level',
						name: 'workflowLevel',
						type: 'number',
						typeOptions: { minValue: 1 },
						default: 1,
					},
				],
			},
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
					'On JOB_STATUS_CHANGED: emit one item for the project, and only when every job of the project has reached this status (checked through the API)',
			},
			respondProperty,
		],
	};

	webhookMethods = registrationWebhookMethods({
		exists: registrationExists,
		register,
		unregister,
		checkManual: assertManualToken,
	});

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await handleDelivery(this, async () => {
			const receivedAt = new Date();
			const headers = this.getHeaderData() as Record<string, unknown>;
			checkToken(this, headers);
			if (mediaType(headers) !== 'application/json')
				throw badRequest(
					`content type "${mediaType(headers) || 'none'}" is not JSON: Phrase TMS posts application/json`,
				);
			const body = parseDelivery(phraseDeliverySchema, this.getBodyData());

			const selected = [
				...(this.getNodeParameter('events', [ALL_EVENTS]) as string[]),
				...parseEventCodes(this.getNodeParameter('otherEvents', '') as string),
			];
			if (!isEventWanted(body.event, selected))
				return ignoreDelivery(
					this,
					`event ${body.event} is not selected in the node's event filter`,
				);
			if (!body.jobParts?.length)
				return startWorkflow(this, [buildPhraseOtherItem(body, receivedAt)]);

			const filters: PhraseJobFilters = {
				...(this.getNodeParameter('filters', {}) as PhraseJobFilters),
				statuses: this.getNodeParameter('statuses', []) as string[],
			};
			const parts = body.jobParts.filter((part) =>
				jobPartWanted(body.event, part, body.metadata as IDataObject, filters),
			);
			if (parts.length === 0) return ignoreDelivery(this, "no job part passes the node's filters");

			const allJobsStatus = this.getNodeParameter('allJobsStatus', '') as string;
			if (allJobsStatus && body.event === 'JOB_STATUS_CHANGED')
				return await allJobsReached(
					this,
					body,
					parts,
					allJobsStatus.replace(/^api:/, ''),
					receivedAt,
				);

			if (this.getNodeParameter('output', 'perElement') === 'perDelivery')
				return startWorkflow(this, [buildPhraseBatchItem(body, parts, receivedAt)]);
			const apiJobs = this.getNodeParameter('fetchFullJob', false)
				? await fetchJobs(this, parts)
				: undefined;
			return startWorkflow(
				this,
				parts.map((part, i) => buildPhraseJobItem(body, part, receivedAt, apiJobs?.[i])),
			);
		});
	}
}

function checkToken(ctx: IWebhookFunctions, headers: Record<string, unknown>): void {
	let expected: string | undefined;
	if (ctx.getNodeParameter('registration', 'automatic') === 'manual') {
		expected = ctx.getNodeParameter('manualToken', '') as string;
	} else {
		expected = storedRegistration(ctx.getWorkflowStaticData('node'))?.secretToken;
		if (!expected)
			ctx.logger.error(
				"Phrase TMS Trigger: no registration in the workflow's static data; deactivate and activate the workflow",
			);
	}
	const received = TOKEN_HEADERS.map((name) => headerValue(headers, name)).find(
		(value) => value !== undefined,
	);
	if (!expected || !secretMatches(received, expected))
		throw unauthorized('missing or wrong X-Memsource-Token');
}

async function fetchJobs(ctx: IWebhookFunctions, parts: PhraseJobPart[]): Promise<IDataObject[]> {
	return await orRetryLater(
		ctx,
		getJobs(
			ctx,
			parts.map((part) => ({ projectUid: part.project?.uid ?? '', jobUid: part.uid })),
		),
		'Phrase TMS Trigger: fetching jobs failed',
		'could not fetch the jobs from Phrase TMS; retry later',
	);
}

/** "Only when all jobs in the project reached": one item per project whose every job has the status. */
async function allJobsReached(
	ctx: IWebhookFunctions,
	body: Parameters<typeof buildAllJobsItem>[0],
	parts: PhraseJobPart[],
	apiStatus: string,
	receivedAt: Date,
) {
	const projects = [
		...new Set(
			parts
				.filter((p) => apiStatusOf(p.status ?? '') === apiStatus)
				.map((p) => p.project?.uid)
				.filter((uid): uid is string => !!uid),
		),
	];
	const items: IDataObject[] = [];
	for (const projectUid of projects) {
		const jobs = await orRetryLater(
			ctx,
			listProjectJobs(ctx, projectUid),
			`Phrase TMS Trigger: listing the jobs of project ${projectUid} failed`,
			"could not list the project's jobs in Phrase TMS; retry later",
		);
		if (jobs.length > 0 && jobs.every((job) => job.status === apiStatus))
			items.push(buildAllJobsItem(body, projectUid, apiStatus, jobs, receivedAt));
	}
	if (items.length === 0)
		return ignoreDelivery(ctx, `not every job of the project has reached ${apiStatus} yet`);
	return startWorkflow(ctx, items);
}

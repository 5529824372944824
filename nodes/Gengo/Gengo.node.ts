import {
	NodeConnectionTypes,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { executePerItem } from '../common/execute';
import { testGengoCredentials } from './credentialTest';
import { GENGO_EVENTS } from './events';
import {
	downloadTargetFile,
	getAccount,
	getJob,
	getJobComments,
	getJobFeedback,
	getJobRevision,
	getJobRevisions,
	getJobsByIds,
	getOrder,
	listRecentJobs,
	parseJobIds,
} from './operations';
import { toGengoNodeApiError } from './transport';

const JOB_ID_OPERATIONS = [
	'get',
	'getComments',
	'getRevisions',
	'getRevision',
	'getFeedback',
	'downloadTargetFile',
];

/** Reads jobs, orders and the account from the Gengo API v2, e.g. the translation after a Gengo Trigger fired. */
export class Gengo implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Gengo',
		name: 'gengo',
		icon: { light: 'file:gengo.svg', dark: 'file:gengo.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description:
			'Get Gengo translation jobs, their comments, revisions, feedback and files, orders and account data',
		defaults: { name: 'Gengo' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'gengoApi', required: true, testedBy: 'testGengoCredentials' }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Job', value: 'job' },
					{ name: 'Order', value: 'order' },
					{ name: 'Account', value: 'account' },
				],
				default: 'job',
			},
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { resource: ['job'] } },
				options: [
					{
						name: 'Download Target File',
						value: 'downloadTargetFile',
						action: 'Download the translated file of a file job',
						description: 'Binary output',
					},
					{ name: 'Get', value: 'get', action: 'Get a job' },
					{
						name: 'Get Comments',
						value: 'getComments',
						action: 'Get the comments of a job',
						description: 'One item per comment',
					},
					{ name: 'Get Feedback', value: 'getFeedback', action: 'Get the feedback of a job' },
					{
						name: 'Get Many',
						value: 'getMany',
						action: 'Get many jobs',
						description: 'By IDs, or the most recent ones',
					},
					{ name: 'Get Revision', value: 'getRevision', action: 'Get a revision of a job' },
					{
						name: 'Get Revisions',
						value: 'getRevisions',
						action: 'Get the revisions of a job',
						description: 'One item per revision',
					},
				],
				default: 'get',
			},
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { resource: ['order'] } },
				options: [
					{
						name: 'Get',
						value: 'get',
						action: 'Get an order',
						description: 'Its jobs grouped by status',
					},
				],
				default: 'get',
			},
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { resource: ['account'] } },
				options: [
					{ name: 'Get Balance', value: 'getBalance', action: 'Get the account balance' },
					{ name: 'Get Stats', value: 'getStats', action: 'Get the account statistics' },
				],
				default: 'getBalance',
			},
			{
				displayName: 'Job ID',
				name: 'jobId',
				type: 'string',
				required: true,
				default: '',
				placeholder: '={{ $json.jobId }}',
				displayOptions: { show: { resource: ['job'], operation: JOB_ID_OPERATIONS } },
				description: 'The Gengo job ID, e.g. the jobId of a Gengo Trigger item',
			},
			{
				displayName: 'Revision ID',
				name: 'revisionId',
				type: 'string',
				required: true,
				default: '',
				displayOptions: { show: { resource: ['job'], operation: ['getRevision'] } },
				description: 'A rev_id from Get Revisions',
			},
			{
				displayName: 'Put Output File in Field',
				name: 'binaryPropertyName',
				type: 'string',
				required: true,
				default: 'data',
				displayOptions: { show: { resource: ['job'], operation: ['downloadTargetFile'] } },
				hint: 'The name of the output binary field to put the file in',
			},
			{
				displayName: 'Jobs',
				name: 'source',
				type: 'options',
				options: [
					{ name: 'By IDs', value: 'ids', description: 'The jobs with the IDs you list' },
					{
						name: 'Most Recent',
						value: 'recent',
						description: 'The most recent jobs of the account, filtered',
					},
				],
				default: 'ids',
				displayOptions: { show: { resource: ['job'], operation: ['getMany'] } },
			},
			{
				displayName: 'Job IDs',
				name: 'jobIds',
				type: 'string',
				required: true,
				default: '',
				placeholder: '384985, 384986',
				displayOptions: { show: { resource: ['job'], operation: ['getMany'], source: ['ids'] } },
				description: 'Job IDs separated by commas or spaces',
			},
			{
				displayName: 'Limit',
				name: 'limit',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 200 },
				default: 50,
				displayOptions: { show: { resource: ['job'], operation: ['getMany'], source: ['recent'] } },
				description: 'Max number of results to return',
			},
			{
				displayName: 'Filters',
				name: 'filters',
				type: 'collection',
				placeholder: 'Add Filter',
				default: {},
				displayOptions: { show: { resource: ['job'], operation: ['getMany'], source: ['recent'] } },
				options: [
					{
						displayName: 'Status',
						name: 'status',
						type: 'options',
						options: GENGO_EVENTS.filter(([code]) => code !== 'comment').map(([value, name]) => ({
							name: name.replace(/^Job /, ''),
							value,
						})),
						default: 'reviewable',
					},
					{
						displayName: 'Created After',
						name: 'createdAfter',
						type: 'dateTime',
						default: '',
						description: 'Only jobs submitted after this time',
					},
				],
			},
			{
				displayName: 'Fetch Full Jobs',
				name: 'fullJobs',
				type: 'boolean',
				default: true,
				displayOptions: { show: { resource: ['job'], operation: ['getMany'], source: ['recent'] } },
				description:
					'Whether to return the full jobs (one more request per 50 jobs) rather than only job_id and ctime',
			},
			{
				displayName: 'Order ID',
				name: 'orderId',
				type: 'string',
				required: true,
				default: '',
				placeholder: '={{ $json.orderId }}',
				displayOptions: { show: { resource: ['order'] } },
			},
		],
	};

	methods = {
		credentialTest: { testGengoCredentials },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executePerItem(
			this,
			(i) => runOperation(this, i),
			(error, i) => toGengoNodeApiError(this, error, i),
		);
	}
}

async function runOperation(ctx: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const resource = ctx.getNodeParameter('resource', i) as string;
	const operation = ctx.getNodeParameter('operation', i) as string;
	const asItems = (json: IDataObject | IDataObject[]): INodeExecutionData[] =>
		(Array.isArray(json) ? json : [json]).map((entry) => ({
			json: entry,
			pairedItem: { item: i },
		}));

	if (resource === 'account')
		return asItems(await getAccount(ctx, operation === 'getStats' ? 'stats' : 'balance'));
	if (resource === 'order')
		return asItems(await getOrder(ctx, String(ctx.getNodeParameter('orderId', i)).trim()));

	if (operation === 'getMany') {
		if (ctx.getNodeParameter('source', i) === 'ids') {
			return asItems(
				await getJobsByIds(ctx, parseJobIds(String(ctx.getNodeParameter('jobIds', i)))),
			);
		}
		const filters = ctx.getNodeParameter('filters', i, {}) as {
			status?: string;
			createdAfter?: string;
		};
		const limit = ctx.getNodeParameter('limit', i, 50) as number;
		return asItems(
			await listRecentJobs(
				ctx,
				{ ...filters, limit },
				ctx.getNodeParameter('fullJobs', i, true) as boolean,
			),
		);
	}

	const jobId = parseJobIds(String(ctx.getNodeParameter('jobId', i)))[0] ?? '';
	switch (operation) {
		case 'get':
			return asItems(await getJob(ctx, jobId));
		case 'getComments':
			return asItems(await getJobComments(ctx, jobId));
		case 'getRevisions':
			return asItems(await getJobRevisions(ctx, jobId));
		case 'getRevision':
			return asItems(
				await getJobRevision(ctx, jobId, String(ctx.getNodeParameter('revisionId', i)).trim()),
			);
		case 'getFeedback':
			return asItems(await getJobFeedback(ctx, jobId));
		case 'downloadTargetFile':
			return [
				await downloadTargetFile(
					ctx,
					jobId,
					ctx.getNodeParameter('binaryPropertyName', i) as string,
					i,
				),
			];
		default:
			throw new NodeOperationError(ctx.getNode(), `Unknown operation ${operation}`, {
				itemIndex: i,
			});
	}
}

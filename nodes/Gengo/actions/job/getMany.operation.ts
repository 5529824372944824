import type { Operation } from '../../../common/actions';
import { jsonItems } from '../../../common/actions';
import { getJobsByIds, listRecentJobs, parseJobIds } from '../../api';
import { GENGO_EVENTS } from '../../events';

const recent = { source: ['recent'] };

export const getMany: Operation = {
	option: {
		name: 'Get Many',
		value: 'getMany',
		action: 'Get many jobs',
		description: 'By IDs, or the most recent ones',
	},
	properties: [
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
		},
		{
			displayName: 'Job IDs',
			name: 'jobIds',
			type: 'string',
			required: true,
			default: '',
			placeholder: '384985, 384986',
			displayOptions: { show: { source: ['ids'] } },
			description: 'Job IDs separated by commas or spaces',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 200 },
			default: 50,
			displayOptions: { show: recent },
			description: 'Max number of results to return',
		},
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			displayOptions: { show: recent },
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
			displayOptions: { show: recent },
			description:
				'Whether to return the full jobs (one more request per 50 jobs) rather than only job_id and ctime',
		},
	],
	async execute(ctx, i) {
		if (ctx.getNodeParameter('source', i) === 'ids') {
			return jsonItems(
				await getJobsByIds(ctx, parseJobIds(String(ctx.getNodeParameter('jobIds', i)))),
				i,
			);
		}
		const filters = ctx.getNodeParameter('filters', i, {}) as {
			status?: string;
			createdAfter?: string;
		};
		const limit = ctx.getNodeParameter('limit', i, 50) as number;
		const full = ctx.getNodeParameter('fullJobs', i, true) as boolean;
		return jsonItems(await listRecentJobs(ctx, { ...filters, limit }, full), i);
	},
};

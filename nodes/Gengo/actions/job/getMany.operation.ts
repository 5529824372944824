import { NodeOperationError } from 'n8n-workflow';

import type { Operation } from '../../../common/actions/operations';
import { jsonItems } from '../../../common/actions/operations';
import { getJobsByIds, JOB_LIST_STATUSES, listRecentJobs, parseJobIds } from '../../api';
import { GENGO_EVENTS } from '../../events';
import { limitProperty, returnAllProperty } from '../../../common/actions/properties';

/** The list's status filter: the values GET /translate/jobs takes, named as the trigger names them. */
const STATUS_OPTIONS = JOB_LIST_STATUSES.map((value) => ({
	name: (GENGO_EVENTS.find(([code]) => code === value)?.[1] ?? value).replace(/^Job /, ''),
	value,
}));

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
		returnAllProperty({
			show: recent,
			hint: 'All jobs submitted after "Created After" (add that filter): Gengo lists them without a count',
		}),
		limitProperty({ show: recent, maxValue: 200 }),
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
					options: STATUS_OPTIONS,
					default: 'reviewable',
					description:
						'Gengo filters the list by these statuses only; a saved "cancelled" is sent as "canceled"',
				},
				{
					displayName: 'Created After',
					name: 'createdAfter',
					type: 'dateTime',
					default: '',
					description:
						'Only jobs submitted after this time (UTC unless the time gives its zone, e.g. 2026-01-31T09:00:00+01:00)',
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
		const returnAll = ctx.getNodeParameter('returnAll', i, false) as boolean;
		if (returnAll && !filters.createdAfter)
			throw new NodeOperationError(
				ctx.getNode(),
				'Return All needs a "Created After" filter: without one Gengo lists only its default number of jobs',
				{ itemIndex: i },
			);
		const limit = returnAll ? undefined : (ctx.getNodeParameter('limit', i, 50) as number);
		const full = ctx.getNodeParameter('fullJobs', i, true) as boolean;
		return jsonItems(await listRecentJobs(ctx, { ...filters, limit }, full), i);
	},
};

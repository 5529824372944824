import { jsonItems, type Operation } from '../../../common/actions/operations';
import { listProjectsPage } from '../../api';
import { collectPages, limitOf } from '../shared';
import { limitProperty, returnAllProperty } from '../../../common/actions/properties';

/** Project statuses as Phrase's "List projects" filters them (developers.phrase.com/en/api/tms/latest/project/list-projects). */
const PROJECT_STATUSES = [
	['Accepted by Vendor', 'ACCEPTED_BY_VENDOR'],
	['Assigned', 'ASSIGNED'],
	['Cancelled', 'CANCELLED'],
	['Completed', 'COMPLETED'],
	['Completed by Vendor', 'COMPLETED_BY_VENDOR'],
	['Declined by Vendor', 'DECLINED_BY_VENDOR'],
	['New', 'NEW'],
].map(([name, value]) => ({ name, value }));

export const getMany: Operation = {
	option: {
		name: 'Get Many',
		value: 'getMany',
		action: 'Get many projects',
		description: 'Projects by name and status',
	},
	properties: [
		returnAllProperty(),
		limitProperty(),
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: [
				{
					displayName: 'Name Contains',
					name: 'name',
					type: 'string',
					default: '',
				},
				{
					displayName: 'Status',
					name: 'statuses',
					type: 'multiOptions',
					options: PROJECT_STATUSES,
					default: [],
				},
			],
		},
	],
	async execute(ctx, i) {
		const filters = ctx.getNodeParameter('filters', i, {}) as {
			name?: string;
			statuses?: string[];
		};
		const projects = await collectPages(
			async (pageNumber) =>
				await listProjectsPage(ctx, {
					pageNumber,
					name: filters.name?.trim() || undefined,
					statuses: filters.statuses?.length ? filters.statuses : undefined,
				}),
			limitOf(ctx, i),
		);
		return jsonItems(projects, i);
	},
};

import { jsonItems, type Operation } from '../../../common/actions/operations';
import { listJobsPage } from '../../api';
import { API_STATUS_OPTIONS } from '../../statuses';
import { collectPages, limitOf, projectUidProperty, text } from '../shared';
import { limitProperty, returnAllProperty } from '../../../common/actions/properties';

export const getMany: Operation = {
	option: {
		name: 'Get Many',
		value: 'getMany',
		action: 'Get many jobs',
		description: "A project's jobs of one workflow step, filtered by status and target language",
	},
	properties: [
		projectUidProperty,
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
					displayName: 'Status',
					name: 'status',
					type: 'multiOptions',
					options: API_STATUS_OPTIONS,
					default: [],
					description: 'Jobs in one of these statuses (the API\'s names: "Completed" is COMPLETED)',
				},
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
					typeOptions: { minValue: 1, maxValue: 15 },
					default: 1,
					description: 'The workflow step, from 1; Phrase lists step 1 when not set',
				},
			],
		},
	],
	async execute(ctx, i) {
		const projectUid = text(ctx, 'projectUid', i);
		const filters = ctx.getNodeParameter('filters', i, {}) as {
			status?: string[];
			targetLang?: string;
			workflowLevel?: number;
		};
		const jobs = await collectPages(
			async (pageNumber) =>
				await listJobsPage(ctx, projectUid, {
					pageNumber,
					status: filters.status?.length ? filters.status : undefined,
					targetLang: filters.targetLang?.trim() || undefined,
					workflowLevel: filters.workflowLevel,
				}),
			limitOf(ctx, i),
		);
		return jsonItems(jobs, i);
	},
};

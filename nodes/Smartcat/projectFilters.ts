import type { INodeProperties } from 'n8n-workflow';

import type { ProjectListFilters } from './api';

/**
 * The filters Smartcat's `GET /project/list` offers (Smartcat API v1, https://smartcat.com/api/methods/v1/swagger.json),
 * as the "Filters" collection of Project → Get Many and of the Smartcat Catch-Up Trigger. The API has no date
 * filter and no sort order.
 */
export const projectFiltersProperty: INodeProperties = {
	displayName: 'Filters',
	name: 'filters',
	type: 'collection',
	placeholder: 'Add Filter',
	default: {},
	options: [
		{
			displayName: 'Assigned To User ID',
			name: 'assignedToUserId',
			type: 'string',
			default: '',
			description: 'Projects with a task assigned to this user',
		},
		{
			displayName: 'Client IDs',
			name: 'clientIds',
			type: 'string',
			default: '',
			description: 'Comma-separated client IDs',
		},
		{
			displayName: 'Created By User ID',
			name: 'createdByUserId',
			type: 'string',
			default: '',
		},
		{
			displayName: 'External Tag',
			name: 'externalTag',
			type: 'string',
			default: '',
			description: 'Projects whose external tag contains this text',
		},
		{
			displayName: 'Project Name',
			name: 'projectName',
			type: 'string',
			default: '',
			description: 'Projects whose name contains this text',
		},
		{
			displayName: 'Project Type',
			name: 'projectType',
			type: 'options',
			default: 'all',
			options: [
				{ name: 'All', value: 'all' },
				{ name: 'Software Localization', value: 'softwareLocalization' },
				{ name: 'Not Software Localization', value: 'nonSoftwareLocalization' },
			],
		},
	],
};

/** The collection's value as the API client's filters. */
export function readProjectFilters(value: unknown): ProjectListFilters {
	const v = (value ?? {}) as Record<string, unknown>;
	const text = (key: string) => (typeof v[key] === 'string' ? (v[key] as string) : undefined);
	const type = text('projectType');
	return {
		projectName: text('projectName'),
		externalTag: text('externalTag'),
		createdByUserId: text('createdByUserId'),
		assignedToUserId: text('assignedToUserId'),
		clientIds: (text('clientIds') ?? '')
			.split(',')
			.map((id) => id.trim())
			.filter(Boolean),
		projectType:
			type === 'softwareLocalization' || type === 'nonSoftwareLocalization' ? type : undefined,
	};
}

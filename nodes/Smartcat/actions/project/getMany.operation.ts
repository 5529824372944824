import type { IDataObject } from 'n8n-workflow';

import { jsonItems, type Operation } from '../../../common/actions/operations';
import { listProjects, SMARTCAT_PAGE_LIMIT } from '../../api';
import { projectFiltersProperty, readProjectFilters } from '../../projectFilters';
import { limitProperty, returnAllProperty } from '../../../common/actions/properties';

export const getMany: Operation = {
	option: {
		name: 'Get Many',
		value: 'getMany',
		action: 'Get many projects',
		description: "The account's projects, with Smartcat's filters; one item per project",
	},
	properties: [
		returnAllProperty(),
		limitProperty(),
		projectFiltersProperty,
		{
			displayName: 'Include Documents',
			name: 'includeDocuments',
			type: 'boolean',
			default: true,
			description:
				"Whether each project carries its documents (with their statuses), as Smartcat's default",
		},
	],
	async execute(ctx, i) {
		const returnAll = ctx.getNodeParameter('returnAll', i, false) as boolean;
		const limit = returnAll ? Infinity : (ctx.getNodeParameter('limit', i, 50) as number);
		const filters = {
			...readProjectFilters(ctx.getNodeParameter('filters', i, {})),
			includeDocuments: ctx.getNodeParameter('includeDocuments', i, true) as boolean,
		};
		const projects: IDataObject[] = [];
		// Smartcat pages by offset, at most 100 a page; a short page is the last one
		for (let offset = 0; projects.length < limit; ) {
			const size = Math.min(SMARTCAT_PAGE_LIMIT, limit - projects.length);
			const page = await listProjects(ctx, filters, offset, size);
			projects.push(...(page as IDataObject[]));
			offset += page.length;
			if (page.length < size) break;
		}
		return jsonItems(projects, i);
	},
};

import type { IDataObject } from 'n8n-workflow';

import { jsonItems, type Operation } from '../../../common/actions/operations';
import { getProject } from '../../api';

export const get: Operation = {
	option: { name: 'Get', value: 'get', action: 'Get project' },
	properties: [
		{
			displayName: 'Project ID',
			name: 'projectId',
			type: 'string',
			required: true,
			default: '={{ $json.projectId }}',
			description: 'The Smartcat project ID; by default the projectId of the incoming item',
		},
	],
	async execute(ctx, i) {
		const project = await getProject(ctx, String(ctx.getNodeParameter('projectId', i)));
		return jsonItems(project as IDataObject, i);
	},
};

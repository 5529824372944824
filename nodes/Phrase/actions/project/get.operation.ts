import { jsonItems, type Operation } from '../../../common/actions/operations';
import { getProject } from '../../api';
import { projectUidProperty, text } from '../shared';

export const get: Operation = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get project',
		description: 'The project: status, languages, workflow steps, progress',
	},
	properties: [projectUidProperty],
	async execute(ctx, i) {
		return jsonItems(await getProject(ctx, text(ctx, 'projectUid', i)), i);
	},
};

import { jsonItems, type Operation } from '../../../common/actions/operations';
import { getJob } from '../../api';
import { jobUidProperty, projectUidProperty, text } from '../shared';

export const get: Operation = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get job',
		description: 'The job as Phrase TMS has it (status, languages, workflow step, dates)',
	},
	properties: [projectUidProperty, jobUidProperty],
	async execute(ctx, i) {
		return jsonItems(await getJob(ctx, text(ctx, 'projectUid', i), text(ctx, 'jobUid', i)), i);
	},
};

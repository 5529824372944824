import type { Operation } from '../../../common/actions/operations';
import { jsonItems } from '../../../common/actions/operations';
import { getJobComments, oneJobId } from '../../api';
import { jobIdProperty } from './shared';

export const getComments: Operation = {
	option: {
		name: 'Get Comments',
		value: 'getComments',
		action: 'Get job comments',
		description: 'One item per comment',
	},
	properties: [jobIdProperty],
	async execute(ctx, i) {
		const jobId = oneJobId(ctx.getNodeParameter('jobId', i));
		return jsonItems(await getJobComments(ctx, jobId), i);
	},
};

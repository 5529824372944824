import type { Operation } from '../../../common/actions/operations';
import { jsonItems } from '../../../common/actions/operations';
import { getJob, oneJobId } from '../../api';
import { jobIdProperty } from './shared';

export const get: Operation = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get job',
		description: 'The job with its translation',
	},
	properties: [jobIdProperty],
	async execute(ctx, i) {
		const jobId = oneJobId(ctx.getNodeParameter('jobId', i));
		return jsonItems(await getJob(ctx, jobId), i);
	},
};

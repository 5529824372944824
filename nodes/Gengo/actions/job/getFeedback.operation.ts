import type { Operation } from '../../../common/actions/operations';
import { jsonItems } from '../../../common/actions/operations';
import { getJobFeedback, oneJobId } from '../../api';
import { jobIdProperty } from './shared';

export const getFeedback: Operation = {
	option: { name: 'Get Feedback', value: 'getFeedback', action: 'Get job feedback' },
	properties: [jobIdProperty],
	async execute(ctx, i) {
		const jobId = oneJobId(ctx.getNodeParameter('jobId', i));
		return jsonItems(await getJobFeedback(ctx, jobId), i);
	},
};

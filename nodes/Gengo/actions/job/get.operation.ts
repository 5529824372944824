import type { Operation } from '../../../common/actions';
import { jsonItems } from '../../../common/actions';
import { getJob, parseJobIds } from '../../api';
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
		const jobId = parseJobIds(String(ctx.getNodeParameter('jobId', i)))[0] ?? '';
		return jsonItems(await getJob(ctx, jobId), i);
	},
};

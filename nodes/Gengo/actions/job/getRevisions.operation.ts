import type { Operation } from '../../../common/actions/operations';
import { jsonItems } from '../../../common/actions/operations';
import { getJobRevisions, oneJobId } from '../../api';
import { jobIdProperty } from './shared';

export const getRevisions: Operation = {
	option: {
		name: 'Get Revisions',
		value: 'getRevisions',
		action: 'Get job revisions',
		description: 'One item per revision',
	},
	properties: [jobIdProperty],
	async execute(ctx, i) {
		const jobId = oneJobId(ctx.getNodeParameter('jobId', i));
		return jsonItems(await getJobRevisions(ctx, jobId), i);
	},
};

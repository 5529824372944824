import type { Operation } from '../../../common/actions/operations';
import { jsonItems } from '../../../common/actions/operations';
import { getJobRevision, oneJobId } from '../../api';
import { jobIdProperty } from './shared';

export const getRevision: Operation = {
	option: {
		name: 'Get Revision',
		value: 'getRevision',
		action: 'Get job revision',
		description: 'One revision with its text',
	},
	properties: [
		jobIdProperty,
		{
			displayName: 'Revision ID',
			name: 'revisionId',
			type: 'string',
			required: true,
			default: '={{ $json.rev_id }}',
			description: 'A rev_id from Get Revisions',
		},
	],
	async execute(ctx, i) {
		const jobId = oneJobId(ctx.getNodeParameter('jobId', i));
		const revisionId = String(ctx.getNodeParameter('revisionId', i)).trim();
		return jsonItems(await getJobRevision(ctx, jobId, revisionId), i);
	},
};

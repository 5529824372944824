import type { Operation } from '../../../common/actions/operations';
import { jsonItems, refuseRetryOnFail } from '../../../common/actions/operations';
import { oneJobId } from '../../api';
import { commentOnJob } from '../../ordering';
import { commentProperty, readComment } from './comment';
import { jobIdProperty } from './shared';

const FIELD = 'Comment';

export const addComment: Operation = {
	option: {
		name: 'Add Comment',
		value: 'addComment',
		action: 'Add job comment',
		description: "Posts a comment to the job's thread, which its translator reads",
	},
	properties: [jobIdProperty, commentProperty(FIELD, 'The comment')],
	async execute(ctx, i) {
		refuseRetryOnFail(ctx, i, 'a comment');
		const jobId = oneJobId(ctx.getNodeParameter('jobId', i));
		return jsonItems(await commentOnJob(ctx, jobId, readComment(ctx, i, FIELD)), i);
	},
};

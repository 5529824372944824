import type { Operation } from '../../../common/actions/operations';
import { jsonItems, refuseRetryOnFail } from '../../../common/actions/operations';
import { oneJobId } from '../../api';
import { updateJob } from '../../ordering';
import { commentProperty, readComment } from './comment';
import { jobIdProperty } from './shared';

const FIELD = 'Comment';

export const requestRevision: Operation = {
	option: {
		name: 'Request Revision',
		value: 'requestRevision',
		action: 'Request job revision',
		description: 'Returns a reviewable job to its translator with what to change',
	},
	properties: [jobIdProperty, commentProperty(FIELD, 'What the translator should change')],
	async execute(ctx, i) {
		refuseRetryOnFail(ctx, i, 'a revision request');
		const jobId = oneJobId(ctx.getNodeParameter('jobId', i));
		const comment = readComment(ctx, i, FIELD);
		return jsonItems(await updateJob(ctx, jobId, { action: 'revise', comment }), i);
	},
};

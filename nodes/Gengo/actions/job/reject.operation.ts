import type { Operation } from '../../../common/actions/operations';
import { jsonItems, refuseRetryOnFail } from '../../../common/actions/operations';
import { oneJobId } from '../../api';
import { updateJob } from '../../ordering';
import { commentProperty, readComment } from './comment';
import { jobIdProperty } from './shared';

const FIELD = 'Comment';

export const reject: Operation = {
	option: {
		name: 'Reject',
		value: 'reject',
		action: 'Reject job',
		description:
			"Rejects a reviewable job's translation; Gengo's support team follows up (Request Revision is usually the better first step)",
	},
	properties: [
		jobIdProperty,
		{
			displayName: 'Reason',
			name: 'reason',
			type: 'options',
			options: [
				{ name: 'Quality', value: 'quality' },
				{ name: 'Incomplete', value: 'incomplete' },
				{ name: 'Other', value: 'other' },
			],
			default: 'quality',
		},
		commentProperty(FIELD, 'Why the translation is rejected'),
		{
			displayName: 'Follow-Up',
			name: 'followUp',
			type: 'options',
			options: [
				{
					name: 'Requeue',
					value: 'requeue',
					description: 'Another translator takes the job',
				},
				{ name: 'Cancel', value: 'cancel', description: 'The job is cancelled' },
			],
			default: 'requeue',
		},
	],
	async execute(ctx, i) {
		refuseRetryOnFail(ctx, i, 'a rejection');
		const jobId = oneJobId(ctx.getNodeParameter('jobId', i));
		const comment = readComment(ctx, i, FIELD);
		const reason = ctx.getNodeParameter('reason', i) as 'quality' | 'incomplete' | 'other';
		const followUp = ctx.getNodeParameter('followUp', i) as 'requeue' | 'cancel';
		return jsonItems(
			await updateJob(ctx, jobId, { action: 'reject', reason, comment, follow_up: followUp }),
			i,
		);
	},
};

import { NodeOperationError } from 'n8n-workflow';

import type { Operation } from '../../../common/actions/operations';
import { jsonItems, refuseRetryOnFail } from '../../../common/actions/operations';
import { oneJobId } from '../../api';
import { updateJob, type JobAction } from '../../ordering';
import { jobIdProperty } from './shared';

export const approve: Operation = {
	option: {
		name: 'Approve',
		value: 'approve',
		action: 'Approve job',
		description:
			'Approves a reviewable job, with an optional rating and feedback; the translator is paid',
	},
	properties: [
		jobIdProperty,
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add option',
			default: {},
			options: [
				{
					displayName: 'Rating',
					name: 'rating',
					type: 'number',
					typeOptions: { minValue: 1, maxValue: 5, numberPrecision: 0 },
					default: 5,
					description: 'From 1 (poor) to 5 (fantastic)',
				},
				{
					displayName: 'Feedback for the Translator',
					name: 'forTranslator',
					type: 'string',
					typeOptions: { rows: 2 },
					default: '',
				},
				{
					displayName: 'Feedback for Gengo',
					name: 'forGengo',
					type: 'string',
					typeOptions: { rows: 2 },
					default: '',
					description: "Private comments for Gengo's staff",
				},
				{
					displayName: 'Public',
					name: 'public',
					type: 'boolean',
					default: false,
					description: 'Whether Gengo may share this feedback publicly',
				},
			],
		},
	],
	async execute(ctx, i) {
		refuseRetryOnFail(ctx, i, 'an approval');
		const jobId = oneJobId(ctx.getNodeParameter('jobId', i));
		const options = ctx.getNodeParameter('options', i, {}) as {
			rating?: unknown;
			forTranslator?: string;
			forGengo?: string;
			public?: boolean;
		};
		const update: JobAction = { action: 'approve' };
		if (options.rating !== undefined && options.rating !== '') {
			const rating = Number(options.rating);
			if (!Number.isInteger(rating) || rating < 1 || rating > 5)
				throw new NodeOperationError(
					ctx.getNode(),
					`Rating "${String(options.rating).slice(0, 20)}" is not a whole number from 1 to 5`,
					{
						itemIndex: i,
						description: 'Gengo rates a translation from 1 (poor) to 5 (fantastic).',
					},
				);
			update.rating = rating;
		}
		if (options.forTranslator?.trim()) update.for_translator = options.forTranslator;
		if (options.forGengo?.trim()) update.for_mygengo = options.forGengo;
		if (options.public !== undefined) update.public = options.public ? 1 : 0;
		return jsonItems(await updateJob(ctx, jobId, update), i);
	},
};

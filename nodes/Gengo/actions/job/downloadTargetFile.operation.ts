import type { Operation } from '../../../common/actions';
import { downloadTargetFile, oneJobId } from '../../api';
import { jobIdProperty } from './shared';

export const downloadTargetFileOperation: Operation = {
	option: {
		name: 'Download Target File',
		value: 'downloadTargetFile',
		action: 'Download target file',
		description: 'The translated file of a file job, as binary data',
	},
	properties: [
		jobIdProperty,
		{
			displayName: 'Put Output File in Field',
			name: 'binaryPropertyName',
			type: 'string',
			required: true,
			default: 'data',
			hint: 'The name of the output binary field to put the file in',
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add option',
			default: {},
			options: [
				{
					displayName: 'Timeout (Seconds)',
					name: 'timeout',
					type: 'number',
					typeOptions: { minValue: 1, maxValue: 3600 },
					default: 60,
					description:
						'How long to wait for Gengo to prepare the file of a reviewable or approved job (file_download_ready) before failing',
				},
			],
		},
	],
	async execute(ctx, i) {
		const jobId = oneJobId(ctx.getNodeParameter('jobId', i));
		const field = ctx.getNodeParameter('binaryPropertyName', i) as string;
		const { timeout = 60 } = ctx.getNodeParameter('options', i, {}) as { timeout?: number };
		return [await downloadTargetFile(ctx, jobId, field, i, timeout * 1000)];
	},
};

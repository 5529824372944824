import type { Operation } from '../../../common/actions';
import { downloadTargetFile, parseJobIds } from '../../api';
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
	],
	async execute(ctx, i) {
		const jobId = parseJobIds(String(ctx.getNodeParameter('jobId', i)))[0] ?? '';
		const field = ctx.getNodeParameter('binaryPropertyName', i) as string;
		return [await downloadTargetFile(ctx, jobId, field, i)];
	},
};

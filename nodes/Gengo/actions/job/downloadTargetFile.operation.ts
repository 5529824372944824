import {
	downloadLimits,
	maxFileSizeProperty,
	type Operation,
} from '../../../common/actions/operations';
import { downloadTargetFile, oneJobId } from '../../api';
import { jobIdProperty } from './shared';
import { outputBinaryProperty } from '../../../common/actions/properties';

export const downloadTargetFileOperation: Operation = {
	option: {
		name: 'Download Target File',
		value: 'downloadTargetFile',
		action: 'Download target file',
		description: 'The translated file of a file job, as binary data',
	},
	properties: [
		jobIdProperty,
		outputBinaryProperty,
		{
			displayName: 'File URL (If Job GET Has None)',
			name: 'fileUrl',
			type: 'string',
			default: '={{ $json.fileUrl ?? "" }}',
			description:
				"The translated file's link from Gengo's callback (the Gengo Trigger's fileUrl), used only when the job is translated and Gengo's Job GET gives no file_url_tgt",
		},
		maxFileSizeProperty,
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
		const fileUrl = ctx.getNodeParameter('fileUrl', i, '');
		return [
			await downloadTargetFile(
				ctx,
				jobId,
				field,
				i,
				timeout * 1000,
				typeof fileUrl === 'string' ? fileUrl.trim() : '',
				downloadLimits(ctx, i),
			),
		];
	},
};

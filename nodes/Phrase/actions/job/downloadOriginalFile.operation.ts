import { downloadBinary } from '../../../common/http/binaryDownload';
import {
	downloadLimits,
	maxFileSizeProperty,
	type Operation,
} from '../../../common/actions/operations';
import { originalFilePath } from '../../api';
import { PHRASE_API } from '../../transport';
import { jobUidProperty, projectUidProperty, text } from '../shared';
import { outputBinaryProperty } from '../../../common/actions/properties';

/** The source file of a job as it was imported (`GET /api2/v1/projects/{p}/jobs/{j}/original`). */
export const downloadOriginalFile: Operation = {
	option: {
		name: 'Download Original File',
		value: 'downloadOriginalFile',
		action: 'Download original file',
		description: 'The source file as it was imported, as binary data',
	},
	properties: [projectUidProperty, jobUidProperty, outputBinaryProperty, maxFileSizeProperty],
	async execute(ctx, i) {
		const projectUid = text(ctx, 'projectUid', i);
		const jobUid = text(ctx, 'jobUid', i);
		const field = ctx.getNodeParameter('binaryPropertyName', i) as string;
		const binary = await downloadBinary(
			ctx,
			PHRASE_API,
			{ method: 'GET', path: originalFilePath(projectUid, jobUid) },
			`${jobUid}-original`,
			downloadLimits(ctx, i),
		);
		return [
			{
				json: { projectId: projectUid, jobId: jobUid, fileName: binary.fileName ?? null },
				binary: { [field]: binary },
				pairedItem: { item: i },
			},
		];
	},
};

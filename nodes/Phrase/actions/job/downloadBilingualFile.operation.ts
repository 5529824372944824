import { downloadBinary } from '../../../common/http/binaryDownload';
import {
	downloadLimits,
	maxFileSizeProperty,
	type Operation,
} from '../../../common/actions/operations';
import { bilingualFileRequest } from '../../api';
import { PHRASE_API } from '../../transport';
import { jobUidProperty, projectUidProperty, text } from '../shared';
import { outputBinaryProperty } from '../../../common/actions/properties';

/** A job as an MXLIFF file (`POST /api2/v1/projects/{p}/jobs/bilingualFile?format=MXLF`, body `{jobs: [{uid}]}`). */
export const downloadBilingualFile: Operation = {
	option: {
		name: 'Download Bilingual File',
		value: 'downloadBilingualFile',
		action: 'Download bilingual file',
		description: 'The job as an MXLIFF file (source and target segments), as binary data',
	},
	properties: [projectUidProperty, jobUidProperty, outputBinaryProperty, maxFileSizeProperty],
	async execute(ctx, i) {
		const projectUid = text(ctx, 'projectUid', i);
		const jobUid = text(ctx, 'jobUid', i);
		const field = ctx.getNodeParameter('binaryPropertyName', i) as string;
		const { path, body } = bilingualFileRequest(projectUid, jobUid);
		const binary = await downloadBinary(
			ctx,
			PHRASE_API,
			{ method: 'POST', path, body },
			`${jobUid}.mxliff`,
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

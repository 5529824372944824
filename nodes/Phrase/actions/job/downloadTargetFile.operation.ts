import { downloadBinary, waitForVendorJob } from '../../../common/http/binaryDownload';
import {
	downloadLimits,
	maxFileSizeProperty,
	type Operation,
} from '../../../common/actions/operations';
import { getAsyncRequest, startTargetFileExport, targetFileDownloadPath } from '../../api';
import { PHRASE_API, PhraseApiError } from '../../transport';
import { jobUidProperty, projectUidProperty, text } from '../shared';
import { outputBinaryProperty } from '../../../common/actions/properties';

/**
 * The translated file of a job. Phrase prepares it asynchronously (developers.phrase.com/en/api/tms/latest/job/
 * download-target-file-async): `PUT /api2/v3/projects/{p}/jobs/{j}/targetFile` starts the export, `GET
 * /api2/v1/async/{id}` is polled until `asyncResponse` is set, then `GET /api2/v2/.../downloadTargetFile/{id}`
 * gives the file (once).
 */
export const downloadTargetFile: Operation = {
	option: {
		name: 'Download Target File',
		value: 'downloadTargetFile',
		action: 'Download target file',
		description: 'The translated file, as binary data (Phrase exports it first; the node waits)',
	},
	properties: [
		projectUidProperty,
		jobUidProperty,
		outputBinaryProperty,
		maxFileSizeProperty,
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{
					displayName: 'Timeout (Seconds)',
					name: 'timeout',
					type: 'number',
					typeOptions: { minValue: 5, maxValue: 3600 },
					default: 300,
					description: 'How long to wait for Phrase to export the file before failing',
				},
			],
		},
	],
	async execute(ctx, i) {
		const projectUid = text(ctx, 'projectUid', i);
		const jobUid = text(ctx, 'jobUid', i);
		const field = ctx.getNodeParameter('binaryPropertyName', i) as string;
		const { timeout = 300 } = ctx.getNodeParameter('options', i, {}) as { timeout?: number };
		const asyncRequestId = await startTargetFileExport(ctx, projectUid, jobUid);
		const what = `Phrase TMS's export of the target file of job ${jobUid} (asynchronous request ${asyncRequestId})`;
		await waitForVendorJob(
			what,
			async () => {
				const outcome = await getAsyncRequest(ctx, asyncRequestId);
				if (!outcome) return { done: false };
				if (outcome.errorCode)
					throw new PhraseApiError(
						`${what} failed: ${outcome.errorCode}${outcome.errorDesc ? `: ${outcome.errorDesc}` : ''}`,
						422,
						{ vendorCode: outcome.errorCode },
					);
				return { done: true, value: undefined };
			},
			{ timeoutMs: timeout * 1000, intervalMs: 1000 },
		);
		const binary = await downloadBinary(
			ctx,
			PHRASE_API,
			{ method: 'GET', path: targetFileDownloadPath(projectUid, jobUid, asyncRequestId) },
			`${jobUid}-target`,
			downloadLimits(ctx, i),
		);
		return [
			{
				json: {
					projectId: projectUid,
					jobId: jobUid,
					asyncRequestId,
					fileName: binary.fileName ?? null,
				},
				binary: { [field]: binary },
				pairedItem: { item: i },
			},
		];
	},
};

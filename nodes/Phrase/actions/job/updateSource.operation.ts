import { NodeOperationError, type IDataObject } from 'n8n-workflow';

import {
	listParameter,
	refuseRetryOnFail,
	type Operation,
} from '../../../common/actions/operations';
import { checkedId } from '../../../common/http/httpClient';
import { requiredLocator } from '../../../common/actions/resourceLocator';
import { getJob, updateJobSource } from '../../api';
import { PHRASE_ID } from '../../schemas';
import {
	fileProperty,
	JOB_LOCATOR,
	jobItems,
	jobOfItemProperty,
	fileToSend,
	maxFileSizeOption,
	PROJECT_LOCATOR,
	projectOfItemProperty,
} from '../shared';

/**
 * Statuses in which Phrase's "Update source" refuses a job: "COMPLETED_BY_LINGUIST, COMPLETED, CANCELLED" in
 * webhook naming (developers.phrase.com/en/api/tms/latest/job/update-source), i.e. COMPLETED, DELIVERED and
 * CANCELLED as `GET .../jobs/{j}` answers them.
 */
const FINAL_API_STATUSES = ['COMPLETED', 'DELIVERED', 'CANCELLED'];

/** Phrase's limit on the jobs of one update ("maximum size 100"). */
const MAX_JOBS = 100;

/**
 * Phrase's "Update source" (developers.phrase.com/en/api/tms/latest/job/update-source): `POST
 * /api2/v1/projects/{projectUid}/jobs/source`, the new file as the body, `{jobs: [{uid}], preTranslate}` in the
 * `Memsource` header. Phrase re-imports the file for those jobs (of the first workflow step, none completed or
 * cancelled): sent once, never again on its own (`createsWork`); Phrase documents no idempotency key for it.
 */
export const updateSource: Operation = {
	option: {
		name: 'Update Source',
		value: 'updateSource',
		action: 'Update job source',
		description:
			"Send a new version of a job's source file (Phrase re-imports it and counts the new words towards the allowance)",
	},
	properties: [
		projectOfItemProperty,
		jobOfItemProperty,
		fileProperty,
		{
			displayName:
				'Phrase re-imports the file for the job of each target language given, and counts new words towards your allowance. It is sent once: if Phrase may have received it but did not answer, the node says so instead of sending it again.',
			name: 'costNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{
					displayName: 'Allow Automatic Post-Editing Analysis',
					name: 'allowAutomaticPostAnalysis',
					type: 'boolean',
					default: true,
					description:
						"Whether Phrase creates a post-editing analysis automatically (default: the project's analysis settings)",
				},
				{
					displayName: 'File Name',
					name: 'fileName',
					type: 'string',
					default: '',
					description: "The name Phrase shows for the new file; default: the binary's file name",
				},
				maxFileSizeOption,
				{
					displayName: 'More Job UIDs',
					name: 'moreJobs',
					type: 'string',
					default: '',
					description:
						"The same file's jobs in other target languages (first workflow step), comma-separated or a list from an expression; Phrase updates at most 100 jobs at once",
				},
				{
					displayName: 'Pre-Translate',
					name: 'preTranslate',
					type: 'boolean',
					default: false,
					description: 'Whether Phrase pre-translates the updated jobs',
				},
			],
		},
	],
	async execute(ctx, i) {
		refuseRetryOnFail(ctx, i, 'a new source file sent to Phrase TMS');
		const projectUid = requiredLocator(ctx, PROJECT_LOCATOR, i);
		const jobUid = requiredLocator(ctx, JOB_LOCATOR, i);
		const options = ctx.getNodeParameter('options', i, {}) as {
			allowAutomaticPostAnalysis?: boolean;
			fileName?: string;
			maxFileSize?: number;
			moreJobs?: string | string[];
			preTranslate?: boolean;
		};
		const more = listParameter(options.moreJobs);
		const jobs = [...new Set([jobUid, ...more])].map((uid) => {
			try {
				return checkedId(uid, PHRASE_ID, 'Phrase job UID');
			} catch {
				throw new NodeOperationError(
					ctx.getNode(),
					`Options: More Job UIDs: "${uid.slice(0, 40)}" is not a Phrase job UID`,
					{ itemIndex: i },
				);
			}
		});
		if (jobs.length > MAX_JOBS)
			throw new NodeOperationError(
				ctx.getNode(),
				`Options: More Job UIDs: ${jobs.length} jobs, Phrase updates at most ${MAX_JOBS} at once`,
				{ itemIndex: i },
			);
		const file = await fileToSend(ctx, i, options);
		if (/\.zip$/i.test(file.fileName))
			throw new NodeOperationError(
				ctx.getNode(),
				`Input Binary Field: "${file.fileName}" is a .zip file, which Phrase does not take as a new source`,
				{ itemIndex: i, description: 'Phrase\'s Update source: "file cannot be a .zip file".' },
			);

		// The job as Phrase has it, checked against Phrase's documented restrictions before the file is sent; the
		// request also renews an expired session (the update itself is never sent twice, not even after a 401).
		const job = await getJob(ctx, projectUid, jobUid);
		const level = Number(job.workflowLevel ?? 1);
		if (level !== 1)
			throw new NodeOperationError(
				ctx.getNode(),
				`Job: ${jobUid} is a job of workflow step ${level}; Phrase updates the source through the job of the first step`,
				{ itemIndex: i, description: 'Choose the job of workflow step 1 (the list shows those).' },
			);
		if (FINAL_API_STATUSES.includes(String(job.status)))
			throw new NodeOperationError(
				ctx.getNode(),
				`Job: ${jobUid} is ${String(job.status)}; Phrase does not update the source of a completed or cancelled job`,
				{ itemIndex: i },
			);

		const metadata: IDataObject = { jobs: jobs.map((uid) => ({ uid })) };
		if (options.preTranslate !== undefined) metadata.preTranslate = options.preTranslate;
		if (options.allowAutomaticPostAnalysis !== undefined)
			metadata.allowAutomaticPostAnalysis = options.allowAutomaticPostAnalysis;
		const answer = await updateJobSource(
			ctx,
			projectUid,
			file,
			metadata,
			`Before running this again, look at the job in Phrase TMS (Job → Get on ${jobUid}): an updateSourceDate from this run means Phrase took the new file.`,
		);
		return jobItems(answer, projectUid, i);
	},
};

import { NodeOperationError } from 'n8n-workflow';

import { refuseRetryOnFail, type Operation } from '../../../common/actions/operations';
import { requiredLocator } from '../../../common/actions/resourceLocator';
import { getJob, setJobStatus } from '../../api';
import { API_STATUS_OPTIONS } from '../../statuses';
import { JOB_LOCATOR, jobOfItemProperty, PROJECT_LOCATOR, projectOfItemProperty } from '../shared';

/**
 * Phrase's "Edit job status" (developers.phrase.com/en/api/tms/latest/job/edit-job-status): `POST
 * /api2/v1/projects/{p}/jobs/{j}/setStatus` with `{requestedStatus, notifyOwner, propagateStatus}`, answered 204.
 * Statuses are the API's names (the trigger's items carry them as `apiStatus`). It may e-mail the owners and the
 * next step's providers, so it is sent once too (`createsWork`).
 */
export const setStatus: Operation = {
	option: {
		name: 'Set Status',
		value: 'setStatus',
		action: 'Set job status',
		description: "Change a job's status (e.g. mark it completed, or cancel it)",
	},
	properties: [
		projectOfItemProperty,
		jobOfItemProperty,
		{
			displayName: 'Status',
			name: 'requestedStatus',
			type: 'options',
			options: API_STATUS_OPTIONS,
			default: 'COMPLETED',
			description:
				"The job's new status, in Phrase's API naming (Completed is the linguist's completion, Delivered the project manager's)",
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{
					displayName: 'Notify Owner',
					name: 'notifyOwner',
					type: 'boolean',
					default: false,
					description:
						"Whether Phrase notifies the project's and the job's owner (subject to the project's notification settings)",
				},
				{
					displayName: 'Propagate Status',
					name: 'propagateStatus',
					type: 'boolean',
					default: false,
					description:
						"Whether the status also moves the job in the other workflow steps, with Phrase's e-mails to the previous or next provider",
				},
			],
		},
	],
	async execute(ctx, i) {
		refuseRetryOnFail(ctx, i, "a job's status change");
		const projectUid = requiredLocator(ctx, PROJECT_LOCATOR, i);
		const jobUid = requiredLocator(ctx, JOB_LOCATOR, i);
		const requestedStatus = String(ctx.getNodeParameter('requestedStatus', i)).trim().toUpperCase();
		if (!API_STATUS_OPTIONS.some((o) => o.value === requestedStatus))
			throw new NodeOperationError(
				ctx.getNode(),
				`Status: "${requestedStatus.slice(0, 40)}" is not a job status Phrase TMS can set`,
				{
					itemIndex: i,
					description: `One of ${API_STATUS_OPTIONS.map((o) => o.value).join(', ')} (Phrase's API names).`,
				},
			);
		const options = ctx.getNodeParameter('options', i, {}) as {
			notifyOwner?: boolean;
			propagateStatus?: boolean;
		};
		// the job before: it exists in this project, and an expired session is renewed before the change is sent
		const before = await getJob(ctx, projectUid, jobUid);
		await setJobStatus(
			ctx,
			projectUid,
			jobUid,
			{ requestedStatus, ...options },
			`Before running this again, look at the job's status in Phrase TMS (Job → Get on ${jobUid}).`,
		);
		const after = await getJob(ctx, projectUid, jobUid);
		return [
			{
				json: {
					projectId: projectUid,
					jobId: jobUid,
					previousStatus: before.status ?? null,
					...after,
				},
				pairedItem: { item: i },
			},
		];
	},
};

import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { ignoreDelivery, orRetryLater, startWorkflow } from '../common/delivery';
import { getJobs, listProjectJobs } from './api';
import { buildAllJobsItem } from './output';
import type { PhraseJobPart } from './schemas';
import { apiStatusOf } from './statuses';

/**
 * What the Phrase TMS Trigger asks the API for a delivery: "Fetch Full Job" (each job part's job) and "Only When
 * All Jobs in the Project Reached" (every job of the project). A failed lookup answers 503 so Phrase retries.
 */
export async function fetchJobs(
	ctx: IWebhookFunctions,
	parts: PhraseJobPart[],
): Promise<IDataObject[]> {
	return await orRetryLater(
		ctx,
		getJobs(
			ctx,
			parts.map((part) => ({ projectUid: part.project?.uid ?? '', jobUid: part.uid })),
		),
		'Phrase TMS Trigger: fetching jobs failed',
		'could not fetch the jobs from Phrase TMS; retry later',
	);
}

/** "Only when all jobs in the project reached": one item per project whose every job has the status. */
export async function allJobsReached(
	ctx: IWebhookFunctions,
	body: Parameters<typeof buildAllJobsItem>[0],
	parts: PhraseJobPart[],
	apiStatus: string,
	receivedAt: Date,
) {
	const projects = [
		...new Set(
			parts
				.filter((p) => apiStatusOf(p.status ?? '') === apiStatus)
				.map((p) => p.project?.uid)
				.filter((uid): uid is string => !!uid),
		),
	];
	const items: IDataObject[] = [];
	for (const projectUid of projects) {
		const jobs = await orRetryLater(
			ctx,
			listProjectJobs(ctx, projectUid),
			`Phrase TMS Trigger: listing the jobs of project ${projectUid} failed`,
			"could not list the project's jobs in Phrase TMS; retry later",
		);
		if (jobs.length > 0 && jobs.every((job) => job.status === apiStatus))
			items.push(buildAllJobsItem(body, projectUid, apiStatus, jobs, receivedAt));
	}
	if (items.length === 0)
		return ignoreDelivery(ctx, `not every job of the project has reached ${apiStatus} yet`);
	return startWorkflow(ctx, items);
}

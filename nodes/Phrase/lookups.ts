import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { mapWithConcurrency } from '../common/http/concurrency';
import { orRetryLater } from '../common/delivery/answers';
import { DELIVERY_LIMITS, WorkBudget } from '../common/delivery/workBudget';
import { getJob, listJobsPage, type CallLimits } from './api';
import { buildAllJobsItem, buildAllJobsUncheckedItem, buildPhraseJobItem } from './output';
import type { PhraseDelivery, PhraseJobPart } from './schemas';
import { apiStatusOf } from './statuses';

/**
 * What the Phrase TMS Trigger asks the API for one delivery: "Fetch Full Job" (each job part's job) and "Only When
 * All Jobs in the Project Reached" (counts of a project's jobs). Both draw on one WorkBudget (DELIVERY_LIMITS: 50
 * calls, 20 s) and on the limits below; what does not fit is emitted flagged, never dropped (README "Bounded
 * work"). A lookup that fails answers 503, so Phrase retries the delivery.
 */
export const PHRASE_LOOKUP_LIMITS = {
	/** jobs fetched at a time for "Fetch Full Job" */
	concurrency: 4,
	/** (project, workflow step) pairs checked for "all jobs reached" per delivery */
	projects: 10,
	/** jobs listed in an "all jobs reached" item (10 pages of 50); `jobCount` is always the full count */
	listedJobs: 500,
} as const;

const BUDGET_REASON = `the delivery's lookup limit (${DELIVERY_LIMITS.calls} Phrase API calls, ${DELIVERY_LIMITS.ms / 1000} s) was reached`;

/** Per-call limits inside a delivery: no longer than the time left, and a 429 is not waited out. */
const callLimits = (budget: WorkBudget): CallLimits => ({
	timeoutMs: Math.max(1_000, Math.min(10_000, budget.remainingMs())),
	rateLimitWaitMs: 0,
});

/**
 * "Fetch Full Job": one item per part, with the job as the API has it. Parts beyond the budget, or without a
 * project uid to ask with, carry `jobLookupSkipped` (the reason) instead of `job`.
 */
export async function jobItemsWithFullJobs(
	ctx: IWebhookFunctions,
	body: PhraseDelivery,
	parts: PhraseJobPart[],
	receivedAt: Date,
	budget = new WorkBudget(),
): Promise<IDataObject[]> {
	const jobs = await orRetryLater(
		ctx,
		mapWithConcurrency(parts, PHRASE_LOOKUP_LIMITS.concurrency, async (part) => {
			const projectUid = part.project?.uid;
			if (!projectUid) return { skipped: 'the job part names no project uid' };
			if (!budget.take()) return { skipped: BUDGET_REASON };
			return { job: await getJob(ctx, projectUid, part.uid, callLimits(budget)) };
		}),
		'Phrase TMS Trigger: fetching jobs failed',
		'could not fetch the jobs from Phrase TMS; retry later',
	);
	return parts.map((part, i) => {
		const found = jobs[i] as { job?: IDataObject; skipped?: string };
		return buildPhraseJobItem(body, part, receivedAt, {
			apiJob: found.job,
			extra: found.skipped ? { jobLookupSkipped: found.skipped } : undefined,
		});
	});
}

interface StepCheck {
	projectUid: string;
	workflowLevel: number;
	parts: PhraseJobPart[];
}

/**
 * Whether every job of one workflow step of a project has the status, from two counts (`totalElements` of
 * `GET /api2/v2/projects/{p}/jobs?workflowLevel=L&status=S` and of the same without status), whatever the
 * project's size; then the jobs themselves, up to PHRASE_LOOKUP_LIMITS.listedJobs.
 */
async function checkStep(
	ctx: IWebhookFunctions,
	step: StepCheck,
	apiStatus: string,
	budget: WorkBudget,
): Promise<
	| { reached: false }
	| { reached: true; jobCount: number; jobs: IDataObject[]; jobsComplete: boolean }
	| { skipped: string }
> {
	const level = { workflowLevel: step.workflowLevel };
	if (!budget.take()) return { skipped: BUDGET_REASON };
	const withStatus = await listJobsPage(
		ctx,
		step.projectUid,
		{ ...level, status: [apiStatus], pageSize: 50 },
		callLimits(budget),
	);
	if (withStatus.totalElements === 0) return { reached: false };
	if (!budget.take()) return { skipped: BUDGET_REASON };
	const all = await listJobsPage(
		ctx,
		step.projectUid,
		{ ...level, pageSize: 1 },
		callLimits(budget),
	);
	if (all.totalElements !== withStatus.totalElements) return { reached: false };

	const jobs = [...withStatus.content];
	for (
		let pageNumber = 1;
		pageNumber < withStatus.totalPages &&
		jobs.length < PHRASE_LOOKUP_LIMITS.listedJobs &&
		budget.take();
		pageNumber++
	) {
		const next = await listJobsPage(
			ctx,
			step.projectUid,
			{ ...level, status: [apiStatus], pageNumber, pageSize: 50 },
			callLimits(budget),
		);
		if (next.content.length === 0) break;
		jobs.push(...next.content);
	}
	return {
		reached: true,
		jobCount: all.totalElements,
		jobs,
		jobsComplete: jobs.length >= all.totalElements,
	};
}

/**
 * "Only when all jobs in the project reached": for each project and workflow step whose job parts now have the
 * status, one item when every job of that step has it. Steps beyond PHRASE_LOOKUP_LIMITS.projects or the budget
 * get an `allJobsChecked: false` item instead. Returns the items (none: no step is complete yet); the trigger
 * decides the answer.
 */
export async function allJobsReached(
	ctx: IWebhookFunctions,
	body: PhraseDelivery,
	parts: PhraseJobPart[],
	apiStatus: string,
	receivedAt: Date,
	budget = new WorkBudget(),
): Promise<IDataObject[]> {
	const steps = new Map<string, StepCheck>();
	for (const part of parts) {
		const projectUid = part.project?.uid;
		if (!projectUid || apiStatusOf(part.status ?? '') !== apiStatus) continue;
		const workflowLevel = part.workflowLevel ?? 1;
		const key = `${projectUid}\n${workflowLevel}`;
		const step = steps.get(key) ?? { projectUid, workflowLevel, parts: [] };
		step.parts.push(part);
		steps.set(key, step);
	}
	const items: IDataObject[] = [];
	let checked = 0;
	for (const step of steps.values()) {
		const outcome =
			checked++ < PHRASE_LOOKUP_LIMITS.projects
				? await orRetryLater(
						ctx,
						checkStep(ctx, step, apiStatus, budget),
						`Phrase TMS Trigger: listing the jobs of project ${step.projectUid} failed`,
						"could not list the project's jobs in Phrase TMS; retry later",
					)
				: {
						skipped: `a delivery checks at most ${PHRASE_LOOKUP_LIMITS.projects} projects and workflow steps`,
					};
		const at = { projectUid: step.projectUid, workflowLevel: step.workflowLevel, apiStatus };
		if ('skipped' in outcome)
			items.push(
				buildAllJobsUncheckedItem(body, { ...at, reason: outcome.skipped }, step.parts, receivedAt),
			);
		else if (outcome.reached) items.push(buildAllJobsItem(body, { ...at, ...outcome }, receivedAt));
	}
	return items;
}

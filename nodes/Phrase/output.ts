import type { IDataObject } from 'n8n-workflow';

import { optionalDate } from '../common/delivery/dates';
import { buildEnvelope } from '../common/delivery/envelope';
import { projectNameOf } from './filters';
import type { PhraseDelivery, PhraseJobPart } from './schemas';
import { apiStatusOf } from './statuses';

/**
 * When the event happened: Phrase's `timestamp` is Unix seconds (1741357466 in a JOB_CREATED whose job was
 * created at 2025-03-07T14:24:21Z; Blackbird's Phrase app reads it with FromUnixTimeSeconds). A number too large
 * for seconds is taken as milliseconds; a string that is no number as an ISO 8601 date (common/delivery/dates.ts); anything
 * else is no time (null): the event itself is still delivered.
 */
export function occurredAtOf(timestamp: PhraseDelivery['timestamp']): Date | null {
	return optionalDate(timestamp, 'timestamp');
}

/** What tells two deliveries of one event about one job apart (content keys): status, due date or assignment. */
function jobEventDetail(event: string, part: PhraseJobPart): string {
	if (event === 'JOB_DUE_DATE_CHANGED') return part.dateDue ?? '';
	if (event === 'JOB_ASSIGNED') return JSON.stringify(part.assignedTo ?? []);
	return part.status ?? '';
}

/**
 * How an item's `eventKey` is made (README "eventKey", the same in the trigger and the Catch-Up Trigger): from the
 * delivery's `eventUid`, which Phrase gives every event and keeps when it delivers it again (a retry, a replay from
 * the webhook's history), plus the job part's uid, so each part of one event has its own key:
 * `phrase:<event>:<eventUid>[:<job part uid>]`. A delivery without `eventUid` (Phrase's own payload examples show
 * none) gets a key of what the event says about the job part or project (its status, due date or assignment): two
 * such events that say the same thing get the same key.
 */
const eventUidOf = (body: PhraseDelivery) => body.eventUid || undefined;

/** The assigned vendors and linguists, flattened: `[{type: "linguist", userName, email, ...}]`. */
function assignees(part: PhraseJobPart): IDataObject[] {
	return (part.assignedTo ?? []).flatMap((entry) =>
		Object.entries(entry)
			.filter(([, who]) => who && typeof who === 'object')
			.map(([type, who]) => ({ type, ...(who as IDataObject) })),
	);
}

/** One item per job part (docs/design.md): ids, both status namings, the part as sent, the payload's metadata. */
export function buildPhraseJobItem(
	body: PhraseDelivery,
	part: PhraseJobPart,
	receivedAt: Date,
	options: { apiJob?: IDataObject; extra?: IDataObject } = {},
): IDataObject {
	const status = part.status ?? null;
	const eventUid = eventUidOf(body);
	return buildEnvelope(
		{
			vendor: 'phrase',
			event: body.event,
			eventKey: eventUid
				? `phrase:${body.event}:${eventUid}:${part.uid}`
				: `phrase:${body.event}:${part.uid}:${jobEventDetail(body.event, part)}`,
			occurredAt: occurredAtOf(body.timestamp),
			receivedAt,
			jobId: part.uid,
			projectId: part.project?.uid ?? null,
			status,
		},
		{
			eventUid: body.eventUid ?? null,
			apiStatus: status ? apiStatusOf(status) : null,
			targetLang: part.targetLang ?? null,
			fileName: part.fileName ?? null,
			workflowLevel: part.workflowLevel ?? null,
			projectName: projectNameOf(part, body.metadata as IDataObject | null | undefined) || null,
			assignedTo: assignees(part),
			jobPart: part as IDataObject,
			...(options.apiJob ? { job: options.apiJob } : {}),
			...options.extra,
			metadata: (body.metadata ?? null) as IDataObject | null,
		},
	);
}

/** The "one item per delivery" option. */
export function buildPhraseBatchItem(
	body: PhraseDelivery,
	parts: PhraseJobPart[],
	receivedAt: Date,
): IDataObject {
	const eventUid = eventUidOf(body);
	return buildEnvelope(
		{
			vendor: 'phrase',
			event: body.event,
			eventKey: eventUid
				? `phrase:${body.event}:${eventUid}`
				: `phrase:${body.event}:${parts.map((p) => `${p.uid}:${jobEventDetail(body.event, p)}`).join(',')}`,
			occurredAt: occurredAtOf(body.timestamp),
			receivedAt,
		},
		{
			eventUid: body.eventUid ?? null,
			jobParts: parts as IDataObject[],
			metadata: (body.metadata ?? null) as IDataObject | null,
		},
	);
}

/** The project an event without job parts is about: `project`, or ANALYSIS_CREATED's `analyse.project`. */
function projectOf(body: PhraseDelivery): IDataObject | null {
	if (body.project) return body.project as IDataObject;
	const analysed = (body.analyse as IDataObject | undefined)?.project;
	return analysed && typeof analysed === 'object' ? (analysed as IDataObject) : null;
}

/** Project, template and other events, and JOB_UNEXPORTED (`{jobUid, error}`): one item with what was sent. */
export function buildPhraseOtherItem(body: PhraseDelivery, receivedAt: Date): IDataObject {
	const project = projectOf(body);
	const projectUid = typeof project?.uid === 'string' ? project.uid : null;
	const projectStatus = typeof body.project?.status === 'string' ? body.project.status : null;
	const { event, timestamp, ...rest } = body;
	const eventUid = eventUidOf(body);
	const contentKey = body.jobUid
		? `phrase:${event}:${body.jobUid}:${String(timestamp ?? '')}`
		: `phrase:${event}:${body.project?.uid ?? ''}:${body.project?.status ?? String((body.project as IDataObject | null | undefined)?.dateDue ?? timestamp ?? '')}`;
	return buildEnvelope(
		{
			vendor: 'phrase',
			event,
			eventKey: eventUid ? `phrase:${event}:${eventUid}` : contentKey,
			occurredAt: occurredAtOf(timestamp),
			receivedAt,
			projectId: projectUid,
			jobId: body.jobUid ?? null,
			status: projectStatus,
		},
		{ eventUid: body.eventUid ?? null, ...(rest as IDataObject) },
	);
}

/** "All jobs in the project reached the status": one item for the project and workflow step. */
export function buildAllJobsItem(
	body: PhraseDelivery,
	check: {
		projectUid: string;
		workflowLevel: number;
		apiStatus: string;
		jobCount: number;
		jobs: IDataObject[];
		jobsComplete: boolean;
	},
	receivedAt: Date,
): IDataObject {
	const { projectUid, workflowLevel, apiStatus } = check;
	return buildEnvelope(
		{
			vendor: 'phrase',
			event: body.event,
			eventKey: `phrase:allJobsReached:${projectUid}:${workflowLevel}:${apiStatus}`,
			occurredAt: occurredAtOf(body.timestamp),
			receivedAt,
			projectId: projectUid,
			status: apiStatus,
		},
		{
			eventUid: body.eventUid ?? null,
			allJobsReachedStatus: apiStatus,
			allJobsChecked: true,
			workflowLevel,
			jobCount: check.jobCount,
			jobs: check.jobs,
			jobsComplete: check.jobsComplete,
			metadata: (body.metadata ?? null) as IDataObject | null,
		},
	);
}

/**
 * "All jobs reached" for a project the trigger could not check within a delivery's limits (README "Bounded work"):
 * an item that says so, with the job parts that changed, rather than a lost event. `allJobsChecked: false`.
 */
export function buildAllJobsUncheckedItem(
	body: PhraseDelivery,
	check: { projectUid: string; workflowLevel: number; apiStatus: string; reason: string },
	parts: PhraseJobPart[],
	receivedAt: Date,
): IDataObject {
	const eventUid = eventUidOf(body);
	const { projectUid, workflowLevel, apiStatus } = check;
	return buildEnvelope(
		{
			vendor: 'phrase',
			event: body.event,
			eventKey: `phrase:allJobsUnchecked:${projectUid}:${workflowLevel}:${apiStatus}:${eventUid ?? parts.map((p) => p.uid).join(',')}`,
			occurredAt: occurredAtOf(body.timestamp),
			receivedAt,
			projectId: projectUid,
			status: apiStatus,
		},
		{
			eventUid: body.eventUid ?? null,
			allJobsReachedStatus: null,
			allJobsChecked: false,
			allJobsCheckSkipped: check.reason,
			workflowLevel,
			jobParts: parts as IDataObject[],
			metadata: (body.metadata ?? null) as IDataObject | null,
		},
	);
}

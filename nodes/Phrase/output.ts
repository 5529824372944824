import type { IDataObject } from 'n8n-workflow';

import { buildEnvelope } from '../common/envelope';
import { projectNameOf } from './filters';
import type { PhraseDelivery, PhraseJobPart } from './schemas';
import { apiStatusOf } from './statuses';

const occurredAtOf = (timestamp: PhraseDelivery['timestamp']): Date | null => {
	if (timestamp === undefined || timestamp === null) return null;
	const date = typeof timestamp === 'number' ? new Date(timestamp) : new Date(timestamp);
	return Number.isNaN(date.getTime()) ? null : date;
};

/** What tells two deliveries of one event about one job apart: its status, due date or assignment. */
function jobEventDetail(event: string, part: PhraseJobPart): string {
	if (event === 'JOB_DUE_DATE_CHANGED') return part.dateDue ?? '';
	if (event === 'JOB_ASSIGNED') return JSON.stringify(part.assignedTo ?? []);
	return part.status ?? '';
}

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
	apiJob?: IDataObject,
): IDataObject {
	const status = part.status ?? null;
	return buildEnvelope(
		{
			vendor: 'phrase',
			event: body.event,
			eventKey: `phrase:${body.event}:${part.uid}:${jobEventDetail(body.event, part)}`,
			occurredAt: occurredAtOf(body.timestamp),
			receivedAt,
			jobId: part.uid,
			projectId: part.project?.uid ?? null,
			status,
		},
		{
			apiStatus: status ? apiStatusOf(status) : null,
			targetLang: part.targetLang ?? null,
			fileName: part.fileName ?? null,
			workflowLevel: part.workflowLevel ?? null,
			projectName: projectNameOf(part, body.metadata as IDataObject | null | undefined) || null,
			assignedTo: assignees(part),
			jobPart: part as IDataObject,
			...(apiJob ? { job: apiJob } : {}),
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
	return buildEnvelope(
		{
			vendor: 'phrase',
			event: body.event,
			eventKey: `phrase:${body.event}:${parts.map((p) => `${p.uid}:${jobEventDetail(body.event, p)}`).join(',')}`,
			occurredAt: occurredAtOf(body.timestamp),
			receivedAt,
		},
		{ jobParts: parts as IDataObject[], metadata: (body.metadata ?? null) as IDataObject | null },
	);
}

/** Project, template and other events: one item with what was sent. */
export function buildPhraseOtherItem(body: PhraseDelivery, receivedAt: Date): IDataObject {
	const project = body.project ?? null;
	const { event, timestamp, ...rest } = body;
	return buildEnvelope(
		{
			vendor: 'phrase',
			event,
			eventKey: `phrase:${event}:${project?.uid ?? ''}:${project?.status ?? String((project as IDataObject | null)?.dateDue ?? timestamp ?? '')}`,
			occurredAt: occurredAtOf(timestamp),
			receivedAt,
			projectId: project?.uid ?? null,
			status: project?.status ?? null,
		},
		rest as IDataObject,
	);
}

/** "All jobs in the project reached the status": one item for the project. */
export function buildAllJobsItem(
	body: PhraseDelivery,
	projectUid: string,
	apiStatus: string,
	jobs: IDataObject[],
	receivedAt: Date,
): IDataObject {
	return buildEnvelope(
		{
			vendor: 'phrase',
			event: body.event,
			eventKey: `phrase:allJobsReached:${projectUid}:${apiStatus}`,
			occurredAt: occurredAtOf(body.timestamp),
			receivedAt,
			projectId: projectUid,
			status: apiStatus,
		},
		{
			allJobsReachedStatus: apiStatus,
			jobCount: jobs.length,
			jobs,
			metadata: (body.metadata ?? null) as IDataObject | null,
		},
	);
}

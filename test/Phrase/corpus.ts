import { readCorpus, type PublicFixture } from '../helpers/publicCorpus';

/**
 * The public Phrase TMS corpus (test/fixtures/public/phrase/, each file naming its source) and what the Phrase TMS
 * Trigger must make of each delivery, for the unit tests and the e2e suite alike.
 */
export interface PhraseFixture extends PublicFixture {
	kind: 'delivery' | 'api-answer';
	event?: string;
	request?: { headers: Record<string, string>; body: Record<string, unknown> };
	endpoint?: string;
	status?: number;
	body?: unknown;
}

export const phraseFixtures = readCorpus<PhraseFixture>('phrase');

export const phraseDeliveries = phraseFixtures.filter((f) => f.kind === 'delivery');

/** The job parts a delivery is about, as the corpus shows them: `jobParts`, or one `jobPart`. */
export const partsOf = (body: Record<string, unknown>) =>
	(body.jobParts as Array<Record<string, unknown>> | undefined) ??
	(body.jobPart ? [body.jobPart as Record<string, unknown>] : []);

/** A job part as items carry it: as sent, its ids (and its project's) as strings. */
const withStringIds = (part: Record<string, unknown>) => {
	const project = part.project as Record<string, unknown> | undefined;
	return {
		...part,
		...(part.id === undefined ? {} : { id: String(part.id) }),
		...(project ? { project: { ...project, id: String(project.id) } } : {}),
	};
};

/** What the content key says about a job part (deliveries without eventUid). */
const detail = (event: string, part: Record<string, unknown>) =>
	event === 'JOB_DUE_DATE_CHANGED'
		? String(part.dateDue)
		: event === 'JOB_ASSIGNED'
			? JSON.stringify(part.assignedTo)
			: String(part.status);

/**
 * The items the trigger emits for a corpus delivery (one per job part, or one), as objects for
 * toMatchObject: envelope, eventKey, occurredAt from the Unix-seconds timestamp, eventUid, the part as sent.
 */
export function expectedPhraseItems(fixture: PhraseFixture): Array<Record<string, unknown>> {
	const body = fixture.request!.body;
	const event = String(body.event);
	const occurredAt = new Date((body.timestamp as number) * 1000).toISOString();
	const eventUid = (body.eventUid as string | undefined) ?? null;
	const parts = partsOf(body);
	if (parts.length === 0) {
		const project = (body.project ?? (body.analyse as { project?: unknown })?.project) as
			| { uid?: string; status?: string }
			| undefined;
		return [
			{
				vendor: 'phrase',
				event,
				occurredAt,
				eventUid,
				...(body.jobUid ? { jobId: body.jobUid } : {}),
				...(project?.uid ? { projectId: project.uid } : {}),
				...(eventUid ? { eventKey: `phrase:${event}:${eventUid}` } : {}),
			},
		];
	}
	return parts.map((part) => ({
		vendor: 'phrase',
		event,
		occurredAt,
		eventUid,
		jobId: part.uid,
		projectId: (part.project as { uid: string }).uid,
		status: part.status,
		targetLang: part.targetLang,
		fileName: part.fileName,
		workflowLevel: part.workflowLevel,
		jobPart: withStringIds(part),
		eventKey: eventUid
			? `phrase:${event}:${eventUid}:${String(part.uid)}`
			: `phrase:${event}:${String(part.uid)}:${detail(event, part)}`,
	}));
}

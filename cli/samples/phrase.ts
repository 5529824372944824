/**
 * Real-looking Phrase TMS webhooks (support.phrase.com/hc/en-us/articles/5709693398812): used by
 * `simulate phrase` and the tests.
 */
export interface PhraseSampleOptions {
	jobUid?: string;
	projectUid?: string;
	status?: string;
	targetLang?: string;
	workflowLevel?: number;
	lastWorkflowLevel?: number;
	projectName?: string;
}

export function phraseSampleJobPart(options: PhraseSampleOptions = {}): Record<string, unknown> {
	return {
		id: '8',
		uid: options.jobUid ?? 'kJsiW1RAIJ9sIp9XkcxpR1',
		internalId: '1',
		task: 'Mmh9fm6Fu1bTnBuS',
		fileName: 'product-page.html',
		targetLang: options.targetLang ?? 'de',
		workflowLevel: options.workflowLevel ?? 1,
		status: options.status ?? 'COMPLETED_BY_LINGUIST',
		wordsCount: 351,
		beginIndex: 0,
		endIndex: 12,
		isParentJobSplit: false,
		dateDue: '2026-12-01T16:00:00Z',
		dateCreated: '2026-11-20T08:12:00Z',
		project: {
			id: '100',
			uid: options.projectUid ?? 'prj-Website2026',
			lastWorkflowLevel: options.lastWorkflowLevel ?? 1,
		},
		assignedTo: [
			{
				linguist: {
					id: '7',
					uid: 'lng-anna',
					firstName: 'Anna',
					lastName: 'Keller',
					userName: 'anna.keller',
					email: 'anna@translators.example',
					role: 'LINGUIST',
					active: true,
					deleted: false,
					terminologist: false,
				},
			},
		],
	};
}

/** A Phrase-like uid (22 letters and digits), as `eventUid` and every other Phrase uid look. */
export function phraseSampleUid(): string {
	const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
	return Array.from({ length: 22 }, () => alphabet[Math.floor(Math.random() * 62)]).join('');
}

/** 2026-11-25T10:00:00Z in Unix seconds: Phrase's `timestamp`. */
const SAMPLE_TIMESTAMP = 1795600800;

/**
 * A job event (JOB_STATUS_CHANGED, JOB_ASSIGNED, ...) with its job parts, the newer `metadata`, a Unix-seconds
 * `timestamp` and a fresh `eventUid`, as real deliveries have.
 */
export function phraseJobWebhook(
	event: string,
	parts: Array<Record<string, unknown>>,
	projectName = 'Website 2026',
): Record<string, unknown> {
	return {
		event,
		timestamp: SAMPLE_TIMESTAMP,
		eventUid: phraseSampleUid(),
		jobParts: parts,
		metadata: { project: { name: projectName } },
	};
}

/** A project event (PROJECT_STATUS_CHANGED, PROJECT_CREATED, ...). */
export function phraseProjectWebhook(
	event: string,
	options: { projectUid?: string; status?: string } = {},
): Record<string, unknown> {
	return {
		event,
		timestamp: SAMPLE_TIMESTAMP + 300,
		eventUid: phraseSampleUid(),
		project: {
			id: '100',
			uid: options.projectUid ?? 'prj-Website2026',
			name: 'Website 2026',
			status: options.status ?? 'COMPLETED',
			dateDue: '2026-12-01T16:00:00Z',
		},
		metadata: { organization: { uid: 'org-1' } },
	};
}

/** A sample webhook for any event code. */
export function phraseSampleWebhook(
	event: string,
	options: PhraseSampleOptions = {},
): Record<string, unknown> {
	if (event === 'JOB_TARGET_UPDATED') {
		// this event carries one `jobPart`, not a list (Phrase's payload examples)
		const body = phraseJobWebhook(event, [], options.projectName);
		delete body.jobParts;
		return { ...body, jobPart: phraseSampleJobPart(options) };
	}
	if (/^(JOB_|CONTINUOUS_JOB_)/.test(event))
		return phraseJobWebhook(event, [phraseSampleJobPart(options)], options.projectName);
	return phraseProjectWebhook(event, { projectUid: options.projectUid, status: options.status });
}

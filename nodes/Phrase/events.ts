export { ALL_EVENTS, isEventWanted } from '../common/eventFilter';

/**
 * Phrase TMS webhook events (support.phrase.com/hc/en-us/articles/5709693398812; codes as Phrase's API reference lists them for
 * `POST /api2/v2/webhooks`, developers.phrase.com/en/api/tms/latest/webhook/create-webhook). Phrase's help page
 * also lists "Language AI import finished" and "Language AI translation finished", whose codes we could not
 * confirm: they pass with "All Events", and "Other Event Codes" subscribes to them by code.
 */
export const PHRASE_EVENT_GROUPS = [
	{
		group: 'Job',
		events: [
			['JOB_STATUS_CHANGED', 'Job status changed'],
			['JOB_CREATED', 'Job created'],
			['JOB_ASSIGNED', 'Job assigned'],
			['JOB_DUE_DATE_CHANGED', 'Job due date changed'],
			['JOB_UPDATED', 'Job source updated'],
			['JOB_TARGET_UPDATED', 'Job target updated (the "Update target" action)'],
			['CONTINUOUS_JOB_UPDATED', 'Continuous job updated'],
			['JOB_DELETED', 'Job deleted'],
			['JOB_EXPORTED', 'Job exported'],
			['JOB_UNEXPORTED', 'Job unexported'],
		],
	},
	{
		group: 'Project',
		events: [
			['PROJECT_CREATED', 'Project created'],
			['PROJECT_STATUS_CHANGED', 'Project status changed'],
			['PROJECT_DUE_DATE_CHANGED', 'Project due date changed'],
			['PROJECT_METADATA_UPDATED', 'Project metadata updated'],
			['SHARED_PROJECT_ASSIGNED', 'Shared project assigned'],
			['PROJECT_DELETED', 'Project deleted'],
		],
	},
	{
		group: 'Project Template',
		events: [
			['PROJECT_TEMPLATE_CREATED', 'Project template created'],
			['PROJECT_TEMPLATE_UPDATED', 'Project template changed'],
			['PROJECT_TEMPLATE_DELETED', 'Project template deleted'],
		],
	},
	{
		group: 'Other',
		events: [
			['PRE_TRANSLATION_FINISHED', 'Pre-translation finished'],
			['ANALYSIS_CREATED', 'Analysis created'],
		],
	},
] as const;

export const PHRASE_EVENT_CODES: string[] = PHRASE_EVENT_GROUPS.flatMap((g) =>
	g.events.map(([code]) => code as string),
);

/** Codes from a comma-separated text field ("Other Event Codes"), upper-cased. */
export function parseEventCodes(text: string): string[] {
	return text
		.split(/[\s,]+/)
		.map((code) => code.trim().toUpperCase())
		.filter((code) => /^[A-Z][A-Z0-9_]*$/.test(code));
}

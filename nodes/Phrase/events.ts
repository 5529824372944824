import type { INodePropertyOptions } from 'n8n-workflow';

export { ALL_EVENTS } from '../common/delivery/events';

interface PhraseEvent {
	code: string;
	/** what the node panel shows (n8n lists a trigger's actions as "On <name>", lower-cased) */
	name: string;
	description: string;
}

/**
 * Phrase TMS webhook events: codes of the `events` enum Phrase publishes for creating a webhook
 * (developers.phrase.com/en/api/tms/latest/webhook/create-webhook, CreateWebHookDto; the same enum on
 * get-webhook), and no other, since Phrase refuses a webhook with a code outside it. They are named as Phrase's
 * help page names them (support.phrase.com/hc/en-us/articles/5709693398812-Webhooks-TMS: "Job source updated" is
 * JOB_UPDATED, "Project template changed" PROJECT_TEMPLATE_UPDATED). The help page also lists "Language AI import
 * finished" and "Language AI translation finished", RAW_MT_CONVERTER_IMPORT_FINISHED and
 * RAW_MT_PRE_TRANSLATION_FINISHED in Phrase's OpenAPI, whose payloads Phrase does not show: they pass with "All
 * Events", and "Other Event Codes" subscribes to them.
 */
export const PHRASE_EVENTS: readonly PhraseEvent[] = [
	{
		code: 'JOB_STATUS_CHANGED',
		name: 'Job Status Changed',
		description: "A job's status changed (JOB_STATUS_CHANGED)",
	},
	{ code: 'JOB_CREATED', name: 'Job Created', description: 'JOB_CREATED' },
	{ code: 'JOB_ASSIGNED', name: 'Job Assigned', description: 'JOB_ASSIGNED' },
	{
		code: 'JOB_DUE_DATE_CHANGED',
		name: 'Job Due Date Changed',
		description: 'JOB_DUE_DATE_CHANGED',
	},
	{
		code: 'JOB_UPDATED',
		name: 'Job Source Updated',
		description: "The job's source file was updated (JOB_UPDATED)",
	},
	{
		code: 'JOB_TARGET_UPDATED',
		name: 'Job Target Updated',
		description: 'The "Update target" action on a job (JOB_TARGET_UPDATED)',
	},
	{
		code: 'CONTINUOUS_JOB_UPDATED',
		name: 'Continuous Job Updated',
		description: 'CONTINUOUS_JOB_UPDATED',
	},
	{ code: 'JOB_DELETED', name: 'Job Deleted', description: 'JOB_DELETED' },
	{ code: 'JOB_EXPORTED', name: 'Job Exported', description: 'JOB_EXPORTED' },
	{
		code: 'JOB_UNEXPORTED',
		name: 'Job Unexported',
		description: 'An export of the job failed (JOB_UNEXPORTED)',
	},
	{ code: 'JOB_UNSHARED', name: 'Job Unshared', description: 'JOB_UNSHARED' },
	{
		code: 'JOB_AUTO_LQA_FINISHED',
		name: 'Job Auto LQA Finished',
		description: 'Automatic language quality assessment finished (JOB_AUTO_LQA_FINISHED)',
	},
	{
		code: 'JOB_METADATA_UPDATED',
		name: 'Job Metadata Updated',
		description: 'JOB_METADATA_UPDATED',
	},
	{
		code: 'JOB_CUSTOM_FIELDS_UPDATED',
		name: 'Job Custom Fields Updated',
		description: 'JOB_CUSTOM_FIELDS_UPDATED',
	},
	{ code: 'PROJECT_CREATED', name: 'Project Created', description: 'PROJECT_CREATED' },
	{
		code: 'PROJECT_STATUS_CHANGED',
		name: 'Project Status Changed',
		description: 'PROJECT_STATUS_CHANGED',
	},
	{
		code: 'PROJECT_DUE_DATE_CHANGED',
		name: 'Project Due Date Changed',
		description: 'PROJECT_DUE_DATE_CHANGED',
	},
	{
		code: 'PROJECT_METADATA_UPDATED',
		name: 'Project Metadata Updated',
		description: 'PROJECT_METADATA_UPDATED',
	},
	{
		code: 'SHARED_PROJECT_ASSIGNED',
		name: 'Shared Project Assigned',
		description: 'SHARED_PROJECT_ASSIGNED',
	},
	{ code: 'PROJECT_DELETED', name: 'Project Deleted', description: 'PROJECT_DELETED' },
	{
		code: 'PROJECT_UNSHARED',
		name: 'Project Unshared',
		description: 'PROJECT_UNSHARED',
	},
	{
		code: 'PROJECT_TEMPLATE_CREATED',
		name: 'Project Template Created',
		description: 'PROJECT_TEMPLATE_CREATED',
	},
	{
		code: 'PROJECT_TEMPLATE_UPDATED',
		name: 'Project Template Changed',
		description: 'PROJECT_TEMPLATE_UPDATED',
	},
	{
		code: 'PROJECT_TEMPLATE_DELETED',
		name: 'Project Template Deleted',
		description: 'PROJECT_TEMPLATE_DELETED',
	},
	{
		code: 'PRE_TRANSLATION_FINISHED',
		name: 'Pre-Translation Finished',
		description: 'PRE_TRANSLATION_FINISHED',
	},
	{ code: 'ANALYSIS_CREATED', name: 'Analysis Created', description: 'ANALYSIS_CREATED' },
];

/** Every code offered by name: what "All Events" subscribes to. */
export const PHRASE_EVENT_CODES: string[] = PHRASE_EVENTS.map((e) => e.code);

/** The "Trigger On" options: the name people read, the code as the value. */
export const PHRASE_EVENT_OPTIONS: INodePropertyOptions[] = PHRASE_EVENTS.map(
	({ code, name, description }) => ({ name, value: code, description }),
);

/** Codes from a comma-separated text field ("Other Event Codes"), upper-cased. */
export function parseEventCodes(text: string): string[] {
	return text
		.split(/[\s,]+/)
		.map((code) => code.trim().toUpperCase())
		.filter((code) => /^[A-Z][A-Z0-9_]*$/.test(code));
}

/** Job events: their payload is about job parts (`jobParts`, `jobPart`, or JOB_UNEXPORTED's `jobUid`). */
export const isJobEvent = (code: string): boolean => /^(JOB_|CONTINUOUS_JOB_)/.test(code);

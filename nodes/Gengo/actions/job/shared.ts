import type { INodeProperties } from 'n8n-workflow';

/** The Job ID of the Gengo Trigger's item (or of a Gengo node's output) by default: placed after them, it needs no typing. */
export const jobIdProperty: INodeProperties = {
	displayName: 'Job ID',
	name: 'jobId',
	type: 'string',
	required: true,
	default: '={{ $json.jobId ?? $json.job_id }}',
	description:
		'The Gengo job ID; by default the jobId of the incoming item (e.g. a Gengo Trigger item)',
};

import type { INodeProperties } from 'n8n-workflow';

/**
 * The Job ID, by default the jobId of the incoming item (a Gengo Trigger's or Gengo Catch-Up Trigger's item) or
 * the job_id of a Gengo node's output: placed after them, it needs no typing. A real default value, not a
 * placeholder: the field is filled in when the node is added.
 */
export const jobIdProperty: INodeProperties = {
	displayName: 'Job ID',
	name: 'jobId',
	type: 'string',
	required: true,
	default: '={{ $json.jobId ?? $json.job_id }}',
	description:
		'The Gengo job ID; by default the jobId of the incoming item (e.g. a Gengo Trigger item)',
};

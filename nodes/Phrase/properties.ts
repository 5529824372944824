import type { INodeProperties } from 'n8n-workflow';

import { eventsProperty } from '../common/delivery/events';
import { PHRASE_EVENT_OPTIONS } from './events';
import { STATUS_FILTER_OPTIONS } from './statuses';

/**
 * The parameters the Phrase TMS Trigger and the Phrase TMS Catch-Up Trigger share, so that both pick the same
 * events and job parts and emit the same items.
 */
export const phraseEventsProperty = (description: string): INodeProperties =>
	eventsProperty(PHRASE_EVENT_OPTIONS, description);

export const otherEventsProperty: INodeProperties = {
	displayName: 'Other Event Codes',
	name: 'otherEvents',
	type: 'string',
	default: '',
	placeholder: 'RAW_MT_PRE_TRANSLATION_FINISHED',
	description:
		"More event codes, comma-separated, for events not listed (e.g. Phrase's Language AI events, whose codes Phrase does not document)",
};

export const statusesProperty: INodeProperties = {
	displayName: 'Job Statuses',
	name: 'statuses',
	type: 'multiOptions',
	default: [],
	options: STATUS_FILTER_OPTIONS,
	hint: 'Each matches the API\'s code and the webhook\'s (e.g. "Completed": COMPLETED_BY_LINGUIST in webhooks)',
	description:
		'For Job Status Changed only: jobs that changed to one of these statuses. Empty: every status.',
};

export const filtersProperty: INodeProperties = {
	displayName: 'Filters',
	name: 'filters',
	type: 'collection',
	placeholder: 'Add Filter',
	default: {},
	description:
		'Job parts that do not pass produce no item; a webhook with none left is answered 200 and starts nothing',
	options: [
		{
			displayName: 'Assignee (Job Assigned)',
			name: 'assignee',
			type: 'string',
			default: '',
			description: 'User name, e-mail or UID of the linguist or vendor assigned',
		},
		{
			displayName: 'Last Workflow Level Only',
			name: 'lastWorkflowLevelOnly',
			type: 'boolean',
			default: true,
			description: "Whether to keep only jobs in the project's last workflow step",
		},
		{
			displayName: 'Project Name Contains',
			name: 'projectNameContains',
			type: 'string',
			default: '',
		},
		{ displayName: 'Project UID', name: 'projectUid', type: 'string', default: '' },
		{
			displayName: 'Target Language',
			name: 'targetLang',
			type: 'string',
			default: '',
			placeholder: 'de',
		},
		{
			displayName: 'Workflow Level',
			name: 'workflowLevel',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 1,
		},
	],
};

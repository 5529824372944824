import {
	NodeConnectionTypes,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';

import { catchUpProperties, pollCatchUp } from '../common/catchUp/engine';
import { eventsProperty, EVENTS_SUBTITLE } from '../common/delivery/events';
import { gengoCatchUpSource, GENGO_CATCH_UP_LIMITS } from './catchUpSource';
import { testGengoCredentials } from './credentialTest';
import { GENGO_EVENTS } from './events';

/**
 * The Gengo events a callback may have missed (n8n down, the workflow inactive, a callback over 60 KB that Gengo
 * never sends), found by polling the Gengo API (see catchUp.ts), with the items and eventKeys of the Gengo
 * Trigger. Beside that trigger, followed by n8n's Remove Duplicates on eventKey, every event passes
 * once.
 */
export class GengoCatchUpTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Gengo Catch-Up Trigger',
		name: 'gengoCatchUpTrigger',
		icon: { light: 'file:gengo.svg', dark: 'file:gengo.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: EVENTS_SUBTITLE,
		description:
			'Polls the Gengo API for job status changes and comments a Gengo Trigger may have missed',
		defaults: { name: 'Gengo Catch-Up Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'gengoApi', required: true, testedBy: 'testGengoCredentials' }],
		properties: [
			{
				displayName:
					"Emits the events of Gengo jobs a callback may have missed, with the Gengo Trigger's eventKey: put both triggers before a Remove Duplicates node on eventKey. The first poll only records what is there.",
				name: 'catchUpNotice',
				type: 'notice',
				default: '',
			},
			eventsProperty(
				GENGO_EVENTS.map(([value, name, description]) => ({ name, value, description })),
				'Job statuses and comments to emit. Comments are read only when chosen (one API call per unfinished job).',
			),
			{
				displayName: 'Look Back (Days)',
				name: 'lookBackDays',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: GENGO_CATCH_UP_LIMITS.maxLookBackDays },
				default: 30, // GENGO_CATCH_UP_LIMITS.defaultLookBackDays (n8n's lint wants a literal)
				description: `Watch the jobs submitted in this many days (at most the ${GENGO_CATCH_UP_LIMITS.jobs} most recent). Gengo lists jobs by submission time only.`,
			},
			...catchUpProperties,
		],
	};

	methods = {
		credentialTest: { testGengoCredentials },
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollCatchUp(this, gengoCatchUpSource);
	}
}

import {
	NodeConnectionTypes,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';

import { catchUpProperties, pollCatchUp } from '../common/catchUp/engine';
import { eventsProperty, EVENTS_SUBTITLE } from '../common/delivery/events';
import { smartcatCatchUpSource } from './catchUpSource';
import { testSmartcatApi } from './credentialTest';
import { SMARTCAT_EVENTS } from './events';
import { statusFilterProperty } from './properties';
import { projectFiltersProperty } from './projectFilters';

/**
 * Emits the Smartcat events a webhook missed (n8n down, the workflow unpublished, a delivery that failed 8
 * times), as the Smartcat Trigger would have emitted them with Fetch Details on: the same item and eventKey.
 * Smartcat's API cannot say what changed since a time, so each poll reads the project list (catchUpSource.ts).
 */
export class SmartcatCatchUpTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Smartcat Catch-Up Trigger',
		name: 'smartcatCatchUpTrigger',
		icon: { light: 'file:smartcat.svg', dark: 'file:smartcat.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: EVENTS_SUBTITLE,
		description:
			"Polls Smartcat for project and document status changes a webhook missed, with the Smartcat Trigger's items and eventKey",
		defaults: { name: 'Smartcat Catch-Up Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'smartcatApi', required: true, testedBy: 'testSmartcatApi' }],
		properties: [
			{
				displayName:
					'Put it beside a Smartcat Trigger (Fetch Details on) and follow both with n8n\'s Remove Duplicates on the eventKey field: every status change then passes once. Each poll reads the whole project list (Smartcat has no "changed since"), 100 projects per request.',
				name: 'catchUpNotice',
				type: 'notice',
				default: '',
			},
			eventsProperty(
				SMARTCAT_EVENTS.map(({ event, name, description }) => ({
					name,
					value: event,
					description,
				})),
				'Events to emit. Translation imports are recovered from the deliveries Smartcat records as failed.',
			),
			...catchUpProperties,
			projectFiltersProperty,
			statusFilterProperty(
				'Statuses to emit; projects and documents in others produce no item. None chosen: every status.',
			),
		],
	};

	methods = {
		credentialTest: { testSmartcatApi },
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollCatchUp(this, smartcatCatchUpSource);
	}
}

import {
	NodeConnectionTypes,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';

import { catchUpProperties, pollCatchUp } from '../common/catchUp/engine';
import { beeboxCatchUpSource } from './catchUpSource';
import { testBeeboxCredentials } from './credentialTest';
import { fileFilterOptions } from './fileFilters';

/**
 * Polls the Beebox project's translation status for translated files no callback announced (catchUpSource.ts),
 * emitting the Wordbee Beebox Trigger's per-file items with the same eventKey: put both in one workflow before
 * n8n's Remove Duplicates node. Logs out of the API after each poll.
 */
export class BeeboxCatchUpTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Wordbee Beebox Catch-Up Trigger',
		name: 'beeboxCatchUpTrigger',
		icon: { light: 'file:beebox.svg', dark: 'file:beebox.dark.svg' },
		group: ['trigger'],
		version: 1,
		polling: true,
		subtitle: 'Translated files',
		description:
			'Starts the workflow for translated files Beebox delivered while no callback reached n8n',
		defaults: { name: 'Wordbee Beebox Catch-Up Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'beeboxApi', required: true, testedBy: 'testBeeboxCredentials' }],
		properties: [
			{
				displayName:
					'Beebox never repeats a callback. This trigger reads the translation status and emits each file that became ready, as the Wordbee Beebox Trigger does with Fetch Event Details on: follow both with Remove Duplicates on eventKey.',
				name: 'catchUpNotice',
				type: 'notice',
				default: '',
			},
			{
				// n8n adds Poll Times to every polling node with "Every Minute" as its default; a node cannot change it
				displayName:
					"Set Poll Times to every 15 minutes (Mode: Every X, Value: 15, Unit: Minutes) rather than n8n's default of every minute: each poll is an API session that pauses Beebox's automation while it lasts.",
				name: 'pollTimesNotice',
				type: 'notice',
				default: '',
			},
			...catchUpProperties,
			{
				displayName: 'Filters',
				name: 'filters',
				type: 'collection',
				placeholder: 'Add Filter',
				default: {},
				options: [...fileFilterOptions],
			},
		],
	};

	methods = {
		credentialTest: { testBeeboxCredentials },
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollCatchUp(this, beeboxCatchUpSource);
	}
}

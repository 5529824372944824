import {
	NodeConnectionTypes,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';

import { catchUpProperties, pollCatchUp } from '../common/catchUp';
import { EVENTS_SUBTITLE } from '../common/eventFilter';
import { phraseCatchUpSource } from './catchUpSource';
import { filtersProperty, phraseEventsProperty, statusesProperty } from './parameters';

/**
 * Polls Phrase TMS's webhook history for deliveries no receiver answered and emits, once each, the items the Phrase
 * TMS Trigger would have emitted, with the same eventKey (see catchUpSource.ts). With the Phrase TMS Trigger and
 * n8n's Remove Duplicates (on eventKey) in one workflow, every event passes once.
 */
export class PhraseCatchUpTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Phrase TMS Catch-Up Trigger',
		name: 'phraseCatchUpTrigger',
		icon: { light: 'file:phrase.svg', dark: 'file:phrase.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: EVENTS_SUBTITLE,
		description:
			"Recovers Phrase TMS webhook deliveries that failed (n8n down or unreachable) from Phrase's 14-day webhook history",
		defaults: { name: 'Phrase TMS Catch-Up Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'phraseApi', required: true }],
		properties: [
			{
				displayName:
					"Reads Phrase's webhook history (last 14 days; the Phrase user needs the Administrator role) and emits each event whose delivery failed, once, as the Phrase TMS Trigger would have. Put both triggers before a Remove Duplicates node on eventKey.",
				name: 'catchUpNotice',
				type: 'notice',
				default: '',
			},
			phraseEventsProperty('Events to recover'),
			{
				displayName: 'Webhook URL',
				name: 'webhookUrl',
				type: 'string',
				default: '',
				placeholder: 'https://n8n.example.com/webhook/…/phrase',
				description:
					"Only failed calls to this URL (the Phrase TMS Trigger's Production URL). Empty: failed calls of every webhook of the account.",
			},
			statusesProperty,
			{ ...filtersProperty, description: 'Job parts that do not pass produce no item' },
			...catchUpProperties,
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollCatchUp(this, phraseCatchUpSource);
	}
}

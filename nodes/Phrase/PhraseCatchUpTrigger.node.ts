import {
	NodeConnectionTypes,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';

import { catchUpProperties, pollCatchUp } from '../common/catchUp/engine';
import { EVENTS_SUBTITLE } from '../common/delivery/events';
import { phraseCatchUpSource, webhookScope } from './catchUpSource';
import { testPhraseCredentials } from './credentialTest';
import { filtersProperty, phraseEventsProperty, statusesProperty } from './properties';

/**
 * Polls Phrase TMS's webhook history for deliveries no receiver answered and emits, once each, the items the Phrase
 * TMS Trigger would have emitted, with the same eventKey (see catchUpSource.ts). With the Phrase TMS Trigger and
 * n8n's Remove Duplicates (on eventKey) in one workflow, every event passes once.
 * "Webhooks" chooses whose calls: this workflow's trigger, a given URL (Webhook URL), or every webhook of the
 * account.
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
		credentials: [{ name: 'phraseApi', required: true, testedBy: 'testPhraseCredentials' }],
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
				displayName: 'Webhooks',
				name: 'webhooks',
				type: 'options',
				default: 'workflow',
				options: [
					{
						name: "This Workflow's Phrase TMS Trigger",
						value: 'workflow',
						description:
							'The calls of the webhook of the Phrase TMS Trigger in this workflow (active workflows only)',
					},
					{
						name: 'A Given Webhook URL',
						value: 'url',
						description:
							'The calls to one URL, e.g. the Production URL of a trigger in another workflow',
					},
					{
						name: 'All Webhooks of the Account',
						value: 'account',
						description:
							"Every failed call Phrase kept, also other integrations' webhooks and disabled ones",
					},
				],
				description: 'Whose failed webhook calls to recover',
			},
			{
				displayName: 'Webhook URL',
				name: 'webhookUrl',
				type: 'string',
				default: '',
				required: true,
				placeholder: 'https://n8n.example.com/webhook/…/phrase',
				displayOptions: { show: { webhooks: ['url'] } },
				description:
					"The URL whose failed calls to recover (a Phrase TMS Trigger's Production URL); compared without case in scheme and host, and without a trailing slash",
			},
			statusesProperty,
			{ ...filtersProperty, description: 'Job parts that do not pass produce no item' },
			...catchUpProperties,
		],
	};

	methods = {
		credentialTest: { testPhraseCredentials },
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		// a setup that names no webhook fails here, with what to do, before anything is asked of Phrase
		webhookScope(this);
		return await pollCatchUp(this, phraseCatchUpSource);
	}
}

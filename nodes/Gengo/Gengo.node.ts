import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { actionProperties, executeActions } from '../common/actions/operations';
import { testWebhookSecret, WEBHOOK_SECRET_CREDENTIAL } from '../common/secrets/webhookSecret';
import { GENGO_RESOURCES } from './actions';
import { testGengoCredentials } from './credentialTest';
import { gengoListSearch } from './languages';

/**
 * The Gengo API v2: orders translations (text, or files from binary data) with the Gengo Trigger as their callback,
 * quotes them, approves, returns or rejects the translations, and reads jobs, orders and the account, e.g. the
 * translation after a Gengo Trigger fired.
 */
export class Gengo implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Gengo',
		name: 'gengo',
		icon: { light: 'file:gengo.svg', dark: 'file:gengo.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description:
			'Order Gengo translations (costs credits), approve or return them, and get jobs, their comments, revisions, feedback and files, orders and account data',
		defaults: { name: 'Gengo' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'gengoApi', required: true, testedBy: 'testGengoCredentials' },
			{
				// the Gengo Trigger's secret and URL, for the callback_url of the jobs Order → Create orders
				name: WEBHOOK_SECRET_CREDENTIAL,
				required: true,
				testedBy: 'testWebhookSecret',
				displayOptions: {
					show: { resource: ['order'], operation: ['create'], callback: ['trigger'] },
				},
			},
		],
		properties: actionProperties(GENGO_RESOURCES),
	};

	methods = {
		credentialTest: { testGengoCredentials, testWebhookSecret },
		listSearch: gengoListSearch,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeActions(this, GENGO_RESOURCES);
	}
}

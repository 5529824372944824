import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { actionProperties, executeActions } from '../common/actions/operations';
import { GENGO_RESOURCES } from './actions';
import { testGengoCredentials } from './credentialTest';

/** Reads jobs, orders and the account from the Gengo API v2, e.g. the translation after a Gengo Trigger fired. */
export class Gengo implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Gengo',
		name: 'gengo',
		icon: { light: 'file:gengo.svg', dark: 'file:gengo.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description:
			'Get Gengo translation jobs, their comments, revisions, feedback and files, orders and account data',
		defaults: { name: 'Gengo' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'gengoApi', required: true, testedBy: 'testGengoCredentials' }],
		properties: actionProperties(GENGO_RESOURCES),
	};

	methods = {
		credentialTest: { testGengoCredentials },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeActions(this, GENGO_RESOURCES);
	}
}

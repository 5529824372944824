import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { actionProperties, executeActions } from '../common/actions/operations';
import { PHRASE_RESOURCES } from './actions';
import { testPhraseCredentials } from './credentialTest';

/** Reads jobs, projects and their files from the Phrase TMS API, e.g. the translation after a Phrase TMS Trigger fired. */
export class Phrase implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Phrase TMS',
		name: 'phrase',
		icon: { light: 'file:phrase.svg', dark: 'file:phrase.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description:
			'Get Phrase TMS (Memsource) jobs and projects, download target, original and bilingual files',
		defaults: { name: 'Phrase TMS' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'phraseApi', required: true, testedBy: 'testPhraseCredentials' }],
		properties: actionProperties(PHRASE_RESOURCES),
	};

	methods = {
		credentialTest: { testPhraseCredentials },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeActions(this, PHRASE_RESOURCES);
	}
}

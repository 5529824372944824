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
import {
	getLanguages,
	getProjectTargetLanguages,
	searchJobs,
	searchLanguages,
	searchProjects,
	searchTemplates,
} from './pickLists';

/**
 * The Phrase TMS API from a workflow: sends files for translation (projects, jobs, new source versions, job
 * statuses) and reads jobs, projects and their files, e.g. the translation after a Phrase TMS Trigger fired.
 */
export class Phrase implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Phrase TMS',
		name: 'phrase',
		icon: { light: 'file:phrase.svg', dark: 'file:phrase.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description:
			'Send files to Phrase TMS (Memsource) for translation, and get jobs, projects and translated files',
		defaults: { name: 'Phrase TMS' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'phraseApi', required: true, testedBy: 'testPhraseCredentials' }],
		properties: actionProperties(PHRASE_RESOURCES),
	};

	methods = {
		credentialTest: { testPhraseCredentials },
		listSearch: { searchProjects, searchJobs, searchTemplates, searchLanguages },
		loadOptions: { getLanguages, getProjectTargetLanguages },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeActions(this, PHRASE_RESOURCES);
	}
}

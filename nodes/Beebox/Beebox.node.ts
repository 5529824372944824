import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { actionProperties, executeActions } from '../common/actions/operations';
import { BEEBOX_RESOURCES } from './actions';
import { testBeeboxCredentials } from './credentialTest';
import { getTargetLocales, searchFolders } from './pickLists';
import { endExecutionSession } from './transport';

/**
 * A Beebox project through its API: sends source files to translate (and deletes files), reads event details, the
 * translation status of its files and translated files. One API session per execution, logged out at the end
 * whatever happened: an open session pauses Beebox's automatic operations (help.wordbee.com/beebox/api-disconnect).
 */
export class Beebox implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Wordbee Beebox',
		name: 'beebox',
		icon: { light: 'file:beebox.svg', dark: 'file:beebox.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description:
			'Send source files to Beebox for translation, get event details, list translated files with their status, download them',
		defaults: { name: 'Wordbee Beebox' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'beeboxApi', required: true, testedBy: 'testBeeboxCredentials' }],
		properties: actionProperties(BEEBOX_RESOURCES),
	};

	methods = {
		credentialTest: { testBeeboxCredentials },
		loadOptions: { getTargetLocales },
		listSearch: { searchFolders },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		try {
			return await executeActions(this, BEEBOX_RESOURCES);
		} finally {
			await endExecutionSession(this);
		}
	}
}

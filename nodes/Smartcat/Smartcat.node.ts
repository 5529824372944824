import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { actionProperties, executeActions } from '../common/actions/operations';
import { SMARTCAT_RESOURCES } from './actions';
import { testSmartcatApi } from './credentialTest';
import { languageOptions, vendorOptions } from './directories';
import { searchProjects } from './projectLocator';

/**
 * Reads and changes the Smartcat account's callback setting, looks projects and documents up, exports documents;
 * creates projects and adds and updates documents from binary data.
 */
export class Smartcat implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Smartcat',
		name: 'smartcat',
		icon: { light: 'file:smartcat.svg', dark: 'file:smartcat.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description:
			"Send files for translation (create projects, add and update documents; a project assigned to a vendor costs money), get projects and documents, export translated files, manage the account's callback setting",
		defaults: { name: 'Smartcat' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'smartcatApi', required: true, testedBy: 'testSmartcatApi' }],
		properties: actionProperties(SMARTCAT_RESOURCES),
	};

	methods = {
		credentialTest: { testSmartcatApi },
		listSearch: { searchProjects },
		loadOptions: { getLanguages: languageOptions, getVendors: vendorOptions },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeActions(this, SMARTCAT_RESOURCES);
	}
}

import type { INodeProperties } from 'n8n-workflow';

/**
 * "File Path", the file an operation is about: its path relative to the project's input folder with `\`
 * separators, as Wordbee's pages write it (help.wordbee.com/beebox/api-get-translated-content), read from the
 * previous item (the trigger's, the translation status', Send Source File's) by default.
 */
export const filePathProperty: INodeProperties = {
	displayName: 'File Path',
	name: 'file',
	type: 'string',
	required: true,
	default: '={{ $json.file }}',
	placeholder: 'folder\\page.html',
	description:
		'Path of the original file relative to the project, as the trigger and the translation status give it (/ is read as \\)',
};

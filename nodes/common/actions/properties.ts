import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

/**
 * The parameters every action node's list and download operations share, written once so that they read and
 * behave the same in every vendor's node (n8n's own nodes use these names, labels and defaults).
 */

/** "Return All" of a list operation; `show` adds the operation's own display conditions. */
export function returnAllProperty(
	options: { show?: IDisplayOptions['show']; hint?: string } = {},
): INodeProperties {
	return {
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		...(options.show ? { displayOptions: { show: options.show } } : {}),
		description: 'Whether to return all results or only up to a given limit',
		...(options.hint ? { hint: options.hint } : {}),
	};
}

/** "Limit", shown while Return All is off; `maxValue` where the vendor caps a page. */
export function limitProperty(
	options: { show?: IDisplayOptions['show']; maxValue?: number } = {},
): INodeProperties {
	return {
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: {
			minValue: 1,
			...(options.maxValue === undefined ? {} : { maxValue: options.maxValue }),
		},
		default: 50,
		displayOptions: { show: { ...options.show, returnAll: [false] } },
		description: 'Max number of results to return',
	};
}

/** Where a download puts its file: n8n's "Put Output File in Field" (the binary property of the output item). */
export const outputBinaryProperty: INodeProperties = {
	displayName: 'Put Output File in Field',
	name: 'binaryPropertyName',
	type: 'string',
	required: true,
	default: 'data',
	hint: 'The name of the output binary field to put the file in',
};

/**
 * Where a sending operation takes its file: n8n's "Input Binary Field" (the binary property of the input item,
 * default `data`), with the operation's own hint, description and display conditions.
 */
export function inputBinaryProperty(options: {
	hint: string;
	description?: string;
	placeholder?: string;
	required?: boolean;
	show?: IDisplayOptions['show'];
}): INodeProperties {
	return {
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: options.required ?? true,
		default: 'data',
		...(options.placeholder ? { placeholder: options.placeholder } : {}),
		...(options.show ? { displayOptions: { show: options.show } } : {}),
		hint: options.hint,
		...(options.description ? { description: options.description } : {}),
	};
}

/** "Max File Size (MB)" of a sending operation: the largest file it sends; `description` says whose limit it is. */
export function maxUploadSizeProperty(defaultMb: number, description: string): INodeProperties {
	return {
		displayName: 'Max File Size (MB)',
		name: 'maxFileSize',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 10240 },
		default: defaultMb,
		description,
	};
}

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

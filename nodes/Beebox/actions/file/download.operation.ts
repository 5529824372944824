import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import {
	downloadLimits,
	maxFileSizeProperty,
	type Operation,
} from '../../../common/actions/operations';
import { downloadTranslatedFile } from '../../api';
import { checkedLocale, checkedRelativePath } from '../../files';
import { withExecutionSession } from '../../transport';
import { outputBinaryProperty } from '../../../common/actions/properties';
import { filePathProperty } from './filePath';

/**
 * A parameter the previous item usually fills (`={{ $json.locale }}`): nothing there means the item does not
 * come from a trigger that fetched the event's details, which is said instead of refusing "undefined".
 */
function fromItem(ctx: IExecuteFunctions, itemIndex: number, name: string, label: string): string {
	const value = ctx.getNodeParameter(name, itemIndex) as unknown;
	if (value !== undefined && value !== null) return String(value);
	throw new NodeOperationError(
		ctx.getNode(),
		`${label} has no value: the input item has no "${name}"`,
		{
			itemIndex,
			description:
				'The Wordbee Beebox Trigger\'s items carry "locale" and "file" only with Fetch Event Details on: turn on Fetch Event Details in the Wordbee Beebox Trigger, or map Target Locale and File Path to fields that hold them.',
		},
	);
}

/**
 * A translated file as binary data (help.wordbee.com/beebox/api-get-translated-content): the translation into
 * `locale` of the file at `file`, the path relative to the project with backslash separators. The output item
 * keeps the input item's fields (the trigger's eventKey, say) with `locale` and `file` as downloaded.
 */
export const download: Operation = {
	option: {
		name: 'Download',
		value: 'download',
		action: 'Download translated file',
		description: 'A translated file as binary data',
	},
	properties: [
		{
			displayName: 'Target Locale',
			name: 'locale',
			type: 'string',
			required: true,
			default: '={{ $json.locale }}',
			description: 'The language of the translation, e.g. fr or en-GB',
		},
		filePathProperty,
		outputBinaryProperty,
		maxFileSizeProperty,
	],
	async execute(ctx, i) {
		const locale = checkedLocale(fromItem(ctx, i, 'locale', 'Target Locale'));
		const file = checkedRelativePath(fromItem(ctx, i, 'file', 'File Path'));
		const field = ctx.getNodeParameter('binaryPropertyName', i) as string;
		const limits = downloadLimits(ctx, i);
		const binary = await withExecutionSession(ctx, async (token) =>
			downloadTranslatedFile(ctx, token, locale, file, limits),
		);
		const input = (ctx.getInputData()[i]?.json ?? {}) as IDataObject;
		return [
			{ json: { ...input, locale, file }, binary: { [field]: binary }, pairedItem: { item: i } },
		];
	},
};

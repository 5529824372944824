import { NodeOperationError, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { uploadFromBinary, type UploadFile } from '../common/http/upload';
import { inputBinaryProperty, maxUploadSizeProperty } from '../common/actions/properties';

/**
 * The files an item sends to Smartcat: read from its binary properties (streamed from n8n's binary data as they
 * are sent, common/upload.ts), checked before anything goes out.
 */

/** "Input Binary Field" (n8n's name and default): one binary property, or several separated by commas. */
export function binaryFieldsProperty(description: string, required = true): INodeProperties {
	return inputBinaryProperty({
		required,
		placeholder: 'e.g. data',
		hint: 'The name of the input binary field containing the file to be sent',
		description,
	});
}

/**
 * Smartcat publishes no size limit for files sent through its API. This is the node's, so that a file far
 * larger than meant never goes out; a file Smartcat itself refuses comes back as its error (HTTP 413).
 */
export const DEFAULT_MAX_UPLOAD_MB = 1024;

export const maxUploadSizeOption: INodeProperties = maxUploadSizeProperty(
	DEFAULT_MAX_UPLOAD_MB,
	"The largest file to send. Smartcat publishes no limit for its API: this one is the node's, checked before anything is sent; a file Smartcat refuses is reported with Smartcat's message.",
);

/** What Smartcat keeps with each new document (OpenAPI CreateDocumentPropertyModel: externalId, metaInfo). */
export const documentSettingsOptions: INodeProperties[] = [
	{
		displayName: 'Document External ID',
		name: 'externalId',
		type: 'string',
		default: '',
		description:
			"Your ID of the content (e.g. the CMS entry's), kept with each document: Document → Get and the Smartcat Trigger's details show it as externalId",
	},
	{
		displayName: 'Document Meta Info',
		name: 'metaInfo',
		type: 'string',
		default: '',
		description: 'Any text to keep with each document (shown as metaInfo)',
	},
];

export const uploadTimeoutOption: INodeProperties = {
	displayName: 'Timeout (Seconds)',
	name: 'timeout',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 300,
	description:
		'How long to wait for Smartcat to answer once the files are sent. If it does not answer in time the request is not sent again: Smartcat may have received it.',
};

/** The names in "Input Binary Field": separated by commas, each once. */
export function binaryFieldNames(value: unknown): string[] {
	return [
		...new Set(
			String(value ?? '')
				.split(',')
				.map((name) => name.trim())
				.filter(Boolean),
		),
	];
}

/**
 * The item's files, in the order of `names`, or a NodeOperationError naming "Input Binary Field": a property the
 * item lacks, an empty file, one over "Max File Size (MB)" (common/upload.ts), or two files of the same name,
 * which Smartcat refuses in one project (409 "Several documents with identical names").
 */
export async function filesOf(
	ctx: IExecuteFunctions,
	itemIndex: number,
	names: string[],
	maxFileSizeMb: number,
): Promise<UploadFile[]> {
	const maxBytes = Math.floor(maxFileSizeMb * 1024 * 1024);
	const files: UploadFile[] = [];
	for (const name of names)
		files.push(
			await uploadFromBinary(ctx, itemIndex, name, {
				maxBytes,
				vendorLimitText: `"Max File Size (MB)" in the node's options is ${maxFileSizeMb} MB (Smartcat publishes no limit of its own): raise it to send this file.`,
			}),
		);
	const seen = new Map<string, string>();
	files.forEach((file, i) => {
		const other = seen.get(file.fileName);
		if (other !== undefined)
			throw new NodeOperationError(
				ctx.getNode(),
				`Input Binary Field: "${other}" and "${names[i]}" are both named "${file.fileName}"`,
				{
					itemIndex,
					description:
						'Smartcat refuses two documents of the same name in one project: rename one of the files (e.g. in the node that made it) before sending.',
				},
			);
		seen.set(file.fileName, names[i]);
	});
	return files;
}

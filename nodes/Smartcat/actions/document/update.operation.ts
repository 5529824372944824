import { NodeOperationError, type IDataObject } from 'n8n-workflow';

import { jsonItems, refuseRetryOnFail, type Operation } from '../../../common/actions/operations';
import { updateDocument } from '../../api';
import {
	binaryFieldsProperty,
	DEFAULT_MAX_UPLOAD_MB,
	filesOf,
	maxUploadSizeOption,
	uploadTimeoutOption,
} from '../../uploads';

/**
 * Document → Update: a new version of the document's source file, `PUT /api/integration/v2/document/update`
 * (Smartcat API, https://smartcat.com/api/methods/v1/swagger.json: the v1 method is obsolete). Smartcat updates
 * the document in every target language and keeps what is translated where the text is unchanged. One output
 * item per target language's document. Sent once only.
 */
export const update: Operation = {
	option: {
		name: 'Update',
		value: 'update',
		action: 'Update document source file',
		description:
			'Send a new version of the source file from binary data (Smartcat re-imports it for translation)',
	},
	properties: [
		{
			displayName: 'Document ID',
			name: 'documentId',
			type: 'string',
			required: true,
			default: '={{ $json.documentId }}',
			description:
				'The document to update, with a language part (e.g. 189_25): any of its target languages updates them all. By default the documentId of the incoming item.',
		},
		binaryFieldsProperty("The input item's binary field with the new version of the source file"),
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [maxUploadSizeOption, uploadTimeoutOption],
		},
	],
	async execute(ctx, i) {
		refuseRetryOnFail(ctx, i, "a new version of a Smartcat document's source file");
		const documentId = String(ctx.getNodeParameter('documentId', i) ?? '').trim();
		if (!documentId)
			throw new NodeOperationError(ctx.getNode(), 'Document ID is empty', {
				itemIndex: i,
				description:
					'Give the document to update, e.g. 189_25 (documentId of a Smartcat Trigger item).',
			});
		const name = String(ctx.getNodeParameter('binaryPropertyName', i) ?? '').trim();
		const options = ctx.getNodeParameter('options', i, {}) as {
			maxFileSize?: number;
			timeout?: number;
		};
		const [file] = await filesOf(ctx, i, [name], options.maxFileSize ?? DEFAULT_MAX_UPLOAD_MB);
		const documents = await updateDocument(ctx, documentId, file, {
			checkHint: `Before sending the file again, look at document ${documentId} in Smartcat (its status and source version, or Document → Get): if it shows the new version, it was updated.`,
			timeoutMs: options.timeout ? options.timeout * 1000 : undefined,
		});
		return jsonItems(documents as IDataObject[], i);
	},
};

import { NodeOperationError, type IDataObject } from 'n8n-workflow';

import {
	jsonItems,
	listParameter,
	refuseRetryOnFail,
	type Operation,
} from '../../../common/actions/operations';
import { addDocuments } from '../../api';
import { checkedLanguages } from '../../directories';
import { projectIdOf, projectLocatorProperty } from '../../projectLocator';
import {
	binaryFieldNames,
	binaryFieldsProperty,
	DEFAULT_MAX_UPLOAD_MB,
	documentSettingsOptions,
	filesOf,
	maxUploadSizeOption,
	uploadTimeoutOption,
} from '../../uploads';

interface AddOptions {
	targetLanguages?: string[] | string;
	externalId?: string;
	metaInfo?: string;
	maxFileSize?: number;
	timeout?: number;
}

/**
 * Document → Add to Project: `POST /project/document?projectId=` with the item's files (Smartcat API v1,
 * https://smartcat.com/api/methods/v1/swagger.json). One output item per new document: Smartcat makes one per
 * file and target language (id `<document>_<language>`). Sent once only.
 */
export const addToProject: Operation = {
	option: {
		name: 'Add to Project',
		value: 'addToProject',
		action: 'Add documents to project',
		description:
			"Send files from binary data to a project for translation (into the project's target languages, or the ones chosen)",
	},
	properties: [
		projectLocatorProperty,
		binaryFieldsProperty(
			'The files to translate: one binary field of the input item, or several separated by commas (each becomes a document)',
		),
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				...documentSettingsOptions,
				maxUploadSizeOption,
				{
					displayName: 'Target Language Names or IDs',
					name: 'targetLanguages',
					type: 'multiOptions',
					typeOptions: { loadOptionsMethod: 'getLanguages' },
					default: [],
					description:
						'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
					hint: "Only these of the project's languages (default: all of them)",
				},
				uploadTimeoutOption,
			],
		},
	],
	async execute(ctx, i) {
		refuseRetryOnFail(ctx, i, 'a document added to a Smartcat project');
		const projectId = projectIdOf(ctx, i);
		const options = ctx.getNodeParameter('options', i, {}) as AddOptions;
		const codes = listParameter(options.targetLanguages);
		const targetLanguages = codes.length
			? await checkedLanguages(ctx, i, 'Target Languages', codes)
			: undefined;
		const names = binaryFieldNames(ctx.getNodeParameter('binaryPropertyName', i));
		if (!names.length)
			throw new NodeOperationError(ctx.getNode(), 'Input Binary Field is empty', {
				itemIndex: i,
				description: "Name the input item's binary field with the file to send (usually data).",
			});
		const files = await filesOf(ctx, i, names, options.maxFileSize ?? DEFAULT_MAX_UPLOAD_MB);
		const documents = await addDocuments(
			ctx,
			projectId,
			files,
			{
				targetLanguages,
				externalId: options.externalId?.trim() || undefined,
				metaInfo: options.metaInfo?.trim() || undefined,
			},
			{
				checkHint: `Before running the node again, look at the project's documents in Smartcat (its Files page, or Project → Get for ${projectId}) for ${files.map((f) => `"${f.fileName}"`).join(', ')}: a document that is there was added and must not be added again.`,
				timeoutMs: options.timeout ? options.timeout * 1000 : undefined,
			},
		);
		return jsonItems(documents as IDataObject[], i);
	},
};

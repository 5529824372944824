import type { IDataObject } from 'n8n-workflow';

import type { Operation } from '../../../common/actions/operations';
import { deleteFile } from '../../api';
import { checkedLocale, checkedRelativePath } from '../../files';
import { checkedTargetLocales, projectLanguages, sourceLocaleOf } from '../../projectLanguages';
import { withExecutionSession } from '../../transport';
import { filePathProperty } from './filePath';

/**
 * Deletes a file from the project (help.wordbee.com/beebox/api-delete-translated-content: "source files,
 * instructions files and translated files"): a source file from the input folder, with its instructions
 * (`<file>.beebox`) if it has some, or one translated file from `out\<locale>\`. "If the file does not exist, the
 * method returns HTTP 400": the item fails with Beebox's message.
 */
export const deleteOperation: Operation = {
	option: {
		name: 'Delete',
		value: 'delete',
		action: 'Delete file',
		description:
			'Delete a source file (with its instructions) or one translated file from the project',
	},
	properties: [
		filePathProperty,
		{
			displayName: 'Delete From',
			name: 'deleteFrom',
			type: 'options',
			default: 'source',
			options: [
				{
					name: 'Source Files (In)',
					value: 'source',
					description: 'The source file and its instructions file, from the input folder',
				},
				{
					name: 'Translated Files (Out)',
					value: 'translation',
					description: 'The translation of the file into one language',
				},
			],
		},
		{
			displayName: 'Target Locale Name or ID',
			name: 'locale',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getTargetLocales' },
			required: true,
			default: '={{ $json.locale }}',
			displayOptions: { show: { deleteFrom: ['translation'] } },
			description:
				'The language of the translated file to delete. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
	],
	async execute(ctx, i) {
		const file = checkedRelativePath(String(ctx.getNodeParameter('file', i)));
		const from = ctx.getNodeParameter('deleteFrom', i) as 'source' | 'translation';
		const wantedLocale =
			from === 'translation' ? checkedLocale(String(ctx.getNodeParameter('locale', i))) : '';
		const deleted = await withExecutionSession(ctx, async (token, http) => {
			const project = await projectLanguages(ctx, http, token);
			if (from === 'translation') {
				const [locale] = checkedTargetLocales(ctx, i, 'Target Locale', [wantedLocale], project);
				await deleteFile(http, token, locale, file);
				return { locale };
			}
			const locale = sourceLocaleOf(project);
			await deleteFile(http, token, locale, file);
			const instructionsDeleted = await deleteFile(http, token, locale, `${file}.beebox`, true);
			return { locale, instructionsDeleted };
		});
		const input = (ctx.getInputData()[i]?.json ?? {}) as IDataObject;
		return [
			{
				json: { ...input, file, deletedFrom: from, ...deleted, deleted: true },
				pairedItem: { item: i },
			},
		];
	},
};

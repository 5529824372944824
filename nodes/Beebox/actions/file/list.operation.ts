import { NodeOperationError } from 'n8n-workflow';

import { jsonItems, type Operation } from '../../../common/actions/operations';
import { isReady, listTranslatedFiles, TRANSLATION_STATUS_PAGE_SIZE } from '../../api';
import { checkedLocale } from '../../files';
import { withExecutionSession } from '../../transport';
import { fileFilterOptions } from '../../fileFilters';
import { limitProperty, returnAllProperty } from '../../../common/actions/properties';

/** The most pages one run reads (100,000 records): a bound on a loop that Beebox's answers drive. */
const MAX_PAGES = 1_000;

/**
 * The translation status (help.wordbee.com/beebox/api-get-translation-status): one record per file and target
 * language with its status (1 Uptodate: ready to download, 4 New, 5 Submitting, 6 InProgress, 7 Done: not yet
 * downloadable, 8 Error, 10 Cancelled), read page by page with `skip` and `count`.
 */
export const list: Operation = {
	option: {
		name: 'List Translated Files',
		value: 'list',
		action: 'List translated files',
		description: 'Files by target language with their translation status',
	},
	properties: [
		returnAllProperty(),
		limitProperty(),
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: [
				...fileFilterOptions,
				{
					displayName: 'Ready to Download Only',
					name: 'readyOnly',
					type: 'boolean',
					default: false,
					description: 'Whether to return only files translated and ready for download (status 1)',
				},
			],
		},
	],
	async execute(ctx, i) {
		const returnAll = ctx.getNodeParameter('returnAll', i) as boolean;
		const limit = returnAll ? Infinity : (ctx.getNodeParameter('limit', i) as number);
		const filters = ctx.getNodeParameter('filters', i, {}) as {
			targetLocale?: string;
			pathPattern?: string;
			readyOnly?: boolean;
		};
		const targetLocale = filters.targetLocale?.trim()
			? checkedLocale(filters.targetLocale)
			: undefined;
		const wanted = filters.readyOnly ? isReady : () => true;
		const { records, complete } = await withExecutionSession(ctx, async (token, http) =>
			listTranslatedFiles(
				http,
				token,
				{ targetLocale, pathPattern: filters.pathPattern || undefined },
				{ maxPages: MAX_PAGES, enough: (read) => read.filter(wanted).length >= limit },
			),
		);
		const kept = records.filter(wanted);
		if (returnAll && !complete)
			throw new NodeOperationError(
				ctx.getNode(),
				`The project lists more than ${MAX_PAGES * TRANSLATION_STATUS_PAGE_SIZE} translated files: narrow the list with a Target Locale or a Path Pattern`,
				{ itemIndex: i },
			);
		return jsonItems(
			kept.slice(0, limit).map((record) => ({ ...record, ready: isReady(record) })),
			i,
		);
	},
};

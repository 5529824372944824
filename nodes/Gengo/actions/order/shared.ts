import { NodeOperationError, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { locatorParameter } from '../../../common/actions/resourceLocator';
import { uploadFromBinary } from '../../../common/http/upload';
import { offeredPair, type OfferedPair } from '../../languages';
import { GENGO_MAX_UPLOAD_BYTES, GENGO_UPLOAD_LIMIT_TEXT, type JobContent } from '../../ordering';
import { inputBinaryProperty } from '../../../common/actions/properties';

/**
 * The parameters Order → Create and Order → Quote share: what to translate (a text, or a file from the item's
 * binary data), from and into which language, at which tier. Languages and tiers are pick lists of what Gengo
 * offers (GET /translate/service/language_pairs), or codes typed or taken from the item.
 */
export const contentProperties: INodeProperties[] = [
	{
		displayName: 'Content',
		name: 'content',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Text', value: 'text', description: 'A text from the item (a text job)' },
			{
				name: 'File',
				value: 'file',
				description: "A file from the item's binary data (a file job; Gengo counts the words)",
			},
		],
		default: 'text',
	},
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		displayOptions: { show: { content: ['text'] } },
		description: 'The text to translate, e.g. an expression that reads the body of a CMS entry',
	},
	inputBinaryProperty({
		show: { content: ['file'] },
		hint: 'The name of the input binary field holding the file to translate (up to 100 MB)',
	}),
	{
		displayName: 'Source Language',
		name: 'sourceLanguage',
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: '' },
		description: 'The language of the content',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchSourceLanguages', searchable: true },
			},
			{
				displayName: 'By Code',
				name: 'id',
				type: 'string',
				placeholder: 'en',
				hint: "Gengo's language code, e.g. en, ja, es-la, zh-tw",
			},
		],
	},
	{
		displayName: 'Target Language',
		name: 'targetLanguage',
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: '' },
		description:
			'The language to translate into (the list shows those Gengo offers from the source)',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchTargetLanguages', searchable: true },
			},
			{
				displayName: 'By Code',
				name: 'id',
				type: 'string',
				placeholder: 'ja',
				hint: "Gengo's language code, e.g. ja, de, fr-ca",
			},
		],
	},
	{
		displayName: 'Tier',
		name: 'tier',
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: 'standard', cachedResultName: 'Standard' },
		description:
			'The quality level; the list shows the tiers Gengo offers for the pair, with their price',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchTiers' },
			},
			{
				displayName: 'By Code',
				name: 'id',
				type: 'string',
				placeholder: 'standard',
				hint: 'standard or pro (Business)',
			},
		],
	},
];

/**
 * The Options both Create and Get Quote take (`more` are Create's own): Slug, Gengo's title of the job (shown in its
 * dashboard), and for a file the File Name Gengo and its translator see.
 */
export function jobOptions(more: INodeProperties[] = []): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Slug',
				name: 'slug',
				type: 'string',
				default: '',
				description:
					"The job's title in Gengo's dashboard. Empty: the file's name, or the text's first words.",
			},
			{
				displayName: 'File Name',
				name: 'fileName',
				type: 'string',
				default: '',
				displayOptions: { show: { '/content': ['file'] } },
				description:
					"The file's name as Gengo receives it (its extension tells Gengo the format). Empty: the binary's own name.",
			},
			...more,
		],
	};
}

/** The item's job: its content, its checked language pair and tier, and its slug. */
export interface ItemJob {
	content: JobContent;
	pair: OfferedPair;
	slug: string;
}

/**
 * Reads and checks an item's job: the content (an empty text, a missing binary field, an empty file or one over
 * Gengo's 100 MB are refused naming the field), then the language pair and tier against what Gengo offers.
 * Nothing is uploaded here.
 */
export async function readItemJob(
	ctx: IExecuteFunctions,
	itemIndex: number,
	options: { slug?: string; fileName?: string },
): Promise<ItemJob> {
	const kind = ctx.getNodeParameter('content', itemIndex) as 'text' | 'file';
	let content: JobContent;
	let fallbackSlug: string;
	if (kind === 'file') {
		const file = await uploadFromBinary(
			ctx,
			itemIndex,
			ctx.getNodeParameter('binaryPropertyName', itemIndex) as string,
			{
				maxBytes: GENGO_MAX_UPLOAD_BYTES,
				vendorLimitText: GENGO_UPLOAD_LIMIT_TEXT,
				fileName: (options.fileName ?? '').trim() || undefined,
			},
		);
		content = { kind, file };
		fallbackSlug = file.fileName;
	} else {
		const value = ctx.getNodeParameter('text', itemIndex, '');
		const body = typeof value === 'string' ? value : value === null ? '' : String(value);
		if (!body.trim())
			throw new NodeOperationError(ctx.getNode(), 'Text is empty: there is nothing to translate', {
				itemIndex,
				description:
					'Set Text to the content to translate (e.g. an expression reading the CMS entry), or choose Content: File.',
			});
		content = { kind, text: body };
		fallbackSlug = body.trim().replace(/\s+/g, ' ').slice(0, 60);
	}
	const pair = await offeredPair(ctx, itemIndex, {
		source: locatorParameter(ctx, 'sourceLanguage', itemIndex),
		target: locatorParameter(ctx, 'targetLanguage', itemIndex),
		tier: locatorParameter(ctx, 'tier', itemIndex),
	});
	return { content, pair, slug: (options.slug ?? '').trim() || fallbackSlug };
}

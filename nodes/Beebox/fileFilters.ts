import type { INodePropertyCollection, INodeProperties } from 'n8n-workflow';

/**
 * The filters of the translation status (help.wordbee.com/beebox/api-get-translation-status: `targetLocale`, a
 * `patterns.fpath` regular expression), shared by File → List Translated Files and the Catch-Up Trigger.
 */
export const fileFilterOptions: Array<INodeProperties | INodePropertyCollection> = [
	{
		displayName: 'Target Locale',
		name: 'targetLocale',
		type: 'string',
		default: '',
		placeholder: 'es',
		description: 'Only this target language (a Beebox locale code such as fr or en-GB)',
	},
	{
		displayName: 'Path Pattern',
		name: 'pathPattern',
		type: 'string',
		default: '',
		placeholder: '\\.docx?$',
		description:
			"Only files whose path relative to the project matches this regular expression (Beebox's fpath pattern)",
	},
];

import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import {
	listParameter,
	refuseRetryOnFail,
	type Operation,
} from '../../../common/actions/operations';
import { userDateParameter } from '../../../common/delivery/dates';
import { uploadFromBinary } from '../../../common/http/upload';
import {
	deleteFile,
	putFile,
	putInstructions,
	requestScan,
	type BeeboxInstructions,
} from '../../api';
import { checkedRelativePath, fileNameProblem } from '../../files';
import { checkedTargetLocales, projectLanguages, sourceLocaleOf } from '../../projectLanguages';
import { BeeboxApiError, withExecutionSession } from '../../transport';
import { inputBinaryProperty, maxUploadSizeProperty } from '../../../common/actions/properties';

/** The largest file sent by default: Beebox documents no limit, so this is the node's own safeguard. */
const DEFAULT_MAX_UPLOAD_MB = 100;

/** A regular expression matching one path exactly, for "List Translated Files" → Path Pattern. */
const exactPattern = (path: string) => `^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`;

function folderOf(ctx: IExecuteFunctions, itemIndex: number): string {
	// a resource locator's value ({mode, value}), or a path an expression gave
	const raw = ctx.getNodeParameter('folder', itemIndex, '') as unknown;
	const value = String(
		(raw && typeof raw === 'object' ? (raw as { value?: unknown }).value : raw) ?? '',
	).trim();
	const folder = value.replace(/\//g, '\\').replace(/\\+$/, '');
	if (!folder) return '';
	try {
		return checkedRelativePath(folder);
	} catch (error) {
		throw new NodeOperationError(ctx.getNode(), `Folder: ${(error as Error).message}`, {
			itemIndex,
			description:
				"A folder of the project's input folder, relative to it (e.g. web\\news), or empty for the input folder itself.",
		});
	}
}

function nameProblem(ctx: IExecuteFunctions, itemIndex: number, name: string, given: boolean) {
	const problem = fileNameProblem(name);
	if (!problem) return;
	throw new NodeOperationError(
		ctx.getNode(),
		`File Name: "${name.slice(0, 80)}" cannot be a Beebox file name: ${problem}`,
		{
			itemIndex,
			description: given
				? 'Give the name only, e.g. page-42.html; the folder is the Folder parameter.'
				: 'The name comes from the input file: set File Name to the name the file shall have in Beebox, e.g. page-42.html.',
		},
	);
}

/**
 * Sends a file to translate (help.wordbee.com/beebox/api-send-source-content): the item's binary data goes into
 * the project's input folder (`in\<folder>\<name>`), "equivalent to copying a file to the project's IN
 * directory", which is what starts Beebox's work on it: it is picked up at the next automatic run (or at once
 * with Request Scan) and translated as the project's automation says (machine translation, jobs for translators).
 * Target languages and a deadline go into the file's instructions, `<name>.beebox`, sent first
 * (help.wordbee.com/beebox/api-send-instructions: "By default, the translation will be into all project target
 * languages"); without them an instructions file left from an earlier send is removed, so the folder's languages
 * apply. The file is streamed, and never sent twice: when Beebox may have received it but its answer was lost,
 * the item fails saying so and how to check.
 */
export const sendSource: Operation = {
	option: {
		name: 'Send Source File',
		value: 'sendSource',
		action: 'Send source file',
		description:
			"Put a file into the project's input folder to have it translated (this starts Beebox's translation work, which may cost money)",
	},
	properties: [
		{
			displayName:
				"Sending a file starts Beebox's translation workflow for it (machine translation, jobs for translators, as the project's automation is set up), which may cost money. A file is sent once: if Beebox's answer is lost, the node does not send it again.",
			name: 'sendNotice',
			type: 'notice',
			default: '',
		},
		inputBinaryProperty({ hint: 'The name of the input binary field holding the file to send' }),
		{
			displayName: 'Folder',
			name: 'folder',
			type: 'resourceLocator',
			default: { mode: 'path', value: '' },
			description:
				"A folder of the project's input folder. Empty: the input folder itself. Beebox creates a folder that does not exist yet.",
			modes: [
				{
					displayName: 'From List',
					name: 'list',
					type: 'list',
					placeholder: 'Select a folder...',
					typeOptions: { searchListMethod: 'searchFolders', searchable: true },
				},
				{
					displayName: 'By Path',
					name: 'path',
					type: 'string',
					placeholder: 'web\\news',
				},
			],
		},
		{
			displayName: 'File Name',
			name: 'fileName',
			type: 'string',
			default: '',
			placeholder: 'page-42.html',
			description:
				"The name of the file in Beebox. Empty: the input file's name. Translated files keep it, so it is how the file is found again when its translation is ready.",
		},
		{
			displayName: 'Target Locale Names or IDs',
			name: 'targetLocales',
			type: 'multiOptions',
			typeOptions: { loadOptionsMethod: 'getTargetLocales' },
			default: [],
			description:
				'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
			hint: "The languages to translate into, from the project's target languages (as an expression: a list, or text such as fr, de). None: the folder's languages, else all of the project's.",
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{
					displayName: 'Deadline',
					name: 'deadline',
					type: 'dateTime',
					default: '',
					description:
						'When the translation is due, sent in the instructions (a time without a zone is read as UTC)',
				},
				maxUploadSizeProperty(
					DEFAULT_MAX_UPLOAD_MB,
					'The largest file to send. A larger file fails the item before anything is sent. Beebox documents no limit of its own.',
				),
				{
					displayName: 'Request Scan',
					name: 'requestScan',
					type: 'boolean',
					default: false,
					description:
						"Whether to ask Beebox to look for new files right away instead of at the project's next automatic run (the call public Beebox connectors make; Wordbee's help does not describe it, so a failure of it is reported in the item, not as an error)",
				},
			],
		},
	],
	async execute(ctx, i) {
		refuseRetryOnFail(ctx, i, 'a source file sent to Beebox');
		const field = String(ctx.getNodeParameter('binaryPropertyName', i));
		const folder = folderOf(ctx, i);
		const givenName = String(ctx.getNodeParameter('fileName', i, '')).trim();
		if (givenName) nameProblem(ctx, i, givenName, true);
		const wanted = listParameter(ctx.getNodeParameter('targetLocales', i, []));
		const options = ctx.getNodeParameter('options', i, {}) as {
			deadline?: unknown;
			maxFileSize?: number;
			requestScan?: boolean;
		};
		const deadlineMs = userDateParameter(ctx, options.deadline, 'Deadline', i);
		const maxMegabytes = Number(options.maxFileSize ?? DEFAULT_MAX_UPLOAD_MB);
		const upload = await uploadFromBinary(ctx, i, field, {
			maxBytes: maxMegabytes * 1024 * 1024,
			vendorLimitText: `${maxMegabytes} MB, the node's Max File Size (Beebox documents no limit of its own)`,
			fileName: givenName || undefined,
		});
		const name = givenName || upload.fileName;
		nameProblem(ctx, i, name, false);
		const file = checkedRelativePath(folder ? `${folder}\\${name}` : name);

		const sent = await withExecutionSession(ctx, async (token, http, credentials) => {
			if (!credentials.projectKey)
				throw new BeeboxApiError(
					'Sending a file needs a Beebox project: the credential has no Project Key',
					400,
					{
						hint: "Set the project key (the project's Settings page) in the Wordbee Beebox credential.",
					},
				);
			const project = await projectLanguages(ctx, http, token);
			const sourceLocale = sourceLocaleOf(project);
			const targetLocales = checkedTargetLocales(ctx, i, 'Target Locales', wanted, project);
			const instructions: BeeboxInstructions = {};
			if (targetLocales.length) instructions.locales = targetLocales;
			if (deadlineMs !== undefined) instructions.deadline = new Date(deadlineMs).toISOString();
			// the instructions first: Beebox reads them when it picks the source file up
			// (help.wordbee.com/beebox/api-send-translated-content: "all in this precise order")
			if (Object.keys(instructions).length)
				await putInstructions(http, token, sourceLocale, file, instructions);
			else await deleteFile(http, token, sourceLocale, `${file}.beebox`, true);
			await putFile(http, token, {
				locale: sourceLocale,
				file,
				upload: { open: async () => await upload.open(), headers: {}, size: upload.size },
				checkHint: `Beebox may have stored "${file}" and started translating it. Before sending it again, check the project: "List Translated Files" with Path Pattern ${exactPattern(file)} lists it once Beebox has picked it up, and the project's input folder shows it in Beebox.`,
			});
			let scanError: string | undefined;
			if (options.requestScan)
				await requestScan(http, token).catch((error: Error) => {
					scanError = error.message;
				});
			return { sourceLocale, targetLocales, instructions, scanError };
		});
		const input = (ctx.getInputData()[i]?.json ?? {}) as IDataObject;
		return [
			{
				json: {
					...input,
					file,
					folder,
					fileName: name,
					sourceLocale: sent.sourceLocale,
					targetLocales: sent.targetLocales.length ? sent.targetLocales : null,
					deadline: sent.instructions.deadline ?? null,
					size: upload.size,
					mimeType: upload.mimeType,
					...(options.requestScan
						? { scanRequested: true, ...(sent.scanError ? { scanError: sent.scanError } : {}) }
						: {}),
				},
				pairedItem: { item: i },
			},
		];
	},
};

import { NodeOperationError, type IDataObject } from 'n8n-workflow';

import {
	listParameter,
	refuseRetryOnFail,
	type Operation,
} from '../../../common/actions/operations';
import { requiredLocator, resourceLocatorProperty } from '../../../common/actions/resourceLocator';
import { createJobs, getProject } from '../../api';
import { checkedLanguages } from '../../languages';
import {
	fileProperty,
	fileToSend,
	jobItems,
	maxFileSizeOption,
	phraseDate,
	PROJECT_LOCATOR,
} from '../shared';

/**
 * Phrase's "Create job" (developers.phrase.com/en/api/tms/latest/job/create-job): `POST
 * /api2/v1/projects/{projectUid}/jobs` with the file as the body, its name in `Content-Disposition` and the job
 * metadata in the `Memsource` header. Phrase creates one job per target language and workflow step, and counts the
 * file's words towards the organization's allowance for each target language: it is sent once, never again on its
 * own (common/httpClient.ts `createsWork`). Phrase documents no idempotency key for it.
 */
export const create: Operation = {
	option: {
		name: 'Create',
		value: 'create',
		action: 'Create jobs from file',
		description:
			"Send a file for translation: Phrase creates a job per target language and workflow step (the words count towards the organization's allowance)",
	},
	properties: [
		resourceLocatorProperty({
			...PROJECT_LOCATOR,
			description: 'The project the jobs go into; its template settings (workflow, TMs) apply',
		}),
		fileProperty,
		{
			displayName: 'Target Language Names or IDs',
			name: 'targetLangs',
			type: 'multiOptions',
			typeOptions: {
				loadOptionsMethod: 'getProjectTargetLanguages',
				loadOptionsDependsOn: ['project.value'],
			},
			default: [],
			description:
				'Languages to translate into: some or all of the project\'s target languages (empty: all of them). Codes such as de or pt_br, also "de, fr" from an expression. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		{
			displayName:
				"Phrase counts the file's words towards your organization's allowance once per target language. The job is created once: if Phrase may have received it but did not answer, the node says so instead of sending it again.",
			name: 'costNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{
					displayName: 'Due Date',
					name: 'due',
					type: 'dateTime',
					default: '',
					description: 'When the jobs are due',
				},
				{
					displayName: 'File Name',
					name: 'fileName',
					type: 'string',
					default: '',
					description:
						"The name Phrase shows for the file (its extension chooses Phrase's file filter); default: the binary's file name",
				},
				{
					displayName: 'Import Settings UID',
					name: 'importSettingsUid',
					type: 'string',
					default: '',
					description:
						"Re-usable import settings created in Phrase (Phrase's Create import settings); not with Use Project File Import Settings",
				},
				maxFileSizeOption,
				{
					displayName: 'Path',
					name: 'path',
					type: 'string',
					default: '',
					description:
						'The directory Phrase keeps as the file\'s original destination (e.g. "content/blog")',
				},
				{
					displayName: 'Pre-Translate',
					name: 'preTranslate',
					type: 'boolean',
					default: false,
					description:
						"Whether Phrase pre-translates the jobs after the import (the project's pre-translation settings)",
				},
				{
					displayName: 'Use Project File Import Settings',
					name: 'useProjectFileImportSettings',
					type: 'boolean',
					default: true,
					description:
						"Whether the project's file import settings apply; not with Import Settings UID",
				},
			],
		},
	],
	async execute(ctx, i) {
		refuseRetryOnFail(ctx, i, 'a file sent to Phrase TMS as jobs');
		const projectUid = requiredLocator(ctx, PROJECT_LOCATOR, i);
		const options = ctx.getNodeParameter('options', i, {}) as {
			due?: string;
			fileName?: string;
			maxFileSize?: number;
			importSettingsUid?: string;
			path?: string;
			preTranslate?: boolean;
			useProjectFileImportSettings?: boolean;
		};
		const file = await fileToSend(ctx, i, options);
		const importSettingsUid = options.importSettingsUid?.trim();
		if (importSettingsUid && options.useProjectFileImportSettings)
			throw new NodeOperationError(
				ctx.getNode(),
				'Options: Import Settings UID and Use Project File Import Settings cannot be used together',
				{
					itemIndex: i,
					description: 'Phrase takes one or the other: remove one of the two options.',
				},
			);
		const metadata: IDataObject = {};
		const due = phraseDate(ctx, i, options.due, 'Due Date');
		if (due) metadata.due = due;

		// The project as Phrase has it: its target languages (Phrase accepts only those), and a request that renews
		// an expired session before the file is sent (a creation is never sent twice, not even after a 401).
		const project = await getProject(ctx, projectUid);
		const projectLangs = Array.isArray(project.targetLangs)
			? (project.targetLangs as unknown[]).map(String)
			: [];
		const wanted = listParameter(ctx.getNodeParameter('targetLangs', i, []));
		const targetLangs = wanted.length
			? await checkedLanguages(ctx, i, wanted, 'Target Language Names or IDs', {
					codes: projectLangs,
					what: `the target languages of project "${String(project.name ?? projectUid)}"`,
				})
			: projectLangs;
		if (targetLangs.length === 0)
			throw new NodeOperationError(
				ctx.getNode(),
				`Target Language Names or IDs: project "${String(project.name ?? projectUid)}" has no target languages`,
				{ itemIndex: i, description: 'Add target languages to the project in Phrase first.' },
			);
		metadata.targetLangs = targetLangs;
		if (options.path?.trim()) metadata.path = options.path.trim();
		if (options.preTranslate !== undefined) metadata.preTranslate = options.preTranslate;
		if (importSettingsUid) metadata.importSettings = { uid: importSettingsUid };
		else if (options.useProjectFileImportSettings !== undefined)
			metadata.useProjectFileImportSettings = options.useProjectFileImportSettings;

		const answer = await createJobs(
			ctx,
			projectUid,
			file,
			metadata,
			`Before running this again, look in Phrase TMS for jobs of the file "${file.fileName}" in project "${String(project.name ?? projectUid)}" (${projectUid}), e.g. with Job → Get Many on that project: Phrase imports the file in the background, so they can appear a little later.`,
		);
		if (answer.jobs.length === 0)
			throw new NodeOperationError(
				ctx.getNode(),
				`Phrase TMS created no job from "${file.fileName}"${answer.unsupportedFiles.length ? ': it does not import this file type' : ''}`,
				{
					itemIndex: i,
					description: answer.unsupportedFiles.length
						? `Unsupported files: ${answer.unsupportedFiles
								.slice(0, 5)
								.map((name) => name.slice(0, 200))
								.join(
									', ',
								)}. Check the file's extension (Options → File Name) or the project's file import settings.`
						: 'Phrase answered without jobs: check the project in Phrase.',
				},
			);
		return jobItems(answer, projectUid, i);
	},
};

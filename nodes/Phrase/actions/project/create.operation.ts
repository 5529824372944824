import { NodeOperationError } from 'n8n-workflow';

import {
	listParameter,
	refuseRetryOnFail,
	type Operation,
} from '../../../common/actions/operations';
import { requiredLocator, resourceLocatorProperty } from '../../../common/actions/resourceLocator';
import { createProject, createProjectFromTemplate, getTemplate, type NewProject } from '../../api';
import { checkedLanguages } from '../../languages';
import { phraseDate, SOURCE_LANGUAGE_LOCATOR, TEMPLATE_LOCATOR, text } from '../shared';

const fromTemplate = { show: { createFrom: ['template'] } };
const fromLanguages = { show: { createFrom: ['languages'] } };

/**
 * Phrase's "Create project from template" (developers.phrase.com/en/api/tms/v2/project/create-project-from-template,
 * `POST /api2/v2/projects/applyTemplate/{templateUid}`, the current version) or "Create project"
 * (developers.phrase.com/en/api/tms/latest/project/create-project, `POST /api2/v3/projects`): answered 201 with the
 * project. Sent once, never again on its own (`createsWork`); Phrase documents no idempotency key for it.
 */
export const create: Operation = {
	option: {
		name: 'Create',
		value: 'create',
		action: 'Create project',
		description: 'A new project from a project template, or with a source and target languages',
	},
	properties: [
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. Website update 2026-12',
		},
		{
			displayName: 'Create From',
			name: 'createFrom',
			type: 'options',
			noDataExpression: true,
			options: [
				{
					name: 'Project Template',
					value: 'template',
					description: "The template's languages, workflow steps, TMs and settings",
				},
				{
					name: 'Languages',
					value: 'languages',
					description: 'A source language and target languages, with the organization defaults',
				},
			],
			default: 'template',
		},
		{ ...resourceLocatorProperty(TEMPLATE_LOCATOR), displayOptions: fromTemplate },
		{ ...resourceLocatorProperty(SOURCE_LANGUAGE_LOCATOR), displayOptions: fromLanguages },
		{
			displayName: 'Target Language Names or IDs',
			name: 'targetLangs',
			type: 'multiOptions',
			typeOptions: { loadOptionsMethod: 'getLanguages' },
			required: true,
			default: [],
			displayOptions: fromLanguages,
			description:
				'Languages to translate into: Phrase\'s codes such as de or pt_br, also "de, fr" from an expression. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		{
			displayName: 'Target Language Names or IDs',
			name: 'targetLangs',
			type: 'multiOptions',
			typeOptions: { loadOptionsMethod: 'getLanguages' },
			default: [],
			displayOptions: fromTemplate,
			description:
				'Empty: the template\'s target languages. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{
					displayName: 'Due Date',
					name: 'dateDue',
					type: 'dateTime',
					default: '',
				},
				{
					displayName: 'Note',
					name: 'note',
					type: 'string',
					typeOptions: { rows: 3 },
					default: '',
				},
			],
		},
	],
	async execute(ctx, i) {
		refuseRetryOnFail(ctx, i, 'a Phrase TMS project');
		const name = text(ctx, 'name', i);
		if (!name)
			throw new NodeOperationError(ctx.getNode(), 'Name: a project needs a name', { itemIndex: i });
		const createFrom = ctx.getNodeParameter('createFrom', i) as string;
		const fields = ctx.getNodeParameter('additionalFields', i, {}) as {
			dateDue?: string;
			note?: string;
		};
		const project: NewProject = { name };
		const checkHint = `Before running this again, look for a project named "${name}" in Phrase TMS (e.g. Project → Get Many, Name Contains "${name}").`;
		const targets = listParameter(ctx.getNodeParameter('targetLangs', i, []));

		let templateUid: string | undefined;
		if (createFrom === 'template') {
			templateUid = requiredLocator(ctx, TEMPLATE_LOCATOR, i);
			// the template exists; and a request that renews an expired session before the creation is sent
			await getTemplate(ctx, templateUid);
			if (targets.length)
				project.targetLangs = await checkedLanguages(
					ctx,
					i,
					targets,
					'Target Language Names or IDs',
				);
		} else {
			const source = requiredLocator(ctx, SOURCE_LANGUAGE_LOCATOR, i);
			if (targets.length === 0)
				throw new NodeOperationError(
					ctx.getNode(),
					'Target Language Names or IDs: a project needs at least one target language',
					{ itemIndex: i },
				);
			[project.sourceLang] = await checkedLanguages(ctx, i, [source], 'Source Language');
			project.targetLangs = await checkedLanguages(ctx, i, targets, 'Target Language Names or IDs');
		}
		const dateDue = phraseDate(ctx, i, fields.dateDue, 'Due Date');
		if (dateDue) project.dateDue = dateDue;
		if (fields.note?.trim()) project.note = fields.note;

		const created = templateUid
			? await createProjectFromTemplate(ctx, templateUid, project, checkHint)
			: await createProject(ctx, project, checkHint);
		return [{ json: { projectId: created.uid, ...created }, pairedItem: { item: i } }];
	},
};

import {
	NodeOperationError,
	type IExecuteFunctions,
	type ILoadOptionsFunctions,
	type INodeListSearchResult,
	type INodeProperties,
} from 'n8n-workflow';

import { credentialOnce } from '../common/http/httpClient';
import { listProjects } from './api';
import { smartcatApiRoot } from './servers';

/** A Smartcat project id: a GUID (Smartcat API v1, ProjectModel.id, format uuid). */
const GUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

/**
 * A project's page in Smartcat's web app: https://smartcat.com/projects/<id>/files (any server: us., ea., the
 * older smartcat.ai), the address users copy from the browser.
 */
const PROJECT_URL = `^https?://[^/\\s]+/projects/(${GUID})(?:[/?#].*)?$`;

/** The page size of the editor's project list (Smartcat pages `GET /project/list` by offset). */
const SEARCH_PAGE = 50;

/**
 * "Project" the n8n way: chosen from the account's projects (searched by name), given by ID, or by the
 * address of its page in Smartcat.
 */
export const projectLocatorProperty: INodeProperties = {
	displayName: 'Project',
	name: 'projectId',
	type: 'resourceLocator',
	required: true,
	default: { mode: 'list', value: '' },
	description: 'The Smartcat project to add the documents to',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a project...',
			typeOptions: { searchListMethod: 'searchProjects', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 4d908357-34a2-4503-88c8-ce857b46fc75',
			validation: [
				{
					type: 'regex',
					properties: {
						regex: `^\\s*${GUID}\\s*$`,
						errorMessage:
							'Not a Smartcat project ID (a GUID, e.g. 4d908357-34a2-4503-88c8-ce857b46fc75)',
					},
				},
			],
		},
		{
			displayName: 'By URL',
			name: 'url',
			type: 'string',
			placeholder: 'e.g. https://smartcat.com/projects/4d908357-34a2-4503-88c8-ce857b46fc75/files',
			extractValue: { type: 'regex', regex: PROJECT_URL },
			validation: [
				{
					type: 'regex',
					properties: {
						regex: PROJECT_URL,
						errorMessage:
							"Not the address of a Smartcat project's page (https://smartcat.com/projects/<project ID>/...)",
					},
				},
			],
		},
	],
};

/**
 * The project id an item's "Project" names, whatever the mode (a URL is reduced to its id here as well, so that
 * a value set by an expression or an AI agent works too), or a NodeOperationError naming the parameter.
 */
export function projectIdOf(ctx: IExecuteFunctions, itemIndex: number): string {
	const value = ctx.getNodeParameter(projectLocatorProperty.name, itemIndex) as
		| { mode?: string; value?: unknown }
		| string;
	const raw = String(
		(typeof value === 'object' && value !== null ? value.value : value) ?? '',
	).trim();
	const fromUrl = new RegExp(PROJECT_URL).exec(raw)?.[1];
	const id = fromUrl ?? raw;
	if (!new RegExp(`^${GUID}$`).test(id))
		throw new NodeOperationError(
			ctx.getNode(),
			raw
				? `Project: "${raw.slice(0, 80)}" is not a Smartcat project ID or project address`
				: 'Project: no project chosen',
			{
				itemIndex,
				description:
					'Choose the project from the list, or give its ID (a GUID such as 4d908357-34a2-4503-88c8-ce857b46fc75) or the address of its page in Smartcat.',
			},
		);
	return id;
}

/**
 * The editor's project list (n8n listSearch): the account's projects whose name contains `filter` (Smartcat's
 * own partial match), a page at a time, each with a link to its page in Smartcat.
 */
export async function searchProjects(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const offset = Math.max(0, Number(paginationToken) || 0);
	const projects = await listProjects(
		this,
		{ projectName: filter, includeDocuments: false },
		offset,
		SEARCH_PAGE,
	);
	const web = smartcatApiRoot(await credentialOnce(this, 'smartcatApi')).replace(
		/\/api\/integration\/v1$/,
		'',
	);
	return {
		results: projects.flatMap((project) =>
			project.id
				? [
						{
							name: project.name?.trim() || project.id,
							value: project.id,
							url: `${web}/projects/${encodeURIComponent(project.id)}/files`,
						},
					]
				: [],
		),
		paginationToken: projects.length === SEARCH_PAGE ? String(offset + SEARCH_PAGE) : undefined,
	};
}

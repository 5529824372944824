import {
	NodeOperationError,
	type ILoadOptionsFunctions,
	type INodeListSearchItems,
	type INodeListSearchResult,
	type INodePropertyOptions,
} from 'n8n-workflow';

import { credentialOnce } from '../common/http/httpClient';
import { currentLocator } from '../common/actions/resourceLocator';
import { PROJECT_LOCATOR } from './actions/shared';
import {
	getProject,
	listJobsPage,
	listLanguages,
	listProjectsPage,
	listTemplatesPage,
	type Page,
} from './api';
import { phraseBaseUrl } from './servers';

/**
 * What the Phrase TMS node's pick lists show in the editor: the node's `methods.listSearch` (resource locators'
 * "From list") and `methods.loadOptions` (the target languages' multi-select). Lists are paged as Phrase pages them
 * (50 a page): n8n asks for the next page with the `paginationToken` given.
 */

const nextPage = (page: Page, pageNumber: number) =>
	pageNumber + 1 < page.totalPages && page.content.length > 0 ? String(pageNumber + 1) : undefined;

const pageOf = (token: string | undefined) => {
	const n = Number(token ?? 0);
	return Number.isSafeInteger(n) && n >= 0 ? n : 0;
};

/** Phrase's web app, where a project or job opens: the credential's `<server>/web`. */
async function webApp(ctx: ILoadOptionsFunctions): Promise<string> {
	return phraseBaseUrl(await credentialOnce(ctx, 'phraseApi'));
}

const contains = (filter: string | undefined, ...texts: unknown[]) =>
	!filter ||
	texts.some((t) => typeof t === 'string' && t.toLowerCase().includes(filter.trim().toLowerCase()));

/** Projects by name (Phrase's `name` filter), newest pages first as Phrase orders them. */
export async function searchProjects(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const pageNumber = pageOf(paginationToken);
	const page = await listProjectsPage(this, { pageNumber, name: filter?.trim() || undefined });
	const web = await webApp(this);
	return {
		results: page.content
			.filter((p) => typeof p.uid === 'string')
			.map((p) => ({
				name: String(p.name ?? p.uid),
				value: String(p.uid),
				url: `${web}/project2/show/${encodeURIComponent(String(p.uid))}`,
			})),
		paginationToken: nextPage(page, pageNumber),
	};
}

/** The chosen project's jobs of the first workflow step (the ones Update Source takes), by file name or language. */
export async function searchJobs(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const projectUid = currentLocator(this, PROJECT_LOCATOR);
	if (!projectUid || projectUid.startsWith('='))
		throw new NodeOperationError(
			this.getNode(),
			'Choose the project first: the list shows its jobs',
		);
	const pageNumber = pageOf(paginationToken);
	const page = await listJobsPage(this, projectUid, { pageNumber });
	const web = await webApp(this);
	const results: INodeListSearchItems[] = page.content
		.filter((j) => typeof j.uid === 'string')
		.filter((j) => contains(filter, j.filename, j.targetLang, j.uid))
		.map((j) => ({
			name: `${String(j.filename ?? j.uid)} → ${String(j.targetLang ?? '?')} (${String(j.status ?? '')})`,
			value: String(j.uid),
			url: `${web}/job/${encodeURIComponent(String(j.uid))}/translate`,
		}));
	return { results, paginationToken: nextPage(page, pageNumber) };
}

/** Project templates by name (Phrase's `name` filter). */
export async function searchTemplates(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const pageNumber = pageOf(paginationToken);
	const page = await listTemplatesPage(this, { pageNumber, name: filter?.trim() || undefined });
	return {
		results: page.content
			.filter((t) => typeof t.uid === 'string')
			.map((t) => ({
				name: String(t.templateName ?? t.name ?? t.uid),
				value: String(t.uid),
				...(t.sourceLang
					? {
							description: `${String(t.sourceLang)} → ${((t.targetLangs as string[] | undefined) ?? []).join(', ')}`,
						}
					: {}),
			})),
		paginationToken: nextPage(page, pageNumber),
	};
}

const languageOption = (l: { code: string; name: string }) => ({
	name: `${l.name} (${l.code})`,
	value: l.code,
});

/** Phrase's languages by name, code or BCP 47 form. */
export async function searchLanguages(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const languages = await listLanguages(this);
	return {
		results: languages.filter((l) => contains(filter, l.name, l.code, l.rfc)).map(languageOption),
	};
}

/** Every language Phrase supports (the Target Languages of a new project). */
export async function getLanguages(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await listLanguages(this)).map(languageOption);
}

/** The chosen project's target languages (Phrase creates jobs only in those). */
export async function getProjectTargetLanguages(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const projectUid = currentLocator(this, PROJECT_LOCATOR);
	if (!projectUid || projectUid.startsWith('=')) return [];
	const project = await getProject(this, projectUid);
	const names = new Map((await listLanguages(this)).map((l) => [l.code, l.name]));
	return ((project.targetLangs as string[] | undefined) ?? []).map((code) =>
		languageOption({ code, name: names.get(code) ?? code }),
	);
}

import type {
	ICredentialDataDecryptedObject,
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodePropertyOptions,
} from 'n8n-workflow';

import { getHotFolders, getProjectInformation } from './api';
import {
	beeboxCallFrom,
	beeboxCredentials,
	RUN_CONNECT,
	withBeeboxSession,
	type BeeboxCall,
} from './transport';

/**
 * The Wordbee Beebox node's pick lists, asked by the editor: one short API session each (logged out at once: an
 * open session pauses Beebox's automation, help.wordbee.com/beebox/api-disconnect).
 */
async function inSession<T>(
	ctx: ILoadOptionsFunctions,
	work: (http: BeeboxCall, token: string) => Promise<T>,
): Promise<T> {
	const credentials = beeboxCredentials(
		await ctx.getCredentials<ICredentialDataDecryptedObject>('beeboxApi'),
	);
	const http = beeboxCallFrom(ctx);
	return await withBeeboxSession(http, credentials, RUN_CONNECT, async (token) =>
		work(http, token),
	);
}

/** The project's target languages (help.wordbee.com/beebox/api-get-project-information), named as Beebox names them. */
export async function getTargetLocales(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const project = await inSession(this, getProjectInformation);
	const names = new Map((project.targetLocaleItems ?? []).map((item) => [item.v, item.t]));
	return (project.targetLocales ?? []).map((locale) => ({
		name: names.get(locale) || locale,
		value: locale,
	}));
}

/**
 * The project's folders (help.wordbee.com/beebox/api-hotfolders), each with the languages a file put there is
 * translated into; the input folder itself is "no folder" and is not listed. `filter` matches the folder's path.
 */
export async function searchFolders(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const folders = await inSession(this, getHotFolders);
	const wanted = filter?.trim().toLowerCase();
	return {
		results: folders
			.filter((folder) => folder.directory && folder.translate !== false)
			.filter((folder) => !wanted || folder.directory!.toLowerCase().includes(wanted))
			.map((folder) => ({
				name: `${folder.directory} (${folder.targetLocales?.length ? folder.targetLocales.join(', ') : 'all languages'})`,
				value: folder.directory!,
			})),
	};
}

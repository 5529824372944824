import {
	NodeOperationError,
	type IExecuteFunctions,
	type ILoadOptionsFunctions,
	type INodePropertyOptions,
} from 'n8n-workflow';

import { getDirectory } from './api';
import type { SmartcatDirectoryEntry } from './schemas';

/**
 * Smartcat's directories (`GET /api/integration/v2/directory?type=`, Smartcat API,
 * https://smartcat.com/api/methods/v1/swagger.json) as the node's lists: vendors, and languages, the codes
 * projects take (`en`, `de`, `pt-BR`, `zh-Hans`, ...). A language code the directory does not have is refused
 * here, naming the parameter, before anything is sent.
 */

const directories = new WeakMap<object, Promise<SmartcatDirectoryEntry[]>>();

/** The language directory, read once per n8n context (one execution asks once however many items it has). */
export function smartcatLanguages(
	ctx: IExecuteFunctions | ILoadOptionsFunctions,
): Promise<SmartcatDirectoryEntry[]> {
	let languages = directories.get(ctx);
	if (!languages) {
		languages = getDirectory(ctx, 'language');
		// a failed read is not kept: the next item asks again
		languages.catch(() => directories.delete(ctx));
		directories.set(ctx, languages);
	}
	return languages;
}

/** A code as compared: case does not matter, and `pt_BR` is `pt-BR`. */
const comparable = (code: string) => code.trim().toLowerCase().replace(/_/g, '-');

/**
 * Each code as Smartcat spells it, or a NodeOperationError naming the parameter (its display name), the code,
 * and the directory's codes that share its language part (`pt` → `pt`, `pt-BR`, `pt-PT`).
 */
export async function checkedLanguages(
	ctx: IExecuteFunctions,
	itemIndex: number,
	parameter: string,
	codes: string[],
): Promise<string[]> {
	const languages = await smartcatLanguages(ctx);
	const byCode = new Map(languages.map((l) => [comparable(l.id), l.id]));
	return codes.map((code) => {
		const known = byCode.get(comparable(code));
		if (known) return known;
		const base = comparable(code).split('-')[0];
		const close = languages
			.filter((l) => comparable(l.id).split('-')[0] === base)
			.map((l) => l.id)
			.slice(0, 10);
		throw new NodeOperationError(
			ctx.getNode(),
			`${parameter}: "${code.slice(0, 40)}" is not a language Smartcat has`,
			{
				itemIndex,
				description: `${close.length ? `Did you mean ${close.join(', ')}? ` : ''}Smartcat takes language codes such as en, de, pt-BR or zh-Hans: choose from the list, or use a code of Smartcat's language directory.`,
			},
		);
	});
}

/** The languages as options of a list in the editor: "German (de)", sorted by name. */
export async function languageOptions(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const languages = await smartcatLanguages(this);
	return languages
		.map((l) => ({ name: `${l.name} (${l.id})`, value: l.id }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** The account's vendors (`GET /api/integration/v2/directory?type=vendor`) as options, sorted by name. */
export async function vendorOptions(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const vendors = await getDirectory(this, 'vendor');
	return vendors
		.map((v) => ({ name: v.name, value: v.id }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

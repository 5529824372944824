import type {
	IExecuteFunctions,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

/**
 * n8n's resource locators (a parameter of `type: 'resourceLocator'`, "From list" / "By ID" / "By URL"): reading
 * the chosen value, and answering the editor's list search. n8n stores a locator as
 * `{__rl: true, mode, value}`; `getNodeParameter(..., {extractValue: true})` hands the value out (applying the
 * mode's `extractValue` regex, e.g. an id taken out of a URL), a plain string (an older saved workflow, an
 * expression) stays a string.
 */

/** The value of a resource locator parameter, trimmed ('' when nothing is chosen). */
export function locatorValue(
	ctx: IExecuteFunctions | ILoadOptionsFunctions,
	name: string,
	itemIndex?: number,
): string {
	const raw =
		itemIndex === undefined
			? (ctx as ILoadOptionsFunctions).getCurrentNodeParameter(name, { extractValue: true })
			: (ctx as IExecuteFunctions).getNodeParameter(name, itemIndex, '', { extractValue: true });
	const value =
		raw && typeof raw === 'object' && 'value' in raw ? (raw as { value: unknown }).value : raw;
	return value === undefined || value === null ? '' : String(value).trim();
}

/**
 * A list search's answer: the entries whose name or value contains the filter (case-insensitive), in the given
 * order. The vendors' lists here are short (languages, tiers) and fetched whole, so filtering is done here.
 */
export function listSearchResult(
	entries: INodeListSearchItems[],
	filter: string | undefined,
): INodeListSearchResult {
	const wanted = (filter ?? '').trim().toLowerCase();
	return {
		results: wanted
			? entries.filter(
					(entry) =>
						entry.name.toLowerCase().includes(wanted) ||
						String(entry.value).toLowerCase().includes(wanted),
				)
			: entries,
	};
}

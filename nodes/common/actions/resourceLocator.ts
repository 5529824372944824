import {
	NodeOperationError,
	type IExecuteFunctions,
	type ILoadOptionsFunctions,
	type INodeListSearchItems,
	type INodeListSearchResult,
	type INodeProperties,
} from 'n8n-workflow';

/**
 * Pick lists the n8n way: a resource locator ("From list" with a list search on the node, "By ID", and "By URL"
 * where the vendor's web app has an address for the thing), as n8n's Airtable and Notion nodes offer them.
 */
export interface LocatorSpec {
	displayName: string;
	name: string;
	/** the node's `methods.listSearch` function for "From list" */
	searchListMethod: string;
	/** what an id looks like (checked by the editor as it is typed) */
	id: { placeholder: string; regex: string; errorMessage: string };
	/** the vendor's web address of the thing: its first capture group is the id */
	url?: { placeholder: string; regex: string };
	default?: { mode: 'list' | 'id' | 'url'; value: string };
	required?: boolean;
	description?: string;
	hint?: string;
}

export function resourceLocatorProperty(spec: LocatorSpec): INodeProperties {
	const property: INodeProperties = {
		displayName: spec.displayName,
		name: spec.name,
		type: 'resourceLocator',
		default: { __rl: true, mode: 'list', value: '', ...spec.default },
		required: spec.required ?? true,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: spec.searchListMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: spec.id.placeholder,
				validation: [
					{
						type: 'regex',
						properties: { regex: spec.id.regex, errorMessage: spec.id.errorMessage },
					},
				],
			},
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: spec.url?.placeholder,
				extractValue: { type: 'regex', regex: spec.url?.regex ?? '' },
				validation: [
					{
						type: 'regex',
						properties: {
							regex: spec.url?.regex ?? '',
							errorMessage: `Not a ${spec.displayName.toLowerCase()} URL`,
						},
					},
				],
			},
		],
		...(spec.description ? { description: spec.description } : {}),
		...(spec.hint ? { hint: spec.hint } : {}),
	};
	// "By URL" only where the vendor's web app has an address for the thing
	if (!spec.url) property.modes = property.modes?.filter((mode) => mode.name !== 'url');
	return property;
}

/**
 * The id a resource locator parameter holds, trimmed: n8n extracts it from a "By URL" address itself
 * (`extractValue`); a saved value read without that (or an expression giving a plain string or a URL) is handled
 * here the same way. Empty when nothing was chosen.
 */
export function locatorValue(value: unknown, spec: Pick<LocatorSpec, 'url'>): string {
	if (value === null || value === undefined) return '';
	if (typeof value !== 'object') return fromUrl(String(value).trim(), spec);
	const { mode, value: inner } = value as { mode?: string; value?: unknown };
	const text = String(inner ?? '').trim();
	return mode === 'url' || /^https?:\/\//i.test(text) ? fromUrl(text, spec) : text;
}

function fromUrl(text: string, spec: Pick<LocatorSpec, 'url'>): string {
	if (!spec.url || !/^https?:\/\//i.test(text)) return text;
	return new RegExp(spec.url.regex).exec(text)?.[1] ?? text;
}

/** An item's resource locator parameter as an id; an empty one is an error naming the parameter. */
export function requiredLocator(
	ctx: IExecuteFunctions,
	spec: Pick<LocatorSpec, 'name' | 'displayName' | 'url'>,
	itemIndex: number,
): string {
	const id = locatorValue(
		ctx.getNodeParameter(spec.name, itemIndex, '', { extractValue: true }),
		spec,
	);
	if (!id)
		throw new NodeOperationError(ctx.getNode(), `${spec.displayName}: choose one or enter its ID`, {
			itemIndex,
		});
	return id;
}

/** The current value of another resource locator while the editor lists options (a list search, loadOptions). */
export function currentLocator(
	ctx: ILoadOptionsFunctions,
	spec: Pick<LocatorSpec, 'name' | 'url'>,
): string {
	return locatorValue(ctx.getCurrentNodeParameter(spec.name, { extractValue: true }), spec);
}

/**
 * A resource locator parameter's value by name, trimmed ('' when nothing is chosen): the item's while the node
 * runs (`itemIndex`), or the edited node's while the editor asks a list search.
 */
export function locatorParameter(
	ctx: IExecuteFunctions | ILoadOptionsFunctions,
	name: string,
	itemIndex?: number,
): string {
	const raw =
		itemIndex === undefined
			? (ctx as ILoadOptionsFunctions).getCurrentNodeParameter(name, { extractValue: true })
			: (ctx as IExecuteFunctions).getNodeParameter(name, itemIndex, '', { extractValue: true });
	return locatorValue(raw, {});
}

/**
 * A list search's answer: the entries whose name or value contains the filter (case-insensitive), in the given
 * order. Lists fetched whole (languages, tiers) are filtered here.
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

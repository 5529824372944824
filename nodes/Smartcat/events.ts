/**
 * Smartcat's callbacks (help.smartcat.ai/hc/en-us/articles/360000048572): Smartcat POSTs a JSON array of ids to the account's callback URL with one of
 * these paths appended. Project ids are GUIDs; document ids look like `189_25` (document + target language).
 */
export const SMARTCAT_EVENTS = [
	{
		event: 'project.status',
		path: 'project/status',
		idKind: 'project',
		name: 'Project Status Changed',
		description: "A project's status changed; ids are project IDs",
	},
	{
		event: 'document.status',
		path: 'document/status',
		idKind: 'document',
		name: 'Document Status Changed',
		description: "A document's status changed; ids are document IDs",
	},
	{
		event: 'document.translationImportCompleted',
		path: 'document/translationImportCompleted',
		idKind: 'document',
		name: 'Translation Import Completed',
		description: 'Importing a bilingual XLIFF of a document finished; ids are document IDs',
	},
] as const;

export type SmartcatEvent = (typeof SMARTCAT_EVENTS)[number];

/**
 * The statuses Smartcat's API gives projects (`created | inProgress | completed | canceled`) and documents
 * (`created | inProgress | completed | updated | targetUpdated`): the enums of ProjectModel and DocumentModel in
 * Smartcat's OpenAPI (https://smartcat.com/api/methods/v1/swagger.json), camelCase on the wire.
 */
export const SMARTCAT_STATUSES = [
	{ name: 'Created', value: 'created', description: 'Projects and documents' },
	{ name: 'In Progress', value: 'inProgress', description: 'Projects and documents' },
	{ name: 'Completed', value: 'completed', description: 'Projects and documents' },
	{ name: 'Canceled', value: 'canceled', description: 'Projects only' },
	{ name: 'Updated', value: 'updated', description: 'Documents only' },
	{ name: 'Target Updated', value: 'targetUpdated', description: 'Documents only' },
] as const;

/** The event whose path `text` ends with (a trailing `/` allowed). */
function eventAtEnd(text: string): SmartcatEvent | undefined {
	const trimmed = text.replace(/\/+$/, '');
	return SMARTCAT_EVENTS.find((e) => trimmed.endsWith(`/${e.path}`));
}

/**
 * The event of a request, from what Smartcat appended to the callback URL. Smartcat adds `/document/status` etc.
 * to the end of the URL as a string (help.smartcat.ai/hc/en-us/articles/360000048572): normally that is the
 * path, but a callback URL with a query string gets it at the end of the query (`...?x=1/document/status`, the
 * form Blackbird's Smartcat app relies on, github.com/bb-io/Smartcat), where n8n, which routes by path, hands
 * the request to the node's base URL. So: the path first, then the end of the query string (also decoded).
 */
export function eventOfUrl(url: string): SmartcatEvent | undefined {
	const at = url.indexOf('?');
	const path = at < 0 ? url : url.slice(0, at);
	const byPath = eventAtEnd(path);
	if (byPath || at < 0) return byPath;
	const query = url.slice(at + 1).split('#')[0];
	let decoded = query;
	try {
		decoded = decodeURIComponent(query);
	} catch {
		// a broken escape: the raw text is all there is
	}
	return eventAtEnd(query) ?? eventAtEnd(decoded);
}

export { ALL_EVENTS, isEventWanted } from '../common/eventFilter';

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

/** The event of a request, from the path Smartcat appended to the callback URL. */
export function eventOfPath(requestPath: string): SmartcatEvent | undefined {
	const path = requestPath.split('?')[0].replace(/\/+$/, '');
	return SMARTCAT_EVENTS.find((e) => path.endsWith(`/${e.path}`));
}

import type { Resource } from '../../common/actions/operations';
import { getDetails } from './event/getDetails.operation';
import { deleteOperation } from './file/delete.operation';
import { download } from './file/download.operation';
import { list } from './file/list.operation';
import { sendSource } from './file/sendSource.operation';

/**
 * The Wordbee Beebox node's resources and operations (help.wordbee.com/beebox/api-...). Sending a source file is
 * how a connector asks for a translation: Beebox documents no other call for it (the target languages and the
 * deadline travel in the file's instructions). Beebox documents no method for a connector to mark a delivered
 * file as taken: there is none here.
 */
export const BEEBOX_RESOURCES: Resource[] = [
	{ name: 'Event', value: 'event', operations: [getDetails] },
	{
		name: 'File',
		value: 'file',
		defaultOperation: 'list',
		operations: [list, download, sendSource, deleteOperation],
	},
];

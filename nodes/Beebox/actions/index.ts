import type { Resource } from '../../common/actions/operations';
import { getDetails } from './event/getDetails.operation';
import { download } from './file/download.operation';
import { list } from './file/list.operation';

/**
 * The Wordbee Beebox node's resources and operations (help.wordbee.com/beebox/api-...). Beebox documents no
 * method for a connector to mark a delivered file as taken: there is none here.
 */
export const BEEBOX_RESOURCES: Resource[] = [
	{ name: 'Event', value: 'event', operations: [getDetails] },
	{ name: 'File', value: 'file', defaultOperation: 'list', operations: [list, download] },
];

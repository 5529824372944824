import { jsonItems, type Operation } from '../../../common/actions/operations';
import { getEventDetails } from '../../api';
import { checkedEventId } from '../../files';
import { eventDetailsJson } from '../../output';
import { withExecutionSession } from '../../transport';

/** The event's full details (help.wordbee.com/beebox/api-full-event-details), as the trigger fetches them. */
export const getDetails: Operation = {
	option: {
		name: 'Get Details',
		value: 'getDetails',
		action: 'Get event details',
		description: 'The full details of an event by its ID (bbid), with the files it processed',
	},
	properties: [
		{
			displayName: 'Event ID',
			name: 'eventId',
			type: 'string',
			required: true,
			default: '={{ $json.bbid }}',
			description: 'The bbid of a Beebox callback, e.g. from the Wordbee Beebox Trigger',
		},
	],
	async execute(ctx, i) {
		const eventId = checkedEventId(String(ctx.getNodeParameter('eventId', i)));
		const details = await withExecutionSession(ctx, async (token, http, credentials) =>
			getEventDetails(http, token, credentials, eventId),
		);
		return jsonItems(eventDetailsJson(details), i);
	},
};

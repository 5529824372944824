import { NodeOperationError, type IHookFunctions } from 'n8n-workflow';

import { parseEventCodes } from './events';
import { PhraseApiError } from './transport';

const escaped = (code: string) => code.replace(/[^A-Z0-9_]/g, '\\$&');

/**
 * A 400 from "Create webhook" that names event codes we sent: Phrase accepts only the codes of its published
 * `events` enum (developers.phrase.com/en/api/tms/latest/webhook/create-webhook), so one it does not know, typed
 * into Other Event Codes or dropped by Phrase later, fails the whole registration. Says which code and what to
 * do; undefined for any other failure. Of the codes the answer names, the ones it quotes are the refused ones (an
 * answer may also list every accepted value), else the Other Event Codes ones, else all of them.
 */
export function refusedEventError(
	ctx: IHookFunctions,
	error: unknown,
	events: string[],
): NodeOperationError | undefined {
	if (!(error instanceof PhraseApiError) || error.httpStatus !== 400) return undefined;
	const text = error.message;
	const named = events.filter((code) =>
		new RegExp(`(^|[^A-Z0-9_])${escaped(code)}(?![A-Z0-9_])`).test(text),
	);
	if (named.length === 0) return undefined;
	const other = new Set(parseEventCodes(ctx.getNodeParameter('otherEvents', '') as string));
	const quoted = named.filter((code) => text.includes(`"${code}"`) || text.includes(`'${code}'`));
	const typed = named.filter((code) => other.has(code));
	const refused = quoted.length ? quoted : typed.length ? typed : named;
	const fromOther = refused.filter((code) => other.has(code));
	const fromList = refused.filter((code) => !other.has(code));
	const todo = [
		fromOther.length ? `remove ${fromOther.join(', ')} from Other Event Codes` : '',
		fromList.length
			? `choose the events one by one under Trigger On, without ${fromList.join(', ')} (instead of All Events), or add them to Other Event Codes once Phrase accepts them`
			: '',
	].filter(Boolean);
	return new NodeOperationError(
		ctx.getNode(),
		`Phrase TMS refused the event code${refused.length > 1 ? 's' : ''} ${refused.join(', ')}: ${todo.join('; ')}`,
		{
			description: `Phrase TMS answered: ${text}. Phrase accepts a webhook only for the codes of its published event list (developers.phrase.com/en/api/tms/latest/webhook/create-webhook).`,
		},
	);
}

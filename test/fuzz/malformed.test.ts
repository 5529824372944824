/**
 * The generated malformed deliveries of test/fuzz/cases.ts, at least 500 per trigger, delivered to the triggers'
 * webhook() directly (milliseconds): each answered 4xx (401 for a wrong secret, and only then) with no workflow
 * started and no secret in the answer. test/e2e/fuzz.e2e.test.ts sends the same cases to a real n8n over HTTP.
 */
import type { IDataObject } from 'n8n-workflow';

import { BeeboxTrigger } from '../../nodes/Beebox/BeeboxTrigger.node';
import type { DerivedSecretSource } from '../../nodes/common/secrets/webhookSecret';
import { GengoTrigger } from '../../nodes/Gengo/GengoTrigger.node';
import { PhraseTrigger } from '../../nodes/Phrase/PhraseTrigger.node';
import { PHRASE_WEBHOOK_TOKEN } from '../../nodes/Phrase/registration';
import { SMARTCAT_CALLBACK_SECRET } from '../../nodes/Smartcat/registration';
import { SmartcatTrigger } from '../../nodes/Smartcat/SmartcatTrigger.node';
import { deliverWithDerivedSecret } from '../helpers/derivedSecret';
import { deliverTo } from '../helpers/webhookContext';
import { beeboxCases, gengoCases, phraseCases, SECRET, smartcatCases } from './cases';

/** Smartcat and Phrase TMS registered a secret derived from their credential: the cases' SECRET stands for it. */
const derived: Array<[DerivedSecretSource, Record<string, IDataObject>] | undefined> = [
	undefined,
	undefined,
	[SMARTCAT_CALLBACK_SECRET, { smartcatApi: { accountId: 'fuzz', apiKey: 'fuzz-api-key' } }],
	[PHRASE_WEBHOOK_TOKEN, { phraseApi: { authType: 'password', userName: 'pm', password: 'pw' } }],
];

describe.each([
	['Wordbee Beebox Trigger', new BeeboxTrigger(), beeboxCases, 0],
	['Gengo Trigger', new GengoTrigger(), gengoCases, 1],
	['Smartcat Trigger', new SmartcatTrigger(), smartcatCases, 2],
	['Phrase TMS Trigger', new PhraseTrigger(), phraseCases, 3],
] as const)('%s: generated malformed deliveries', (_name, trigger, generate, index) => {
	const secret = derived[index];
	const deliver = secret
		? deliverWithDerivedSecret(deliverTo(trigger), secret[0], SECRET, secret[1])
		: deliverTo(trigger);
	const cases = generate();

	it(`has at least 500 malformed cases (${cases.length})`, () => {
		expect(cases.length).toBeGreaterThanOrEqual(500);
	});

	it('answers every one 4xx (401 for secrets), starts nothing, never echoes the secret', async () => {
		const wrong: string[] = [];
		for (const c of cases) {
			const answer = await deliver(c.request).catch((error: Error) => ({
				status: 500,
				body: { message: error.message },
				items: [],
			}));
			// a malformed case carries the right secret: it must be refused for what it is, not for a missing secret
			const statusOk =
				c.expect === 401
					? answer.status === 401
					: answer.status >= 400 && answer.status < 500 && answer.status !== 401;
			if (!statusOk || answer.items.length > 0 || JSON.stringify(answer.body).includes(SECRET)) {
				wrong.push(
					`${c.name}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 160)} (${answer.items.length} items)`,
				);
			}
		}
		expect(wrong).toEqual([]);
	});
});

import type { IDataObject } from 'n8n-workflow';

import published from '../fixtures/public/phrase/webhook-event-codes-phrase-openapi.json';

import { PHRASE_EVENT_CODES } from '../../nodes/Phrase/events';
import { PhraseTrigger } from '../../nodes/Phrase/PhraseTrigger.node';
import { refusedEventError } from '../../nodes/Phrase/refusedEvents';
import { PhraseApiError } from '../../nodes/Phrase/transport';
import { fakeHookContext } from '../helpers/fakeContext';
import { PhraseSimulator, PUBLISHED_EVENT_CODES } from '../simulators/phrase';

/**
 * The event codes the Phrase TMS Trigger subscribes to: only codes of the `events` enum Phrase publishes for
 * creating a webhook (developers.phrase.com/en/api/tms/latest/webhook/create-webhook, transcribed with its source
 * into test/fixtures/public/phrase/webhook-event-codes-phrase-openapi.json), and a code Phrase refuses at
 * registration named in the error with what to do.
 */
const publishedCodes = new Set([...published.latest, ...published.openapi2023]);
const phraseTrigger = new PhraseTrigger();
const methods = phraseTrigger.webhookMethods.default;
const PUBLIC_URL = 'https://n8n.example.com/webhook/0c9b8a70/phrase';

describe('Phrase TMS event codes', () => {
	it("the fixture holds Phrase's published enum: 28 codes in the two transcriptions", () => {
		expect(published.latest).toHaveLength(24);
		expect(published.openapi2023).toHaveLength(25);
		expect(publishedCodes.size).toBe(28);
		expect(PUBLISHED_EVENT_CODES).toHaveLength(28);
	});

	it('every code offered by name under Trigger On, what "All Events" subscribes to, is published', () => {
		expect(PHRASE_EVENT_CODES.filter((code) => !publishedCodes.has(code))).toEqual([]);
	});
});

describe('Phrase TMS Trigger: a code Phrase refuses at registration', () => {
	let phrase: PhraseSimulator;
	beforeEach(async () => {
		phrase = await new PhraseSimulator({ userName: 'pm', password: 'pw', projects: {} }).start();
	});
	afterEach(async () => phrase.stop());

	const create = async (parameters: IDataObject) =>
		await methods.create.call(
			fakeHookContext({
				nodeType: phraseTrigger,
				webhookUrl: PUBLIC_URL,
				parameters,
				credentials: {
					phraseApi: {
						region: 'custom',
						baseUrl: phrase.baseUrl,
						authType: 'password',
						userName: 'pm',
						password: 'pw',
					},
				},
			}).ctx,
		);

	it('"All Events" registers with a Phrase that refuses unpublished codes: every code offered by name', async () => {
		expect(await create({ events: ['*'] })).toBe(true);
		expect([...phrase.webhooks.values()].map((h) => [...h.events].sort())).toEqual([
			[...PHRASE_EVENT_CODES].sort(),
		]);
		expect(PHRASE_EVENT_CODES).toHaveLength(26);
	});

	it('an Other Event Code Phrase does not know: the error names it and says to remove it', async () => {
		const error = await create({
			events: ['JOB_STATUS_CHANGED'],
			otherEvents: 'raw_mt_pre_translation_finished, JOB_ARCHIVED',
		}).catch((e: Error) => e);
		expect((error as Error).message).toBe(
			'Phrase TMS refused the event code JOB_ARCHIVED: remove JOB_ARCHIVED from Other Event Codes',
		);
		// what Phrase answered, for whoever reads further
		expect((error as { description?: string }).description).toMatch(
			/^Phrase TMS answered: .*"JOB_ARCHIVED".*create-webhook/,
		);
		expect(phrase.webhooks.size).toBe(0);
	});

	it('a code chosen under Trigger On that Phrase stopped accepting: choose the events without it', async () => {
		// Phrase's answer lists every accepted code too: only the quoted one is the refused one
		phrase.acceptedEventCodes = PUBLISHED_EVENT_CODES.filter((code) => code !== 'JOB_UNSHARED');
		const error = await create({ events: ['JOB_UNSHARED', 'JOB_CREATED'] }).catch((e: Error) => e);
		expect((error as Error).message).toBe(
			'Phrase TMS refused the event code JOB_UNSHARED: choose the events one by one under Trigger On, without JOB_UNSHARED (instead of All Events), or add them to Other Event Codes once Phrase accepts them',
		);
	});

	it("a refusal that names none of the codes, or that is no 400, stays Phrase's own error", () => {
		const { ctx } = fakeHookContext({ parameters: {} });
		const events = ['JOB_CREATED'];
		expect(
			refusedEventError(ctx, new PhraseApiError('BadRequest: url is invalid', 400), events),
		).toBeUndefined();
		expect(
			refusedEventError(ctx, new PhraseApiError('JOB_CREATED: internal error', 500), events),
		).toBeUndefined();
		expect(refusedEventError(ctx, new Error('"JOB_CREATED"'), events)).toBeUndefined();
		// a code that only starts another one's name is not named
		expect(
			refusedEventError(ctx, new PhraseApiError('BadRequest: "JOB_CREATED_X"', 400), events),
		).toBeUndefined();
	});
});

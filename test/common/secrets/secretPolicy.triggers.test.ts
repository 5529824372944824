import type { IDataObject } from 'n8n-workflow';

import { BeeboxTrigger } from '../../../nodes/Beebox/BeeboxTrigger.node';
import { GengoTrigger } from '../../../nodes/Gengo/GengoTrigger.node';
import { PhraseTrigger } from '../../../nodes/Phrase/PhraseTrigger.node';
import { SmartcatTrigger } from '../../../nodes/Smartcat/SmartcatTrigger.node';
import { TranslationWebhookSecretApi } from '../../../credentials/TranslationWebhookSecretApi.credentials';
import { SECRET_RULE, secretProblem } from '../../../nodes/common/secrets/secretPolicy';
import { testWebhookSecret } from '../../../nodes/common/secrets/webhookSecret';
import { fakeHookContext } from '../../helpers/fakeContext';
import { deliverTo, type FakeRequest } from '../../helpers/webhookContext';

/**
 * THE secret rule, for every trigger (README "Security"): a trigger refuses to activate without a secret that
 * meets the rule unless "No Secret" is chosen explicitly; a delivery without the secret gets 401.
 */
const GOOD = 'k3J9f0aZ-x_7Qm2PzR8tLw4N';
const credential = (secret: string) => ({ translationWebhookSecretApi: { secret } });

const triggers = {
	beebox: new BeeboxTrigger(),
	gengo: new GengoTrigger(),
	smartcat: new SmartcatTrigger(),
	phrase: new PhraseTrigger(),
};

/** The parameters that make each trigger check a secret from the credential or say "no secret". */
const SETUP = {
	beebox: { secret: {}, none: { urlTokenLocation: 'none' } },
	gengo: { secret: {}, none: { urlTokenLocation: 'none' } },
	smartcat: {
		// Fetch Details off: it would need the Smartcat API credential, which manual registration alone does not
		secret: { registration: 'manual', fetchDetails: false },
		none: { registration: 'manual', manualSecretCheck: 'none', fetchDetails: false },
	},
	phrase: {
		secret: { registration: 'manual' },
		none: { registration: 'manual', manualSecretCheck: 'none' },
	},
} as const;

async function activate(
	trigger: keyof typeof triggers,
	parameters: IDataObject,
	credentials: Record<string, IDataObject> = {},
) {
	const { ctx } = fakeHookContext({
		nodeType: triggers[trigger],
		parameters: { ...parameters },
		credentials,
		webhookUrl: 'https://n8n.example.com/webhook/id/x',
	});
	const methods = triggers[trigger].webhookMethods!.default!;
	return await methods.create.call(ctx);
}

describe('the secret rule', () => {
	it('is: at least 16 letters, digits, - or _, of at least 8 different characters, not one piece repeated', () => {
		expect(secretProblem(GOOD)).toBeUndefined();
		expect(secretProblem('')).toBe('no secret is set');
		expect(secretProblem(undefined)).toBe('no secret is set');
		expect(secretProblem('short-secret-15')).toMatch(/needs at least 16/);
		expect(secretProblem('sixteen chars ok!')).toMatch(/only contain letters, digits/);
	});

	it("is what the credential's Test button checks", async () => {
		const test = (secret: string) =>
			testWebhookSecret.call({} as never, { id: '1', name: 's', type: 't', data: { secret } });
		expect((await test(GOOD)).status).toBe('OK');
		expect(await test('aaaaaaaaaaaaaaaa')).toMatchObject({
			status: 'Error',
			message: expect.stringContaining('at least 8 different characters'),
		});
		expect(await test('weak')).toMatchObject({
			status: 'Error',
			message: expect.stringMatching(/at least 16/),
		});
	});

	it('the credential says how to make a strong secret (n8n cannot generate one) and the rule', () => {
		const texts = new TranslationWebhookSecretApi().properties
			.map((p) => [p.displayName, p.placeholder, p.hint].join(' '))
			.join(' ');
		expect(texts).toContain('openssl rand -hex 32');
		expect(texts).toContain(SECRET_RULE);
		expect(
			secretProblem('9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08'),
		).toBeUndefined();
	});

	describe.each(Object.keys(triggers) as Array<keyof typeof triggers>)('%s trigger', (name) => {
		it('has one version', () => {
			// a webhook node's one version is 2 (test/descriptions.test.ts says why)
			expect(triggers[name].description.version).toBe(2);
			expect(triggers[name].description.defaultVersion).toBeUndefined();
		});

		it('refuses to activate without a secret credential', async () => {
			await expect(activate(name, SETUP[name].secret)).rejects.toThrow(/secret/i);
		});

		it('refuses to activate with a weak secret', async () => {
			await expect(activate(name, SETUP[name].secret, credential('password123'))).rejects.toThrow(
				/16/,
			);
		});

		it('refuses to activate with a long secret of one repeated character, naming the rule', async () => {
			await expect(
				activate(name, SETUP[name].secret, credential('aaaaaaaaaaaaaaaa')),
			).rejects.toThrow(/only 1 different character; it needs at least 8/);
		});

		it('activates with a secret that meets the rule', async () => {
			await expect(activate(name, SETUP[name].secret, credential(GOOD))).resolves.toBe(true);
		});

		it('activates with "No Secret" chosen explicitly, and shows the warning for it', async () => {
			await expect(activate(name, SETUP[name].none)).resolves.toBe(true);
			const notice = triggers[name].description.properties.find((p) => p.name === 'noSecretNotice');
			expect(notice?.type).toBe('notice');
		});
	});
});

describe('deliveries to a trigger without the secret get 401', () => {
	it.each([
		['beebox', { query: { bbid: '1', bbevent: 'ProjectUpdate' } }],
		[
			'gengo',
			{
				headers: { 'content-type': 'application/json' },
				body: { job: { job_id: '1', status: 'approved' } },
			},
		],
		[
			'smartcat',
			{
				path: '/webhook/x/smartcat/project/status',
				headers: { 'content-type': 'application/json' },
				body: ['a'],
			},
		],
		[
			'phrase',
			{
				headers: { 'content-type': 'application/json' },
				body: { event: 'PROJECT_CREATED', project: { uid: 'p' } },
			},
		],
	] as const)('%s', async (name, request) => {
		const deliver = deliverTo(triggers[name]);
		const base: FakeRequest = {
			...request,
			nodeParameters: { ...SETUP[name].secret },
			credentials: credential(GOOD),
		};
		expect((await deliver(base)).status).toBe(401);
		const withSecret: FakeRequest =
			name === 'smartcat'
				? { ...base, headers: { ...base.headers, 'X-Smartcat-Callback-Secret': GOOD } }
				: name === 'phrase'
					? { ...base, headers: { ...base.headers, 'X-Memsource-Token': GOOD } }
					: { ...base, query: { ...base.query, token: GOOD } };
		expect((await deliver(withSecret)).status).not.toBe(401);
	});
});

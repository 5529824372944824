import type { PhraseSimulator } from '../../../simulators/phrase';
import { list, nodeRunner, startPhrase } from '../sendingWork';

/**
 * Project → Create against the Phrase simulator: from a template or with languages checked against Phrase's
 * list, one creation when Phrase fails after receipt.
 */
describe('Phrase TMS node: Project → Create', () => {
	let phrase: PhraseSimulator;
	beforeEach(async () => {
		phrase = await startPhrase();
	});
	afterEach(async () => phrase.stop());
	const { run, failure } = nodeRunner(() => phrase);
	const createProject = (extra: Record<string, unknown>) => ({
		resource: 'project',
		operation: 'create',
		...extra,
	});

	it("from a template (n8n's default): the template's languages, or some of Phrase's", async () => {
		const { items } = await run(
			createProject({ name: 'Launch', template: list('tplWebsite00000000000a') }),
		);
		expect(phrase.projectCreations).toEqual([
			{
				templateUid: 'tplWebsite00000000000a',
				body: { name: 'Launch' },
				uid: expect.any(String),
			},
		]);
		expect(items[0].json).toMatchObject({
			projectId: phrase.projectCreations[0].uid,
			uid: phrase.projectCreations[0].uid,
			name: 'Launch',
			sourceLang: 'en',
			targetLangs: ['de', 'fr'],
		});
		await run(
			createProject({
				name: 'Launch JA',
				template: list('tplWebsite00000000000a'),
				targetLangs: ['JA', 'zh-CN'],
				additionalFields: { dateDue: '2027-01-15T12:00:00Z', note: 'From n8n' },
			}),
		);
		expect(phrase.projectCreations[1].body).toEqual({
			name: 'Launch JA',
			targetLangs: ['ja', 'zh_cn'],
			dateDue: '2027-01-15T12:00:00.000Z',
			note: 'From n8n',
		});
	});

	it("with languages: a source language from the list and target languages, checked against Phrase's", async () => {
		const { items } = await run(
			createProject({
				name: 'Docs',
				createFrom: 'languages',
				sourceLang: list('en_us'),
				targetLangs: ['de', 'pt-BR'],
			}),
		);
		expect(phrase.projectCreations[0]).toMatchObject({
			templateUid: undefined,
			body: { name: 'Docs', sourceLang: 'en_us', targetLangs: ['de', 'pt_br'] },
		});
		expect(items[0].json.projectId).toBe(phrase.projectCreations[0].uid);
		const unknown = await failure(
			createProject({
				name: 'Docs',
				createFrom: 'languages',
				sourceLang: { __rl: true, mode: 'id', value: 'xx_yy' },
				targetLangs: ['de'],
			}),
		);
		expect(unknown.message).toBe('Source Language: Phrase TMS has no language "xx_yy"');
		const none = await failure(
			createProject({ name: 'Docs', createFrom: 'languages', sourceLang: list('en') }),
		);
		expect(none.message).toBe(
			'Target Language Names or IDs: a project needs at least one target language',
		);
		expect(phrase.projectCreations).toHaveLength(1);
	});

	it('bad input: no name, an unknown template; nothing created', async () => {
		const noName = await failure(
			createProject({ name: '  ', template: list('tplWebsite00000000000a') }),
		);
		expect(noName.message).toBe('Name: a project needs a name');
		const noTemplate = await failure(createProject({ name: 'X', template: list('tplNope') }));
		expect(noTemplate.httpCode).toBe('404');
		expect(phrase.projectCreations).toHaveLength(0);
	});

	it('Phrase failing after it created the project: one creation, an error saying where to look', async () => {
		phrase.failAfterReceipt('drop');
		const error = await failure(
			createProject({ name: 'Once', template: list('tplWebsite00000000000a') }),
		);
		expect(error.message).toContain('may have received the request');
		expect(error.description).toContain('look for a project named "Once" in Phrase TMS');
		expect(phrase.projectCreations).toHaveLength(1);
	});

	it("refuses n8n's Retry On Fail, before anything is sent", async () => {
		const error = await failure(
			createProject({ name: 'X', template: list('tplWebsite00000000000a') }),
			{
				retryOnFail: true,
			},
		);
		expect(error.message).toMatch(/^"Retry On Fail" is on, and a Phrase TMS project/);
		expect(phrase.requests).toEqual([]);
	});
});

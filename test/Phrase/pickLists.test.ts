import type { ILoadOptionsFunctions } from 'n8n-workflow';

import { Phrase } from '../../nodes/Phrase/Phrase.node';
import { fakeLoadOptionsContext } from '../helpers/fakeContext';
import { PHRASE_LANGUAGES, PhraseSimulator } from '../simulators/phrase';

/**
 * The Phrase TMS node's pick lists as the editor calls them (n8n's /rest/dynamic-node-parameters: a list search
 * with a filter and a pagination token, loadOptions with the node's current parameters), against the simulator.
 */
const node = new Phrase();
const { listSearch, loadOptions } = node.methods;

describe('Phrase TMS node: pick lists', () => {
	let phrase: PhraseSimulator;
	beforeAll(async () => {
		phrase = await new PhraseSimulator({
			userName: 'pm',
			password: 'pw',
			projects: {
				prjSite: [
					{ uid: 'jobDe', status: 'NEW', targetLang: 'de', filename: 'page.html' },
					{ uid: 'jobFr', status: 'ACCEPTED', targetLang: 'fr', filename: 'page.html' },
					{ uid: 'jobDe2', status: 'NEW', targetLang: 'de', workflowLevel: 2 },
					{ uid: 'jobFaq', status: 'NEW', targetLang: 'de', filename: 'faq.md' },
				],
				...Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`prj${i}`, []])),
			},
			projectInfo: {
				prjSite: { name: 'Website 2026', targetLangs: ['de', 'fr', 'pt_br'] },
				...Object.fromEntries(
					Array.from({ length: 60 }, (_, i) => [`prj${i}`, { name: `Bulk ${i}` }]),
				),
			},
			templates: [
				{ uid: 'tplA', templateName: 'Website', sourceLang: 'en', targetLangs: ['de', 'fr'] },
				{ uid: 'tplB', templateName: 'Marketing', sourceLang: 'en', targetLangs: ['ja'] },
			],
		}).start();
	});
	afterAll(async () => phrase.stop());

	const editor = (parameters: Record<string, unknown> = {}): ILoadOptionsFunctions =>
		fakeLoadOptionsContext({
			nodeType: node,
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
		}).ctx;

	it('projects by name, each with its address in Phrase; pages of 50 with a token for the next', async () => {
		const found = await listSearch.searchProjects.call(editor(), 'website');
		expect(found).toEqual({
			results: [
				{
					name: 'Website 2026',
					value: 'prjSite',
					url: `${phrase.baseUrl}/project2/show/prjSite`,
				},
			],
			paginationToken: undefined,
		});
		const first = await listSearch.searchProjects.call(editor());
		expect(first.results).toHaveLength(50);
		expect(first.paginationToken).toBe('1');
		const second = await listSearch.searchProjects.call(editor(), undefined, first.paginationToken);
		expect(second.results).toHaveLength(11);
		expect(second.paginationToken).toBeUndefined();
		expect(new Set([...first.results, ...second.results].map((r) => r.value)).size).toBe(61);
	});

	it("the chosen project's jobs of the first workflow step, by file name or language; the project chosen by URL too", async () => {
		const byList = await listSearch.searchJobs.call(
			editor({
				resource: 'job',
				operation: 'setStatus',
				project: { __rl: true, mode: 'list', value: 'prjSite' },
			}),
		);
		expect(byList.results).toEqual([
			{
				name: 'page.html → de (NEW)',
				value: 'jobDe',
				url: `${phrase.baseUrl}/job/jobDe/translate`,
			},
			{
				name: 'page.html → fr (ACCEPTED)',
				value: 'jobFr',
				url: `${phrase.baseUrl}/job/jobFr/translate`,
			},
			{ name: 'faq.md → de (NEW)', value: 'jobFaq', url: `${phrase.baseUrl}/job/jobFaq/translate` },
		]);
		const byUrl = await listSearch.searchJobs.call(
			editor({
				resource: 'job',
				operation: 'setStatus',
				project: {
					__rl: true,
					mode: 'url',
					value: 'https://cloud.memsource.com/web/project2/show/prjSite',
				},
			}),
			'FAQ',
		);
		expect(byUrl.results.map((r) => r.value)).toEqual(['jobFaq']);
	});

	it('jobs without a chosen project: an error saying to choose it first', async () => {
		await expect(
			listSearch.searchJobs.call(
				editor({
					resource: 'job',
					operation: 'setStatus',
					project: { __rl: true, mode: 'list', value: '' },
				}),
			),
		).rejects.toThrow('Choose the project first');
	});

	it("templates by name, with their languages; Phrase's languages by name, code or BCP 47 form", async () => {
		expect(await listSearch.searchTemplates.call(editor(), 'web')).toEqual({
			results: [{ name: 'Website', value: 'tplA', description: 'en → de, fr' }],
			paginationToken: undefined,
		});
		const portuguese = await listSearch.searchLanguages.call(editor(), 'pt-br');
		expect(portuguese.results).toContainEqual({
			name: 'Portuguese (Brazil) (pt_br)',
			value: 'pt_br',
		});
		expect(portuguese.results.every((r) => String(r.value).startsWith('pt_br'))).toBe(true);
		expect((await listSearch.searchLanguages.call(editor())).results).toHaveLength(
			PHRASE_LANGUAGES.length,
		);
	});

	it("loadOptions: every language Phrase supports; the chosen project's target languages, named", async () => {
		expect(await loadOptions.getLanguages.call(editor())).toHaveLength(PHRASE_LANGUAGES.length);
		const targets = await loadOptions.getProjectTargetLanguages.call(
			editor({
				resource: 'job',
				operation: 'create',
				project: { __rl: true, mode: 'id', value: 'prjSite' },
			}),
		);
		expect(targets).toEqual([
			{ name: 'German (de)', value: 'de' },
			{ name: 'French (fr)', value: 'fr' },
			{ name: 'Portuguese (Brazil) (pt_br)', value: 'pt_br' },
		]);
		expect(
			await loadOptions.getProjectTargetLanguages.call(
				editor({ resource: 'job', operation: 'create' }),
			),
		).toEqual([]);
	});
});

import type { ILoadOptionsFunctions } from 'n8n-workflow';

import { getTargetLocales, searchFolders } from '../../nodes/Beebox/pickLists';
import projectInformation from '../fixtures/public/beebox/api-project-information.json';
import { fakeExecuteContext } from '../helpers/fakeContext';
import { BeeboxSimulator } from '../simulators/beebox';

const ACCOUNT = { login: 'connector', password: 'connector-password', projectKey: 'p1' };

describe('Wordbee Beebox pick lists, as the editor asks for them', () => {
	let beebox: BeeboxSimulator;

	const start = async () => {
		beebox = await new BeeboxSimulator({
			...ACCOUNT,
			targetLocales: ['fr', 'de'],
			hotFolders: [
				{ directory: '', depth: 0, translate: true, targetLocales: null },
				{ directory: 'ToFrench', depth: 1, translate: true, targetLocales: ['fr'] },
				{ directory: 'Archive', depth: 1, translate: false, targetLocales: null },
			],
		}).start();
	};
	afterEach(() => beebox.stop());
	const credentials = () => ({ beeboxApi: { serverUrl: beebox.url, ...ACCOUNT } });

	beforeEach(() => start());

	const loadOptionsContext = () =>
		fakeExecuteContext({ credentials: credentials() }).ctx as unknown as ILoadOptionsFunctions;

	it("lists the project's target languages with Beebox's names", async () => {
		beebox.overrides.set('/api/details', {
			status: 200,
			body: projectInformation.body,
		});
		await expect(getTargetLocales.call(loadOptionsContext())).resolves.toEqual([
			{ name: 'French (fr)', value: 'fr' },
			{ name: 'German (de)', value: 'de' },
		]);
		expect(beebox.openSessions).toBe(0);
	});

	it('lists the folders a file is translated from, with their languages, filtered', async () => {
		await expect(searchFolders.call(loadOptionsContext())).resolves.toEqual({
			results: [{ name: 'ToFrench (fr)', value: 'ToFrench' }],
		});
		await expect(searchFolders.call(loadOptionsContext(), 'nothing')).resolves.toEqual({
			results: [],
		});
		expect(beebox.connects).toBe(2);
		expect(beebox.openSessions).toBe(0);
	});
});

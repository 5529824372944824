import type { INodeProperties } from 'n8n-workflow';

import { BeeboxTrigger } from '../../../nodes/Beebox/BeeboxTrigger.node';
import { GengoTrigger } from '../../../nodes/Gengo/GengoTrigger.node';
import { urlTokenProperties } from '../../../nodes/common/secrets/urlToken';

const notice = (properties: INodeProperties[], name: string) =>
	properties.find((p) => p.name === name)?.displayName ?? '';

// What a user reads in the node, without the README: which URL to give the vendor, and a strong secret in one step.
describe('the URL token notices', () => {
	const properties = urlTokenProperties('beebox');

	it.each(['urlTokenQueryNotice', 'urlTokenPathNotice'])(
		'%s: a strong secret in one step',
		(name) => {
			expect(notice(properties, name)).toContain(
				'Run <code>openssl rand -hex 32</code> and paste its output into a new Translation Webhook Secret credential',
			);
		},
	);

	it('query string: the URL to give is the shown one plus ?token=<secret>', () => {
		expect(notice(properties, 'urlTokenQueryNotice')).toMatch(
			/^Give the vendor the URL above plus <b>\?token=&lt;secret&gt;<\/b>/,
		);
	});

	it.each([
		['Wordbee Beebox Trigger', new BeeboxTrigger()],
		['Gengo Trigger', new GengoTrigger()],
	])('%s: the setup notice says ?token=<secret>, escaped for the notice HTML', (_name, trigger) => {
		const setup = notice(trigger.description.properties, 'setupNotice');
		expect(setup).toContain('Production URL plus ?token=&lt;secret&gt;');
		expect(trigger.description.activationMessage).toContain('with ?token= and the secret appended');
	});
});

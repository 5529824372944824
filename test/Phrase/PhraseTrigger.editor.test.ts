import { NodeHelpers, type INodeParameters } from 'n8n-workflow';

import { BeeboxTrigger } from '../../nodes/Beebox/BeeboxTrigger.node';
import { GengoTrigger } from '../../nodes/Gengo/GengoTrigger.node';
import { PhraseTrigger } from '../../nodes/Phrase/PhraseTrigger.node';
import { SmartcatTrigger } from '../../nodes/Smartcat/SmartcatTrigger.node';
import { editorAuthField } from '../helpers/editorAuthField';
import { resolveNodeParameters } from '../helpers/nodeParameters';

const { description } = new PhraseTrigger();

/** The credentials n8n's editor shows for a node with these saved parameters (completed with the defaults). */
function shownCredentials(parameters: INodeParameters): string[] {
	const values = resolveNodeParameters(description, parameters);
	return (description.credentials ?? [])
		.filter((credential) =>
			NodeHelpers.displayParameter(values, credential, { typeVersion: 1 }, description),
		)
		.map((credential) => credential.name);
}

describe('Phrase TMS Trigger in n8n’s editor', () => {
	it('shows Registration as a node parameter: n8n does not take it for the authentication selector', () => {
		expect(editorAuthField(description)?.name).toBeUndefined();
	});

	// nor any other trigger's setting that chooses a credential (Smartcat's Registration, the URL token's place,
	// Fetch Details)
	it.each([new SmartcatTrigger(), new BeeboxTrigger(), new GengoTrigger()])(
		'$description.displayName: no setting is moved into the credential dialog either',
		(trigger) => {
			expect(editorAuthField(trigger.description)?.name).toBeUndefined();
		},
	);

	it('a fresh node registers itself and asks for the Phrase credential', () => {
		expect(resolveNodeParameters(description, {}).registration).toBe('automatic');
		expect(shownCredentials({})).toEqual(['phraseApi']);
	});

	it('Manual asks for the secret credential instead, or none with No Secret', () => {
		expect(shownCredentials({ registration: 'manual' })).toEqual(['translationWebhookSecretApi']);
		expect(shownCredentials({ registration: 'manual', manualSecretCheck: 'none' })).toEqual([]);
	});
});

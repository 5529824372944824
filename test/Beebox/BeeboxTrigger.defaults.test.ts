import { BeeboxCatchUpTrigger } from '../../nodes/Beebox/BeeboxCatchUpTrigger.node';
import { BeeboxTrigger } from '../../nodes/Beebox/BeeboxTrigger.node';
import { GengoTrigger } from '../../nodes/Gengo/GengoTrigger.node';
import { PhraseTrigger } from '../../nodes/Phrase/PhraseTrigger.node';
import { SmartcatTrigger } from '../../nodes/Smartcat/SmartcatTrigger.node';
import { resolveNodeParameters } from '../helpers/nodeParameters';

// Defaults serve the common workflow: the trigger, then a download (Beebox's needs each file's locale and path,
// which only the API has) or a status check (a Smartcat callback carries only IDs).
describe('a freshly added trigger fetches the details the next node needs', () => {
	it.each([
		['Wordbee Beebox Trigger', new BeeboxTrigger()],
		['Smartcat Trigger', new SmartcatTrigger()],
	])('%s: Fetch Details is on', (_name, trigger) => {
		expect(resolveNodeParameters(trigger, {}).fetchDetails).toBe(true);
	});

	it('Wordbee Beebox Trigger: one item per delivered file, as Download expects', () => {
		expect(resolveNodeParameters(new BeeboxTrigger(), {}).output).toBe('perElement');
	});
});

// Defaults n8n does not let a node change: the node says what to set instead.
describe('what n8n decides, the nodes say how to change', () => {
	it('Wordbee Beebox Catch-Up Trigger: poll every 15 minutes, not every minute (n8n adds Poll Times)', () => {
		const texts = new BeeboxCatchUpTrigger().description.properties.map((p) => p.displayName);
		expect(texts.join('\n')).toMatch(/Set Poll Times to every 15 minutes/);
	});

	it.each([
		['Wordbee Beebox Trigger', new BeeboxTrigger()],
		['Gengo Trigger', new GengoTrigger()],
		['Smartcat Trigger', new SmartcatTrigger()],
		['Phrase TMS Trigger', new PhraseTrigger()],
	])(
		'%s: one secret credential per vendor (n8n picks the only one by itself)',
		(_name, trigger) => {
			const texts = trigger.description.properties.flatMap((p) => [p.displayName, p.hint ?? '']);
			expect(texts.join('\n')).toContain('create one per vendor');
		},
	);
});

/**
 * The receiver cells of `npm run bench` for the triggers that register themselves with the vendor on activation
 * (Smartcat, Phrase TMS), bundled by bench/run.js: the vendors' simulators they register with
 * (test/e2e/harness.ts `RegisteringVendors`), n8n's credentials for them, the trigger nodes as the e2e tests set
 * them up, and once registered, the delivery each vendor sends with the secret it was given. One per n8n: each
 * n8n registers anew, with simulators of its own.
 */
import { randomBytes } from 'node:crypto';

import { phraseJobWebhook, phraseSampleJobPart } from '../test/fixtures/samples/phrase';
import { PACKAGE, packageNodeVersion, RegisteringVendors } from '../test/e2e/harness';

/** One delivery, sent as is every time (a throughput cell needs no distinct ids: nothing deduplicates). */
export interface Delivery {
	headers: Record<string, string>;
	body: string;
}

/** A trigger node as run.js puts it into a workflow (the node's name, position and webhookId are run.js's). */
export interface TriggerNode {
	type: string;
	typeVersion: number;
	parameters: Record<string, unknown>;
	credentials: Record<string, { id: string; name: string }>;
}

const CREDENTIAL_IDS = { smartcat: 'benchSmartcatCrd', phrase: 'benchPhraseCred1' };
/** n8n here runs on 127.0.0.1, which Smartcat and Phrase could not reach: the option a test against simulators sets. */
const PRIVATE_URL_ALLOWED = { options: { allowPrivateWebhookUrl: true } };

export class RegisteringReceivers {
	// accounts made up per run
	private readonly vendors = new RegisteringVendors(
		{ accountId: 'bench-account', apiKey: randomBytes(12).toString('hex') },
		{ userName: 'bench.pm', password: randomBytes(12).toString('hex') },
	);

	async start(): Promise<this> {
		await this.vendors.start();
		return this;
	}

	/** The credentials to import into n8n before the workflows. */
	credentials(): Array<Record<string, unknown>> {
		return this.vendors.credentials(CREDENTIAL_IDS);
	}

	/** The Smartcat Trigger and the Phrase TMS Trigger, as a user adds them (defaults, private URLs allowed). */
	get nodes(): { smartcat: TriggerNode; phrase: TriggerNode } {
		return {
			smartcat: {
				type: `${PACKAGE}.smartcatTrigger`,
				typeVersion: packageNodeVersion(`${PACKAGE}.smartcatTrigger`),
				// the callback alone, as the bench measured it before Fetch Details became the default
				parameters: { ...PRIVATE_URL_ALLOWED, fetchDetails: false },
				credentials: { smartcatApi: { id: CREDENTIAL_IDS.smartcat, name: 'Smartcat' } },
			},
			phrase: {
				type: `${PACKAGE}.phraseTrigger`,
				typeVersion: packageNodeVersion(`${PACKAGE}.phraseTrigger`),
				parameters: PRIVATE_URL_ALLOWED,
				credentials: { phraseApi: { id: CREDENTIAL_IDS.phrase, name: 'Phrase' } },
			},
		};
	}

	/**
	 * Waits until n8n's activation registered both triggers and their secrets are in place; `urls` are the Smartcat
	 * Trigger's base URL (`<webhookUrl>/smartcat`) and the Phrase TMS Trigger's, at the process that receives.
	 */
	async registered(urls: { smartcat: string; phrase: string }): Promise<void> {
		await this.vendors.registered(urls);
	}

	/**
	 * The deliveries the vendors send with the secrets they were given (after `registered`): Smartcat a document's
	 * status change (a JSON array of document ids, <document>_<language>, to `<base>/document/status`), Phrase TMS
	 * a job's status change with one job part.
	 */
	deliveries(): { smartcat: Delivery; phrase: Delivery } {
		const { name, value } = this.vendors.smartcatHeader;
		return {
			smartcat: {
				headers: { 'content-type': 'application/json', [name]: value },
				body: JSON.stringify(['1000002_25']),
			},
			phrase: {
				headers: {
					'content-type': 'application/json',
					'x-memsource-token': this.vendors.phraseToken,
				},
				body: JSON.stringify(phraseJobWebhook('JOB_STATUS_CHANGED', [phraseSampleJobPart()])),
			},
		};
	}

	async stop(): Promise<void> {
		await this.vendors.stop();
	}
}

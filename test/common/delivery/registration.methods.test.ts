import type { IHookFunctions } from 'n8n-workflow';

import { registrationWebhookMethods } from '../../../nodes/common/delivery/registration';
import { asRecord, headerValue, mediaType } from '../../../nodes/common/delivery/request';

/** What n8n calls on activation and deactivation, dispatched by the node's Registration setting. */
describe('registrationWebhookMethods', () => {
	const hook = (registration?: string) =>
		({
			getNodeParameter: (name: string, fallback: unknown) =>
				name === 'registration' && registration !== undefined ? registration : fallback,
		}) as unknown as IHookFunctions;

	function vendor(withCheckManual = true) {
		const calls: string[] = [];
		const methods = registrationWebhookMethods({
			exists: async () => (calls.push('exists'), true),
			register: async () => void calls.push('register'),
			unregister: async () => void calls.push('unregister'),
			...(withCheckManual ? { checkManual: () => void calls.push('checkManual') } : {}),
		}).default;
		return { methods, calls };
	}

	it('automatic (the default): asks the vendor, registers, unregisters', async () => {
		const { methods, calls } = vendor();
		expect(await methods.checkExists.call(hook())).toBe(true);
		expect(await methods.create.call(hook())).toBe(true);
		expect(await methods.delete.call(hook('automatic'))).toBe(true);
		expect(calls).toEqual(['exists', 'register', 'unregister']);
	});

	it('manual: never asks the vendor; activation checks the settings; deactivation removes nothing', async () => {
		const { methods, calls } = vendor();
		expect(await methods.checkExists.call(hook('manual'))).toBe(false);
		expect(await methods.create.call(hook('manual'))).toBe(true);
		expect(await methods.delete.call(hook('manual'))).toBe(true);
		expect(calls).toEqual(['checkManual']);
	});

	it('manual, for a vendor with nothing to check', async () => {
		const { methods, calls } = vendor(false);
		expect(await methods.create.call(hook('manual'))).toBe(true);
		expect(calls).toEqual([]);
	});
});

describe('reading a webhook request', () => {
	it('mediaType: the type without parameters or spaces, lower case; "" when there is none', () => {
		expect(mediaType({ 'content-type': 'Application/JSON ; charset=utf-8' })).toBe(
			'application/json',
		);
		expect(mediaType({})).toBe('');
		expect(mediaType({ 'content-type': ['application/json'] })).toBe('');
	});

	it('headerValue: by name in any case, the first of several; nothing for what is not text', () => {
		expect(headerValue({ 'X-Secret': 'a' }, 'x-secret')).toBe('a');
		expect(headerValue({ 'x-secret': ['a', 'b'] }, 'X-Secret')).toBe('a');
		expect(headerValue({ 'x-secret': [1] }, 'x-secret')).toBeUndefined();
		expect(headerValue({ 'x-secret': 5, 'X-SECRET': 'later' }, 'x-secret')).toBe('later');
		expect(headerValue({}, 'x-secret')).toBeUndefined();
	});

	it('asRecord: an object as it is; anything else (text, Buffer, list, nothing) as {}', () => {
		const body = { a: 1 };
		expect(asRecord(body)).toBe(body);
		for (const other of ['text', Buffer.from('{}'), [{ a: 1 }], undefined, null, 0])
			expect(asRecord(other)).toEqual({});
	});
});

import { buildEnvelope } from '../../../nodes/common/delivery/envelope';

describe('buildEnvelope', () => {
	it('puts the envelope first, in docs/design.md order, ids as strings, then the vendor fields', () => {
		const item = buildEnvelope(
			{
				vendor: 'gengo',
				event: 'approved',
				eventKey: 'gengo:1:approved',
				occurredAt: new Date('2024-01-01T00:00:00Z'),
				receivedAt: new Date('2024-01-01T00:00:01Z'),
				jobId: '42',
				projectId: null,
				status: 'approved',
			},
			{ job: { job_id: 42 }, vendor: 'not overwritten' },
		);
		expect(Object.keys(item)).toEqual([
			'vendor',
			'event',
			'eventKey',
			'occurredAt',
			'receivedAt',
			'jobId',
			'status',
			'job',
		]);
		expect(item).toMatchObject({
			vendor: 'gengo',
			occurredAt: '2024-01-01T00:00:00.000Z',
			jobId: '42',
		});
	});
	it('says null when the vendor gives no time', () => {
		expect(
			buildEnvelope({ vendor: 'beebox', event: 'x', eventKey: 'k', receivedAt: new Date(0) }, {})
				.occurredAt,
		).toBeNull();
	});
});

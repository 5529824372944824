import { collectPages } from '../../../nodes/Phrase/actions/shared';

/** How the Phrase TMS node's Get Many reads pages: until the limit, the last page, or an empty page. */
function pages(sizes: number[], totalPages = sizes.length) {
	const read: number[] = [];
	const readPage = async (pageNumber: number) => {
		read.push(pageNumber);
		const size = sizes[pageNumber] ?? 0;
		return {
			content: Array.from({ length: size }, (_, i) => `p${pageNumber}-${i}`),
			totalPages,
		};
	};
	return { readPage, read };
}

describe('collectPages', () => {
	it('stops as soon as the limit is reached, exactly at the limit too', async () => {
		const exact = pages([50, 50, 50]);
		expect(await collectPages(exact.readPage, 50)).toHaveLength(50);
		expect(exact.read).toEqual([0]);
		const within = pages([50, 50, 50]);
		const out = await collectPages(within.readPage, 60);
		expect([out.length, out[59], within.read]).toEqual([60, 'p1-9', [0, 1]]);
	});

	it('Return All: every page up to the last one Phrase counts', async () => {
		const all = pages([50, 50, 3]);
		expect(await collectPages(all.readPage, undefined)).toHaveLength(103);
		expect(all.read).toEqual([0, 1, 2]);
	});

	it('an empty page ends the listing even if Phrase counts more pages', async () => {
		const gap = pages([50, 0, 50], 3);
		expect(await collectPages(gap.readPage, undefined)).toHaveLength(50);
		expect(gap.read).toEqual([0, 1]);
	});
});

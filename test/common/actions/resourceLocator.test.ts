import {
	locatorValue,
	requiredLocator,
	resourceLocatorProperty,
} from '../../../nodes/common/actions/resourceLocator';
import { fakeExecuteContext } from '../../helpers/fakeContext';

/** Resource locators (nodes/common/resourceLocator.ts): the property n8n shows, and the id read from its value. */
const spec = {
	displayName: 'Project',
	name: 'project',
	searchListMethod: 'searchProjects',
	id: { placeholder: 'uid', regex: '^[A-Za-z0-9]+$', errorMessage: 'Not a uid' },
	url: { placeholder: 'https://…', regex: 'https?://[^/]+/web/project2/show/([A-Za-z0-9]+)' },
};

describe('resource locators', () => {
	it('offers From list (searchable), By ID (validated) and By URL (extracting the id) only where the vendor has one', () => {
		const property = resourceLocatorProperty(spec);
		expect(property).toMatchObject({
			type: 'resourceLocator',
			name: 'project',
			required: true,
			default: { __rl: true, mode: 'list', value: '' },
		});
		expect(property.modes?.map((m) => m.name)).toEqual(['list', 'id', 'url']);
		expect(property.modes?.[0].typeOptions).toEqual({
			searchListMethod: 'searchProjects',
			searchable: true,
		});
		expect(property.modes?.[2].extractValue).toEqual({ type: 'regex', regex: spec.url.regex });
		const withoutUrl = resourceLocatorProperty({
			...spec,
			url: undefined,
			default: { mode: 'id', value: '={{ $json.projectId }}' },
		});
		expect(withoutUrl.modes?.map((m) => m.name)).toEqual(['list', 'id']);
		expect(withoutUrl.default).toEqual({ __rl: true, mode: 'id', value: '={{ $json.projectId }}' });
	});

	it('reads the id from every form a value comes in: chosen, typed, a URL, a plain string or URL from an expression', () => {
		expect(locatorValue({ __rl: true, mode: 'list', value: ' p1 ' }, spec)).toBe('p1');
		expect(locatorValue({ __rl: true, mode: 'id', value: 'p2' }, spec)).toBe('p2');
		expect(
			locatorValue(
				{ __rl: true, mode: 'url', value: 'https://x.example/web/project2/show/p3' },
				spec,
			),
		).toBe('p3');
		expect(locatorValue('p4', spec)).toBe('p4');
		expect(locatorValue('https://x.example/web/project2/show/p5?tab=jobs', spec)).toBe('p5');
		// a URL of something else stays as it is (the vendor then refuses the id, naming it)
		expect(locatorValue('https://x.example/other/1', spec)).toBe('https://x.example/other/1');
		expect(locatorValue(undefined, spec)).toBe('');
		expect(locatorValue({ __rl: true, mode: 'list', value: '' }, spec)).toBe('');
	});

	it('an empty one is an error naming the parameter and the item', () => {
		const { ctx } = fakeExecuteContext({
			parameters: { project: { __rl: true, mode: 'list', value: '' } },
			input: [{}, {}],
		});
		expect(() => requiredLocator(ctx, spec, 1)).toThrow('Project: choose one or enter its ID');
		try {
			requiredLocator(ctx, spec, 1);
		} catch (error) {
			expect((error as { context?: { itemIndex?: number } }).context?.itemIndex).toBe(1);
		}
	});
});

import type { ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

/**
 * Wordbee Beebox API access (help.wordbee.com/beebox/api-connect-using-post): a project's connector
 * credentials ("Connectors & API" tab of the project settings), or the admin login. The API hands out a session
 * token on connect; the nodes connect, do their work and disconnect, since an open session pauses the Beebox's
 * automatic operations. A Beebox installed before November 2023 is logged in with GET (help.wordbee.com/beebox/
 * api-connect). Tested by nodes/Beebox/credentialTest.ts (log in, read the project's languages, log out).
 */
export class BeeboxApi implements ICredentialType {
	name = 'beeboxApi';

	displayName = 'Wordbee Beebox API';

	icon: Icon = {
		light: 'file:../nodes/Beebox/beebox.svg',
		dark: 'file:../nodes/Beebox/beebox.dark.svg',
	};

	documentationUrl = 'https://help.wordbee.com/beebox/api-connect-using-post';

	properties: INodeProperties[] = [
		{
			displayName: 'Server URL',
			name: 'serverUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://beebox.example.com',
			description:
				'Address of your Beebox server, as in the browser when you use the Beebox (without /api)',
		},
		{
			displayName: 'Project Key',
			name: 'projectKey',
			type: 'string',
			default: '',
			placeholder: 'dddac1e2-32fa-4f29-ab92-78128a94809e',
			description:
				"The project ID from the project's Settings page. Required with connector credentials, and for translated files and the Catch-Up Trigger; leave empty with admin credentials to read events of every project.",
		},
		{
			displayName: 'Login',
			name: 'login',
			type: 'string',
			default: '',
			required: true,
			description:
				'Connector login from the project\'s "Connectors & API" tab, or the Beebox admin login',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
	];
}

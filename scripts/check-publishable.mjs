// Refuses to publish while package.json still lacks what only the maintainers can give: the public GitHub
// repository, the place for bug reports and the author's real e-mail address. Nothing here invents them: until
// they are known, `author.email` is an address in the reserved `.invalid` top-level domain (RFC 2606: never
// deliverable, a marker and no contact data) and `repository` and `bugs` are absent. n8n's lint wants an author
// with a name and an e-mail (valid-author), so the marker keeps `npm run lint` clean while this check keeps such a
// package.json off the registry. RELEASING.md, "Before the first publish", says what to fill in.
//   node scripts/check-publishable.mjs [dir ...]   checks <dir>/package.json (default: the repository root)
// Run by `npm run release` (scripts/release.mjs) and by the publish workflow before it installs anything; no
// dependencies. Inside GitHub Actions it also checks what the registry and n8n compare against the run:
//   - repository.url names the repository the workflow runs in (npm refuses a provenance statement otherwise,
//     and n8n's verification wants the npm package and the public GitHub repository to match);
//   - a tag run publishes the version the tag names;
//   - npm can do trusted publishing (npm >= 11.5.1) when no NPM_TOKEN is given (NPM_TOKEN or HAS_NPM_TOKEN=true).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Domains reserved by RFC 2606 / RFC 6761: an address there is a placeholder, never a contact. */
const RESERVED_DOMAIN = /(^|\.)(invalid|example|test|localhost)$|^example\.(com|net|org)$/i;

/** `owner/name` from a GitHub repository URL in any form npm accepts, or undefined. */
export function githubRepository(url) {
	const match =
		/^(?:git\+)?(?:https?|ssh|git):\/\/(?:git@)?github\.com[/:]([\w.-]+)\/([\w.-]+?)(?:\.git)?\/?$/i.exec(
			url,
		) ??
		/^(?:github:)?([\w.-]+)\/([\w.-]+?)(?:\.git)?$/i.exec(url) ??
		/^git@github\.com:([\w.-]+)\/([\w.-]+?)(?:\.git)?$/i.exec(url);
	return match ? `${match[1]}/${match[2]}` : undefined;
}

function person(value) {
	if (typeof value === 'string') {
		const email = /<([^>]*)>/.exec(value)?.[1] ?? '';
		return { name: value.replace(/<[^>]*>|\([^)]*\)/g, '').trim(), email: email.trim() };
	}
	if (value && typeof value === 'object') {
		return { name: String(value.name ?? '').trim(), email: String(value.email ?? '').trim() };
	}
	return { name: '', email: '' };
}

/** npm's version comparison for plain x.y.z (enough for npm's own version string). */
function atLeast(version, minimum) {
	const a = version.split('.').map((n) => parseInt(n, 10));
	const b = minimum.split('.').map((n) => parseInt(n, 10));
	for (let i = 0; i < 3; i++) {
		if ((a[i] ?? 0) !== b[i]) return (a[i] ?? 0) > b[i];
	}
	return true;
}

/**
 * What stands between <dir>/package.json and `npm publish`; an empty list when nothing does.
 * `env` is process.env or a stand-in (tests); `npmVersion` is asked of npm only inside GitHub Actions.
 */
export function publishProblems(dir, env = process.env, npmVersion = undefined) {
	const file = join(dir, 'package.json');
	const pkg = JSON.parse(readFileSync(file, 'utf8'));
	const problems = [];

	const author = person(pkg.author);
	if (!author.name) problems.push('"author" has no name.');
	const domain = author.email.split('@').pop() ?? '';
	if (!author.email || !author.email.includes('@')) {
		problems.push('"author" has no e-mail address.');
	} else if (RESERVED_DOMAIN.test(domain)) {
		problems.push(
			`"author.email" is still the placeholder ${author.email} (a reserved domain, never delivered): ` +
				'put in the e-mail address of the person or organisation that owns the package on npm and the repository on GitHub.',
		);
	}

	const repositoryUrl = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
	const repository = repositoryUrl ? githubRepository(repositoryUrl) : undefined;
	if (!repositoryUrl) {
		problems.push(
			'"repository" is missing: n8n verifies a community package against its public GitHub repository, and npm ' +
				'checks a provenance statement against it.',
		);
	} else if (!repository) {
		problems.push(
			`"repository.url" (${repositoryUrl}) is not a GitHub repository: n8n's scanner downloads the source from ` +
				'the GitHub commit the provenance statement names.',
		);
	} else if (env.GITHUB_ACTIONS && env.GITHUB_REPOSITORY) {
		if (repository.toLowerCase() !== env.GITHUB_REPOSITORY.toLowerCase()) {
			problems.push(
				`"repository.url" names ${repository}, but this workflow runs in ${env.GITHUB_REPOSITORY}: npm refuses ` +
					'a provenance statement from another repository.',
			);
		}
	}

	const bugs = typeof pkg.bugs === 'string' ? pkg.bugs : (pkg.bugs?.url ?? pkg.bugs?.email);
	if (!bugs)
		problems.push(
			'"bugs" is missing: the URL where users report problems (the repository\'s issues).',
		);

	if (env.GITHUB_ACTIONS && env.GITHUB_REF_TYPE === 'tag' && env.GITHUB_REF_NAME !== pkg.version) {
		problems.push(
			`the tag ${env.GITHUB_REF_NAME} does not name the version in package.json (${pkg.version}): tag the ` +
				'commit that `npm run release` made.',
		);
	}

	// the publish workflow's first step learns only whether the secret is set (HAS_NPM_TOKEN), not its value
	if (env.GITHUB_ACTIONS && !env.NPM_TOKEN && env.HAS_NPM_TOKEN !== 'true') {
		const version =
			npmVersion ?? execFileSync('npm', ['--version'], { encoding: 'utf8', cwd: dir }).trim();
		if (!atLeast(version, '11.5.1')) {
			problems.push(
				`npm ${version} cannot do trusted publishing (npm >= 11.5.1 can; Node.js 24.21 ships 11.19): use a newer ` +
					'Node.js in the workflow, or an NPM_TOKEN secret.',
			);
		}
	}
	return problems;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
	const dirs = process.argv.slice(2).length ? process.argv.slice(2) : [root];
	let refused = false;
	for (const dir of dirs) {
		const file = relative(process.cwd(), join(resolve(dir), 'package.json')) || 'package.json';
		const problems = publishProblems(resolve(dir));
		if (problems.length === 0) {
			console.log(`${file}: ready to publish`);
			continue;
		}
		refused = true;
		console.error(`${file} is not ready to publish:`);
		for (const problem of problems) console.error(`  - ${problem}`);
	}
	if (refused) {
		console.error(
			'Publishing refused. RELEASING.md: "Before the first publish" for package.json, "Making a release" for tags.',
		);
		process.exit(1);
	}
}

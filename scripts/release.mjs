// `npm run release`: the one way this package reaches npm. RELEASING.md describes the whole procedure.
//
// On a maintainer's machine:  npm run release -- <patch|minor|major|x.y.z> [--dry-run]
//   checks that package.json is ready to publish (scripts/check-publishable.mjs), that the work tree is clean on
//   main and that CHANGELOG.md has entries under [Unreleased]; runs lint, the unit tests, the build and
//   `npm publish --dry-run`; then sets the version (package.json, package-lock.json, cli/package.json), dates the
//   changelog section, commits "Release x.y.z" and tags it x.y.z. It publishes nothing and pushes nothing: pushing
//   the tag starts .github/workflows/publish.yml, which publishes. --dry-run stops before the first change.
//
// In GitHub Actions (GITHUB_ACTIONS set; the publish workflow):  npm run release
//   the same check, then `n8n-node release` as n8n's starter does: lint, build and `npm publish` with a provenance
//   statement. A prerelease version (1.2.0-rc.1) is published under the dist-tag "next", never as "latest".
//
// Why not `n8n-node release` on the maintainer's machine too: there it runs release-it with
// `npx auto-changelog -p`, which rewrites CHANGELOG.md from commit messages, and ours is written by hand (Keep a
// Changelog); release-it would also be one more large devDependency. This half does the same checks and the same
// commit and tag, leaves the push to the maintainer, and the publishing half is n8n's own command.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { publishProblems } from './check-publishable.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const read = (file) => readFileSync(join(root, file), 'utf8');
const pkg = JSON.parse(read('package.json'));

function fail(message) {
	console.error(`npm run release: ${message}`);
	process.exit(1);
}

function run(command, args, options = {}) {
	console.log(`\n$ ${[command, ...args].join(' ')}`);
	const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
	if (result.status !== 0)
		fail(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
}

const git = (...args) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();

function refuseUnlessPublishable() {
	const problems = publishProblems(root);
	if (problems.length === 0) return;
	console.error('package.json is not ready to publish:');
	for (const problem of problems) console.error(`  - ${problem}`);
	fail(
		'refused. RELEASING.md, "Before the first publish", says which values to fill in and where.',
	);
}

const VERSION = /^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?$/;

/** Negative, zero or positive as a is below, equal to or above b (semver order; prereleases compared as text). */
function compareVersions(a, b) {
	const [x, y] = [VERSION.exec(a), VERSION.exec(b)];
	for (let i = 1; i <= 3; i++)
		if (Number(x[i]) !== Number(y[i])) return Number(x[i]) - Number(y[i]);
	if (x[4] === y[4]) return 0;
	if (!x[4] || !y[4]) return x[4] ? -1 : 1;
	return x[4] < y[4] ? -1 : 1;
}

/**
 * The version after `current` for patch / minor / major, or `wanted` itself when it is a version above it, or
 * `current` itself while no tag names it (the first release publishes the version package.json has).
 */
function nextVersion(current, wanted, tagged) {
	const [, major, minor, patch] = VERSION.exec(current)?.map(Number) ?? [];
	if (major === undefined) fail(`package.json has no x.y.z version (${current})`);
	if (wanted === 'major') return `${major + 1}.0.0`;
	if (wanted === 'minor') return `${major}.${minor + 1}.0`;
	if (wanted === 'patch') return `${major}.${minor}.${patch + 1}`;
	if (!VERSION.test(wanted)) return undefined;
	const order = compareVersions(wanted, current);
	return order > 0 || (order === 0 && !tagged(wanted)) ? wanted : undefined;
}

/** CHANGELOG.md with the [Unreleased] entries moved under `## [version] - date`; throws when there are none. */
function datedChangelog(text, version, date) {
	const heading = '## [Unreleased]';
	const start = text.indexOf(heading);
	if (start < 0) throw new Error(`CHANGELOG.md has no "${heading}" section`);
	const bodyStart = start + heading.length;
	const nextHeading = text.indexOf('\n## [', bodyStart);
	const body = text.slice(bodyStart, nextHeading < 0 ? undefined : nextHeading);
	if (!/^\s*[-*] /m.test(body)) throw new Error(`CHANGELOG.md has no entries under "${heading}"`);
	return `${text.slice(0, bodyStart)}\n\n## [${version}] - ${date}${text.slice(bodyStart)}`;
}

if (process.env.GITHUB_ACTIONS) {
	if (process.env.GITHUB_REF_TYPE !== 'tag')
		fail('the publish workflow publishes from a version tag only');
	refuseUnlessPublishable();
	const env = { ...process.env };
	if (pkg.version.includes('-') && !env.NPM_CONFIG_TAG) env.NPM_CONFIG_TAG = 'next';
	// lint, build, then `npm publish` with RELEASE_MODE=true and NPM_CONFIG_PROVENANCE=true (@n8n/node-cli)
	run(join(root, 'node_modules', '.bin', 'n8n-node'), ['release'], { env });
	process.exit(0);
}

const args = process.argv.slice(2);
const dryRun = args.includes('--dry-run');
const wanted = args.find((a) => !a.startsWith('--'));
if (!wanted) {
	console.error(
		'usage: npm run release -- <patch|minor|major|x.y.z> [--dry-run]\n' +
			'Prepares the release commit and tag; pushing the tag publishes (RELEASING.md).',
	);
	process.exit(2);
}
const tagged = (name) => git('tag', '--list', name) !== '';
const version = nextVersion(pkg.version, wanted, tagged);
if (!version) {
	fail(
		`"${wanted}" is not patch, minor, major, a version above ${pkg.version} or ${pkg.version} itself before its tag`,
	);
}

refuseUnlessPublishable();
if (git('status', '--porcelain'))
	fail('the work tree has uncommitted changes: commit or stash them first');
const branch = git('rev-parse', '--abbrev-ref', 'HEAD');
if (branch !== 'main') fail(`releases are made from main, not from ${branch}`);
if (tagged(version)) fail(`the tag ${version} exists already`);
const date = new Date().toISOString().slice(0, 10);
let changelog;
try {
	changelog = datedChangelog(read('CHANGELOG.md'), version, date);
} catch (error) {
	fail(`${error.message}: write down what changed first`);
}

run('npm', ['run', 'lint']);
run('npm', ['run', 'test:unit']);
run('npm', ['run', 'build']);
run('npm', ['publish', '--dry-run']);

if (dryRun) {
	console.log(
		`\n--dry-run: would release ${pkg.version} -> ${version} (${date}) on ${branch}: ` +
			'set the version, date CHANGELOG.md, commit and tag. Nothing changed.',
	);
	process.exit(0);
}

run('npm', [
	'version',
	version,
	'--no-git-tag-version',
	'--ignore-scripts',
	'--allow-same-version',
]);
// the simulator (cli/) is versioned with the node package: one tag, one version for everything in the repository
run('npm', ['pkg', 'set', `version=${version}`], { cwd: join(root, 'cli') });
writeFileSync(join(root, 'CHANGELOG.md'), changelog);
run('git', ['add', 'package.json', 'package-lock.json', 'cli/package.json', 'CHANGELOG.md']);
run('git', ['commit', '-m', `Release ${version}`]);
run('git', ['tag', '-a', version, '-m', `${pkg.name} ${version}`]);
console.log(
	`\nReleased ${version} locally (commit and tag). Publish it by pushing both:\n` +
		`  git push --atomic origin main ${version}\n` +
		'The tag starts the publish workflow (.github/workflows/publish.yml). To undo before pushing:\n' +
		`  git tag -d ${version} && git reset --hard HEAD~1`,
);

/**
 * Runs Electronegativity over the sources and fails on any finding except the three review-only
 * checks every app with a preload, a CSP and external links gets (see README, "Security").
 *
 * It calls the scanner's runner directly: the CLI's CSV writer truncates and appends the same file
 * from two unsynchronised writes, so its output is sometimes garbled.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

interface Issue {
  readonly id: string;
  readonly severity: { readonly name: string };
  readonly file: string;
  readonly location: { readonly line: number; readonly column: number };
  readonly description: string;
}

interface ScanResult {
  readonly issues: readonly Issue[];
  readonly errors: readonly unknown[];
}

type Runner = (options: Record<string, unknown>, forCli: boolean) => Promise<ScanResult>;

const REVIEWED_CHECKS = new Set(['PRELOAD_JS_CHECK', 'OPEN_EXTERNAL_JS_CHECK', 'CSP_GLOBAL_CHECK']);

/** A CSP finding above LOW means the policy itself is weak (e.g. 'unsafe-inline'), not just unparsed. */
function isReviewed(issue: Issue): boolean {
  if (!REVIEWED_CHECKS.has(issue.id)) return false;
  return issue.id !== 'CSP_GLOBAL_CHECK' || issue.severity.name === 'LOW';
}

async function run(): Promise<number> {
  const require = createRequire(import.meta.url);
  const electronVersion = (require('electron/package.json') as { version: string }).version;
  const scan = require('@doyensec/electronegativity/dist/runner.js') as Runner;
  const result = await scan(
    {
      input: fileURLToPath(new URL('../src', import.meta.url)),
      isRelative: true,
      electronVersionOverride: electronVersion,
      parserPlugins: [],
    },
    false,
  );
  if (result.errors.length > 0) {
    console.error('electronegativity could not parse some files:', result.errors);
    return 1;
  }
  const unexpected = result.issues.filter((issue) => !isReviewed(issue));
  for (const issue of result.issues) {
    const verdict = isReviewed(issue) ? 'reviewed' : 'FAIL';
    const where = `${issue.file}:${issue.location.line}:${issue.location.column}`;
    console.log(`${verdict.padEnd(8)} ${issue.id} (${issue.severity.name}) ${where} ${issue.description}`);
  }
  if (unexpected.length > 0) {
    console.error(`electronegativity: ${unexpected.length} finding(s) beyond the reviewed checks.`);
    return 1;
  }
  console.log(`electronegativity: ${result.issues.length} finding(s), all reviewed (see README, "Security").`);
  return 0;
}

process.exitCode = await run();

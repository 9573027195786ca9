/** Raw CloudWatch Logs requests to a sandbox over HTTP, for benchmarks: signed-looking (the sandbox takes any signature), timed. */
import type { Sandbox } from '../src/sandbox';

function amzDate(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** Calls an operation; `ms` runs until the whole body has arrived (reading it is the caller's cost, not the sandbox's). */
export async function callSandbox(sandbox: Sandbox, operation: string, body: object): Promise<{ ms: number; output: Record<string, unknown> }> {
  const started = performance.now();
  const response = await fetch(sandbox.endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': `Logs_20140328.${operation}`,
      'x-amz-date': amzDate(Date.now()),
      authorization: 'AWS4-HMAC-SHA256 Credential=AKIDBENCH/20260101/us-east-1/logs/aws4_request, SignedHeaders=host;x-amz-date, Signature=00',
    },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  // Until the whole body has arrived; reading it is the caller's cost, not the sandbox's.
  const ms = performance.now() - started;
  if (!response.ok) throw new Error(`${operation} failed: ${text}`);
  return { ms, output: JSON.parse(text) as Record<string, unknown> };
}

// Loads policy/sources.json, the documents every citation names (title, issuer, date, 文号, short name).
// A bad file stops start-up with one line naming the field.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { policySourcesSchema, type PolicySources } from '../domain/clauses/policy-source.ts';

/** A bad policy/sources.json: the service does not start. */
export class PolicySourcesError extends Error {}

export const DEFAULT_POLICY_SOURCES_FILE = fileURLToPath(new URL('../../policy/sources.json', import.meta.url));

let bundled: PolicySources | undefined;

/** The documents in `file` (default policy/sources.json), validated; the bundled file is read once. */
export function loadPolicySources(file: string = DEFAULT_POLICY_SOURCES_FILE): PolicySources {
  if (file === DEFAULT_POLICY_SOURCES_FILE && bundled !== undefined) return bundled;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new PolicySourcesError(`policy/sources.json: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = policySourcesSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first === undefined ? '(root)' : first.path.map(String).join('.') || '(root)';
    const what = first === undefined ? 'invalid file' : first.code === 'invalid_type' ? `expected ${first.expected}` : first.message;
    throw new PolicySourcesError(`policy/sources.json: ${where}: ${what}`);
  }
  if (file === DEFAULT_POLICY_SOURCES_FILE) bundled = parsed.data;
  return parsed.data;
}

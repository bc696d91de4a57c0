// Prints the README's configuration table from the zod schema, so the two never drift apart.
import { ENV_SCHEMA } from '../src/config/app-config.ts';

const rows = Object.entries(ENV_SCHEMA.shape).map(([name, schema]) => {
  const parsed = schema.safeParse(undefined);
  const fallback = parsed.success && parsed.data !== undefined ? `\`${String(parsed.data)}\`` : '(none)';
  return `| \`${name}\` | ${fallback} | ${schema.description ?? ''} |`;
});
console.log(['| variable | default | meaning |', '|---|---|---|', ...rows].join('\n'));

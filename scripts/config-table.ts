// Prints the README's configuration table from the zod schema, so the two never drift apart. Variables a library
// reads itself (not this service) follow the row of the setting that turns that library on.
import { ENV_SCHEMA } from '../src/config/app-config.ts';

const READ_BY_LIBRARIES: Record<string, readonly string[]> = {
  WECHATY_PUPPET: [
    '| `WECHATY_PUPPET_SERVICE_TOKEN` | (none) | Read by wechaty itself, not by this service: the token of the puppet service (`<sni>_<uuid>`, e.g. `insecure_<uuid>` for a self-hosted gateway without TLS). |',
    '| `WECHATY_PUPPET_SERVICE_ENDPOINT` | (none) | Read by wechaty itself, not by this service: `host:port` of the puppet gateway. Set, wechaty goes straight there; unset, it looks the token up at api.chatie.io, which needs the internet. |',
  ],
};

const rows = Object.entries(ENV_SCHEMA.shape).flatMap(([name, schema]) => {
  const parsed = schema.safeParse(undefined);
  const fallback = parsed.success && parsed.data !== undefined ? `\`${String(parsed.data)}\`` : '(none)';
  return [`| \`${name}\` | ${fallback} | ${schema.description ?? ''} |`, ...(READ_BY_LIBRARIES[name] ?? [])];
});
console.log(['| variable | default | meaning |', '|---|---|---|', ...rows].join('\n'));

// The Prisma filter that keeps a query inside a caseworker's AccessScope: rows whose `regionCode` starts with
// one of the scope's district prefixes. Wrapped in AND so it composes with a query's own OR. Every console
// query over people, cases, registrations or files must include it (a repository test checks the 404s).
import type { AccessScope } from '../caseworker/region-scope.ts';

export const inScope = (scope: AccessScope) => ({ AND: [{ OR: scope.prefixes.map((prefix) => ({ regionCode: { startsWith: prefix } })) }] });

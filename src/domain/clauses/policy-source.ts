// The documents the policy rests on (policy/sources.json): notices of the seed regions and the national laws,
// regulations and standards. Citations name a document by its id here; what a person reads is its shortName.
import { z } from 'zod';
import { SOURCE_ID } from './clause-ref.ts';

/** A date as precise as the document gives it: YYYY, YYYY-MM or YYYY-MM-DD. */
const documentDate = z.string().regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/u, { message: 'expected YYYY, YYYY-MM or YYYY-MM-DD' });

export const policySourceSchema = z.strictObject({
  /** The full title as the document gives it. */
  title: z.string().min(1),
  /** The issuing body or bodies. */
  issuer: z.string().min(1),
  date: documentDate,
  /** 文号 (e.g. 温人社发〔2022〕37号); null where the document has none. Never invented. */
  docNumber: z.string().min(1).nullable(),
  /** What a person reads in a citation: the 文号 where there is one, otherwise a short form of the title. */
  shortName: z.string().min(1),
  kind: z.enum(['notice', 'national_law', 'national_regulation', 'national_standard']),
  /** Its full text is one of the policy notices (POLICY_SOURCES_DIR), so every cited section can be checked. */
  inPolicyNotices: z.boolean(),
});

export type PolicySource = z.infer<typeof policySourceSchema>;

export const policySourcesSchema = z.record(
  z.string().regex(SOURCE_ID, { message: 'expected a kebab-case source id' }),
  policySourceSchema,
);

/** Every document the project cites, by id. */
export type PolicySources = Readonly<Record<string, PolicySource>>;

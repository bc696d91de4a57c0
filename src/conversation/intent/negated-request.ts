// Whether a message refuses the very thing it names ("我不想登记", "don't register me"). The model may still
// read such a message as the request itself, because it contains the request's words; this check has the last
// word, so a negation never starts what it negates.
import { MAX_INTENT_TEXT } from './intent-features.ts';

/** A negator right before a request verb, with only "再/去/给我…" or "办/申请/失业" between them. */
const ZH_NEGATED_REQUEST =
  /(不想|不要|不用|不需要|不打算|不愿意|不愿|不必|没必要|别|甭|不再|不)(再|去|来|给我|帮我)?(办理|办|申请|做|弄|搞|填)?(个|一下)?(失业|就业困难|困难人员|困难)?(登记|登|注册|认定|预审|申请|办)/u;
const EN_NEGATED_REQUEST =
  /\b(don'?t|do not|doesn'?t|won'?t|will not|not|never|no longer)\s+(want|wish|need|like|plan|going)?\s*(to\s+)?(do\s+(the\s+|my\s+|any\s+)?|be\s+)?(register|registration|apply|application|sign\s+up|sign\s+me|enrol|enroll|continue|proceed|go\s+on|hardship)\b/iu;

/** True when the message negates a request to register, apply or go on, in either language. */
export function isNegatedRequest(text: string): boolean {
  const capped = text.slice(0, MAX_INTENT_TEXT).normalize('NFKC').replace(/[’‘]/g, "'");
  return ZH_NEGATED_REQUEST.test(capped) || EN_NEGATED_REQUEST.test(capped);
}

// Words for the answer to a common question (answerFaq on the person's region pack): one short line per
// statement with its citation, under a one-line title, and buttons to go on. Where the pack has no answer the
// bot says so and offers a person (and, for 失业保险金, the service's own channels): it never invents one.
import { answerFaq, type FaqStatement, type FaqTopic } from '../../domain/faq/answer-faq.ts';
import type { DialogEnv, StepChoice } from '../dialog-types.ts';
import { reply, type Reply } from '../reply.ts';

const HUMAN: StepChoice = { value: 'human', label: 'menu.buttons.human' };
const MENU: StepChoice = { value: 'menu', label: 'menu.buttons.menu' };

/** The action a question leads to, offered first. */
const NEXT_STEP: Partial<Record<FaqTopic, StepChoice>> = {
  whoCanRegister: { value: 'start:registration', label: 'menu.buttons.registration' },
  papers: { value: 'start:registration', label: 'menu.buttons.registration' },
  hardship: { value: 'start:hardship', label: 'menu.buttons.hardship' },
  contactFrequency: { value: 'start:status', label: 'menu.buttons.status' },
};

/** A closing line where the pack's facts need a word on what happens next (who decides, how to start). */
const TAIL: Partial<Record<FaqTopic, string>> = { hardship: 'faq.tail.hardship', benefit: 'faq.tail.benefit' };

/** `faq.list.<kind>.<code>` for each code, joined the way the language lists things. */
function listWords(statement: FaqStatement, env: DialogEnv): string {
  if (!statement.list) return '';
  const { kind, codes, counts } = statement.list;
  const word = (code: string) => env.label(kind === 'category' ? `hardship.categories.${code}` : `faq.list.${kind}.${code}`, { n: counts?.[code] ?? '' });
  return codes.map(word).join(env.label(`faq.separator.${kind}`));
}

function lineOf(statement: FaqStatement, env: DialogEnv): string {
  return env.label(`faq.line.${statement.code}`, {
    ...(statement.numbers ?? {}),
    ...(statement.phone ? { phone: statement.phone } : {}),
    list: listWords(statement, env),
    source: statement.source,
  });
}

const linesOf = (statements: readonly FaqStatement[], env: DialogEnv): string => statements.map((s) => lineOf(s, env)).join('\n');

/** The replies to a common question, in the conversation's language, from the pack in force today. */
export function faqReplies(topic: FaqTopic, env: DialogEnv): Reply[] {
  const next = NEXT_STEP[topic];
  const choices = [...(next ? [next] : []), HUMAN, MENU];
  const statements = answerFaq(env.policy.pack, topic);
  if (statements.length > 0) {
    const tails = [TAIL[topic], env.policy.pack.needsConfirmation ? 'faq.tail.unconfirmed' : undefined].flatMap((k) => (k ? [`\n${env.label(k)}`] : []));
    const tail = tails.join('');
    return [reply('faq.answer', { title: env.label(`faq.title.${topic}`), lines: linesOf(statements, env) + tail }, choices)];
  }
  const channels = topic === 'benefit' ? answerFaq(env.policy.pack, 'where') : [];
  const params = { topic: env.label(`faq.topic.${topic}`) };
  if (channels.length === 0) return [reply('faq.noAnswer', params, choices)];
  return [reply('faq.noAnswerAsk', { ...params, lines: linesOf(channels, env) }, choices)];
}

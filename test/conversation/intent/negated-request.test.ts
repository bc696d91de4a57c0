// A negation never starts the thing it negates: "我不想登记" opens no registration, in either language, and
// the words of the request without a negation still open it.
import { describe, expect, it } from 'vitest';
import { isNegatedRequest } from '../../../src/conversation/intent/negated-request.ts';
import { createIntentClassifier } from '../../../src/conversation/intent/intent-classifier.ts';
import { readIntentExamples } from '../../../src/conversation/intent/intent-examples.ts';
import { understandMessage } from '../../../src/conversation/intent/understand-message.ts';

const NEGATED = [
  '我不想登记', '我不想登记了', '不登记了', '我不想办失业登记', '不用帮我登记了', '别给我登记', '先不办登记了', '不想申请困难认定了',
  '我不要登记失业', '不打算登记', "I don't want to register", "don't register me", 'I do not want to apply for hardship',
  'I no longer want to register', "I don't want to continue", 'I won’t register',
];
const NOT_NEGATED = [
  '失业登记', '我想登记失业', '我找不到工作想登记', '不知道怎么登记', '我没工作了要办登记', '不要再发消息了', '找到工作了怎么注销登记',
  '我不想失业，想登记', 'I want to register', "I don't have a job, sign me up", "I don't know how to register", "I'm not registered yet, register me",
  'stop messaging me',
];

describe('isNegatedRequest', () => {
  it.each(NEGATED)('"%s" negates a request', (text) => {
    expect(isNegatedRequest(text)).toBe(true);
  });
  it.each(NOT_NEGATED)('"%s" does not', (text) => {
    expect(isNegatedRequest(text)).toBe(false);
  });
});

describe('understandMessage at the menu', () => {
  const classifier = createIntentClassifier(readIntentExamples());

  it.each(NEGATED)('"%s" opens no dialog', async (text) => {
    const understood = await understandMessage(classifier, text, false);
    expect(understood.kind).not.toBe('dialog');
  });

  it.each(['我想登记失业', '失业等级', '我被裁员了想登记', 'I want to register as unemployed', 'I lost my job, sign me up'])('"%s" still opens registration', async (text) => {
    expect(await understandMessage(classifier, text, false)).toEqual({ kind: 'dialog', dialog: 'registration' });
  });

  it('a negated request the model reads as the request is taken as "cancel"', async () => {
    const fooled = { classify: () => Promise.resolve({ intent: 'registration' as const, score: 0.99 }) };
    expect(await understandMessage(fooled, '我不想登记', false)).toEqual({ kind: 'command', command: 'cancel' });
    expect(await understandMessage(fooled, '我想登记', false)).toEqual({ kind: 'dialog', dialog: 'registration' });
  });
});

// 联系方式: a registered person says where proactive messages should reach them (here, or wherever they last
// wrote from); the choice is stored, named back with their linked channels, and audited. A conversation not
// linked to anyone is told it cannot set it, and nothing changes.
import { describe, expect, test as it } from '../support/fixtures.ts';
import { buttonsOf, textOf, type EngineHarness } from '../support/engine-harness.ts';
import { fillForm } from './registration-form.ts';

let h: EngineHarness;
it.override({ harnessOptions: { conversationId: 'owner' } });
it.beforeEach(async ({ harness }) => {
  h = harness;
  await fillForm(h);
  await h.say('submit');
});

const preferred = async () => (await h.db.jobSeeker.findFirstOrThrow({ select: { preferredChannel: true } })).preferredChannel;

describe('联系方式', () => {
  it('asks with two buttons and keeps "here" as the preferred channel, audited', async () => {
    const asked = await h.say('联系方式');
    expect(textOf(asked)).toContain('以后我们主动联系您');
    expect(buttonsOf(asked)).toEqual(['就在这里联系我', '我最近在哪里留言就在哪里']);
    const done = await h.say('就在这里联系我');
    expect(textOf(done)).toContain('好的，以后优先通过当前渠道联系您');
    expect(textOf(done)).toContain('您已核实身份的渠道：当前渠道。');
    expect(textOf(done)).not.toMatch(/contactChannel|\{\{|undefined/);
    expect(await preferred()).toBe('test');
    const audit = await h.db.auditEvent.findFirstOrThrow({ where: { action: 'person.preferredChannel' } });
    expect(JSON.parse(audit.details)).toMatchObject({ channel: 'test' });
  });

  it('"wherever I last wrote from" clears the preference', async () => {
    await h.say('以后在这里联系我');
    await h.say('就在这里联系我');
    expect(await preferred()).toBe('test');
    await h.say('联系方式');
    expect(textOf(await h.say('我最近在哪里留言就在哪里'))).toContain('以后通过您最近留言的渠道联系您');
    expect(await preferred()).toBeNull();
  });

  it('in English too', async () => {
    await h.say('English');
    const asked = await h.say('contact channel');
    expect(buttonsOf(asked)).toEqual(['Contact me here', 'Wherever I last wrote from']);
    expect(textOf(await h.say('Contact me here'))).toContain('we will contact you through this channel first');
  });

  it('refuses a conversation that is not linked to the person before asking anything', async () => {
    const refused = await h.say('联系方式', { conversationId: 'stranger' });
    expect(textOf(refused)).toContain('这个对话还没有核实是您本人');
    expect(textOf(refused)).not.toContain('以后我们主动联系您');
    // The choice is not open: saying it afterwards changes nothing.
    await h.say('就在这里联系我', { conversationId: 'stranger' });
    expect(await preferred()).toBeNull();
    expect(await h.db.auditEvent.count({ where: { action: 'person.preferredChannel' } })).toBe(0);
  });
});

// Every dialog in the registry, run to its end on a channel without buttons, in both languages and in
// three regions: choices arrive as numbered lines, "1" picks the first, typed steps get a sample answer.
// A dialog added later without a sample for a typed step makes this test fail, as it should.
import { afterEach, describe, expect, it } from 'vitest';
import { DIALOGS } from '../../dialogs/index.ts';
import { MENU_ENTRIES, PHRASE_ENTRIES } from '../../src/conversation/main-menu.ts';
import { HARDSHIP_DATE_FIELDS } from '../../src/domain/hardship/hardship-profile.ts';
import type { Locale } from '../../src/conversation/locales.ts';
import type { OutboundMessage } from '../../src/conversation/turn-types.ts';
import { createEngineHarness, type EngineHarness } from '../support/engine-harness.ts';

/** Answers for steps that take typed text; every other step is answered "1". */
const TYPED: Record<string, string> = {
  name: '张三',
  idNumber: '330302199005151235',
  household: '湛江市赤坎区',
  phone: '13812345678',
  unemployedSince: '2025-03-01',
  skills: '电工证',
  jobWanted: '保洁',
  // Who to call back before a hardship pre-screen is filed (issue 9 item 5).
  contactName: '张三',
  contactIdNumber: '330302199005151235',
  contactPhone: '13812345678',
  ...Object.fromEntries(HARDSHIP_DATE_FIELDS.map((f) => [f, '2024-01-01'])),
};

/** What finishing each dialog with first choices leaves behind (rows a caseworker will see). */
// followUp, status and contactChannel store nothing for a person who has not registered (they are offered registration).
const EXPECTED_OUTCOME: Record<string, number> = { registration: 1, hardship: 1, followUp: 0, status: 0, contactChannel: 0 };

async function storedOutcome(harness: EngineHarness, dialog: string): Promise<number> {
  if (dialog === 'registration') return harness.db.registration.count();
  if (dialog === 'hardship') return harness.db.handoffCase.count({ where: { kind: 'hardship_recognition' } });
  if (dialog === 'followUp') return harness.db.contactRecord.count();
  return harness.db.registration.count();
}

const KEY_LIKE = /^[a-z]+(\.[A-Za-z_]+)+$/;
let h: EngineHarness | undefined;
afterEach(async () => h?.close());

function activeStep(state: unknown): string | null {
  if (typeof state !== 'object' || state === null || !('active' in state)) return null;
  const active = state.active;
  return typeof active === 'object' && active !== null && 'step' in active && typeof active.step === 'string' ? active.step : null;
}

function expectReadable(messages: OutboundMessage[]): void {
  for (const m of messages) {
    expect(m.choices).toEqual([]);
    expect(m.text).not.toMatch(/undefined|\{\{|\[object Object\]/);
    expect(m.text.trim()).not.toMatch(KEY_LIKE);
  }
}

/** Dialogs a person can open; the rest are entered only from another dialog's step (see identity-link tests). */
const OPENABLE = Object.values(DIALOGS).filter((d) => !d.enteredFrom).map((d) => d.id);

const cases = OPENABLE.flatMap((dialog) =>
  (['zh-CN', 'en'] as Locale[]).flatMap((locale) => ['440800', '330302', '230102'].map((region) => ({ dialog, locale, region }))),
);

describe('every dialog on a channel without buttons', () => {
  it('covers every dialog of the registry that the menu (or, for 联系方式, a phrase) offers', () => {
    expect([...MENU_ENTRIES, ...PHRASE_ENTRIES].map((e) => e.dialog).sort()).toEqual([...OPENABLE].sort());
  });

  it.each(cases)('$dialog in $locale, region $region, runs to its end with numbered answers', async ({ dialog, locale, region }) => {
    h = await createEngineHarness({ regionCode: region });
    const plain = { buttons: false } as const;
    if (locale === 'en') expectReadable(await h.say('English', plain));
    const menu = await h.say('你好', plain);
    expectReadable(menu);
    const position = MENU_ENTRIES.findIndex((e) => e.dialog === dialog) + 1;
    // A dialog without a menu button is opened by the first phrase listed for it.
    if (position > 0) expect(menu.at(-1)?.text).toContain(`${position}. `);
    let replies = await h.say(position > 0 ? String(position) : (h.localizer.list(locale, `menu.intents.${dialog}`)[0] ?? ''), plain);
    for (let turn = 0; turn < 40; turn += 1) {
      expectReadable(replies);
      const step = activeStep(await h.state());
      if (step === null) break;
      replies = await h.say(TYPED[step] ?? '1', plain);
    }
    expect(activeStep(await h.state())).toBeNull();
    expect(replies.length).toBeGreaterThan(0);
    expect(await storedOutcome(h, dialog)).toBe(EXPECTED_OUTCOME[dialog] ?? 0);
  });
});

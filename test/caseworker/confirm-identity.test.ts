// A caseworker confirms who is behind a conversation (the other way to link, besides the one-time code): only the
// caseworker who claimed the identity_link case can; the conversation then sees the person's own status, the
// person is told in their channel, the case closes, and it is audited. Anything else changes nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createIdentityConfirmation } from '../../src/caseworker/confirm-identity.ts';
import { createCaseDeskRepository } from '../../src/persistence/case-desk-repository.ts';
import type { CaseDesk } from '../../src/caseworker/case-desk.ts';
import { createEngineHarness, HARNESS_CHANNEL, type EngineHarness } from '../support/engine-harness.ts';
import { fillForm, ID } from '../conversation/registration-form.ts';

const OTHER = { conversationId: 'x' } as const;
const PREFIX = { prefixes: ['4408'] };
const ANNA = { id: 'cw-anna', username: 'anna', displayName: '王安娜' };
const BO = { id: 'cw-bo', username: 'bo', displayName: '李博' };

let h: EngineHarness;
let desk: CaseDesk;
let sent: { reference: string; text: string }[];
beforeEach(async () => {
  h = await createEngineHarness({ conversationId: 'owner' });
  await fillForm(h);
  await h.say('submit');
  desk = createCaseDeskRepository(h.db);
  sent = [];
});
afterEach(async () => {
  await h.close();
});

function confirmation() {
  return createIdentityConfirmation({
    desk, identity: h.repos.identity, conversations: h.repos.conversations, transcript: h.repos.transcript, audit: h.repos.audit,
    localizer: h.localizer, logger: { warn: () => {} },
    sender: { send: async (reference, message) => void sent.push({ reference, text: message.text }) },
  });
}

/** The other conversation gives the owner's ID and asks for a caseworker; returns the case id. */
async function fileIdentityCase(): Promise<string> {
  for (const text of ['登记', 'agree', '李四', ID, 'caseworker']) await h.say(text, OTHER);
  const filed = await h.db.handoffCase.findFirstOrThrow({ where: { kind: 'identity_link' } });
  return filed.id;
}

describe('a caseworker confirms an identity_link case', () => {
  it('links the conversation to the person: their status shows, the person is told, the case closes, audited', async () => {
    const caseId = await fileIdentityCase();
    const before = await h.say('start:status', OTHER);
    expect(before[0]?.text).not.toContain(h.t('zh-CN', 'status.statuses.pending_review'));

    expect(await desk.claim(PREFIX, caseId, ANNA)).toMatchObject({ ok: true });
    expect(await confirmation().confirm(PREFIX, caseId, ANNA)).toMatchObject({ ok: true, case: { status: 'closed' } });

    expect(sent.map((s) => s.text)).toEqual([h.t('zh-CN', 'identity.linkedByCaseworker')]);
    const status = await h.say('start:status', OTHER);
    expect(status[0]?.text).toBe(h.t('zh-CN', 'status.registration', { status: h.t('zh-CN', 'status.statuses.pending_review'), date: '2025-03-11' }));
    const person = await h.db.jobSeeker.findFirstOrThrow({ include: { addresses: true } });
    expect(person.addresses.map((a) => a.userKey).sort()).toEqual(['user-owner', 'user-x']);
    const audit = await h.db.auditEvent.findFirstOrThrow({ where: { action: 'identity.linkedByCaseworker' } });
    expect(audit).toMatchObject({ actor: 'caseworker:anna', subjectId: person.id });
    expect(JSON.parse(audit.details)).toMatchObject({ caseId, conversationKey: `${HARNESS_CHANNEL}:x` });
  });

  it('is refused, changing nothing, before a claim, by another caseworker, in another region and on another kind of case', async () => {
    const caseId = await fileIdentityCase();
    expect(await confirmation().confirm(PREFIX, caseId, ANNA)).toEqual({ ok: false, reason: 'not_claimed' });
    await desk.claim(PREFIX, caseId, ANNA);
    expect(await confirmation().confirm(PREFIX, caseId, BO)).toMatchObject({ ok: false, reason: 'claimed_by_other' });
    expect(await confirmation().confirm({ prefixes: ['3303'] }, caseId, ANNA)).toEqual({ ok: false, reason: 'not_found' });
    await h.say('转人工', { conversationId: 'owner' });
    const handoff = await h.db.handoffCase.findFirstOrThrow({ where: { kind: 'handoff' } });
    await desk.claim(PREFIX, handoff.id, ANNA);
    expect(await confirmation().confirm(PREFIX, handoff.id, ANNA)).toEqual({ ok: false, reason: 'not_found' });

    expect(sent).toEqual([]);
    const person = await h.db.jobSeeker.findFirstOrThrow({ include: { addresses: true } });
    expect(person.addresses.map((a) => a.userKey)).toEqual(['user-owner']);
    expect(await h.db.auditEvent.count({ where: { action: 'identity.linkedByCaseworker' } })).toBe(0);
  });
});

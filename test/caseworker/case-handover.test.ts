// The handover relay the console tells when a caseworker takes a conversation over or gives it back: every
// channel hears it, and one that fails is logged without stopping the others or the caseworker's action.
import { describe, expect, it } from 'vitest';
import { createHandoverRelay, type CaseHandover, type CaseHandoverEvent } from '../../src/caseworker/case-handover.ts';

const event: CaseHandoverEvent = { caseId: 'case-1', reference: '{}', caseworker: { id: 'cw-1', username: 'wang', displayName: '王芳' } };

describe('case handover relay', () => {
  it('tells every channel in turn; a failing one is logged and the rest still hear it', async () => {
    const heard: string[] = [];
    const warnings: object[] = [];
    const relay = createHandoverRelay({ warn: (obj) => void warnings.push(obj) });
    const failing: CaseHandover = { taken: () => Promise.reject(new Error('kf down')), released: () => Promise.reject(new Error('kf down')) };
    const listening: CaseHandover = { taken: async (e) => void heard.push(`taken:${e.caseId}`), released: async (e) => void heard.push(`released:${e.caseId}`) };
    relay.add(failing, listening);

    await expect(relay.taken(event)).resolves.toBeUndefined();
    await expect(relay.released(event)).resolves.toBeUndefined();
    expect(heard).toEqual(['taken:case-1', 'released:case-1']);
    expect(warnings).toEqual([expect.objectContaining({ caseId: 'case-1', step: 'taken' }), expect.objectContaining({ caseId: 'case-1', step: 'released' })]);
  });

  it('with no channel added does nothing', async () => {
    await expect(createHandoverRelay({ warn: () => undefined }).taken(event)).resolves.toBeUndefined();
  });
});

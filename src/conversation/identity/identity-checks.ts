// Knowing an ID number proves nothing: the step checks that stop a registration whose ID is already on file
// (right after the ID step) and offer proof instead, send a one-time code to the phone on file, and check the
// code typed back (six digits, ten minutes, five tries, then a cool-down). Every step is audited.
import { randomInt } from 'node:crypto';
import type { AuditLog, IdentityChallengeStore, OutboundChannel } from '../ports.ts';
import type { Localizer } from '../localizer.ts';
import type { StepCheck, StepCheckContext, StepCheckResult } from '../step-checks.ts';
import { afterWrongCode, codeExpiresAt, decideCodeSend, ONE_TIME_CODE } from '../../domain/identity/one-time-code-policy.ts';

export interface IdentityCheckPorts {
  identity: IdentityChallengeStore;
  /** Where codes go: the SMS channel (or its log driver in a demo). */
  sms: OutboundChannel;
  audit: AuditLog;
  localizer: Localizer;
  /** A fresh code; tests may fix it. */
  newCode?: () => string;
}

export const IDENTITY_LINK_DIALOG = 'identityLink';

const randomCode = (): string => String(randomInt(0, 10 ** ONE_TIME_CODE.digits)).padStart(ONE_TIME_CODE.digits, '0');
const minutesUntil = (from: Date, to: Date): number => Math.max(1, Math.ceil((to.getTime() - from.getTime()) / 60_000));

export function createIdentityChecks(ports: IdentityCheckPorts): Readonly<Record<string, StepCheck>> {
  const audit = (action: string, jobSeekerId: string, ctx: StepCheckContext, details: Record<string, unknown> = {}) =>
    ports.audit.record({ actor: 'bot', action, subjectType: 'job_seeker', subjectId: jobSeekerId, details: { conversationKey: ctx.conversationKey, channel: ctx.turn.channel, ...details } });

  /** After the ID step: an ID on file for someone this conversation is not linked to never goes further. */
  const registered: StepCheck = async (ctx): Promise<StepCheckResult> => {
    // "不方便提供" (no number) has nothing to compare.
    if (typeof ctx.value !== 'string') return { kind: 'accept' };
    const found = await ports.identity.findByIdNumber(ctx.value);
    if (!found || found.jobSeekerId === ctx.jobSeekerId) return { kind: 'accept' };
    await audit('identity.idAlreadyRegistered', found.jobSeekerId, ctx);
    return { kind: 'divert', dialog: IDENTITY_LINK_DIALOG, slots: { person: found.jobSeekerId, phoneMask: found.phoneMask ?? '' }, key: 'identity.alreadyRegistered' };
  };

  /** "Send me a code": to the phone on file only, within the sending limits. The caseworker choice passes. */
  const sendCode: StepCheck = async (ctx): Promise<StepCheckResult> => {
    if (ctx.value !== 'code') return { kind: 'accept' };
    const person = typeof ctx.slots.person === 'string' ? ctx.slots.person : null;
    if (!person) return { kind: 'end', key: 'identity.code.expired' };
    const now = ctx.turn.at;
    const history = await ports.identity.sendHistory(person, new Date(now.getTime() - 3_600_000), now);
    const decision = decideCodeSend(now, history.sentAt, history.lockedUntil);
    if (!decision.allowed) {
      await audit('identity.codeRefused', person, ctx, { reason: decision.reason });
      return decision.reason === 'too_soon'
        ? { kind: 'reject', error: 'identity.code.tooSoon', params: { seconds: Math.ceil((decision.retryAt.getTime() - now.getTime()) / 1000) } }
        : { kind: 'reject', error: 'identity.code.coolingDown', params: { minutes: minutesUntil(now, decision.retryAt) } };
    }
    const phone = await ports.identity.phoneOf(person);
    if (!phone) return { kind: 'reject', error: 'identity.code.noPhone' };
    const code = (ports.newCode ?? randomCode)();
    const minutes = String(ONE_TIME_CODE.ttlMinutes);
    const text = ports.localizer.t(ctx.locale, 'identity.sms', { code, minutes });
    // Sent first, stored after: a code that did not go out (the number's SMS limit, another instance sending at
    // the same instant, an outage) neither exists nor replaces a code the person already has.
    const sent = await ports.sms.send(phone, { text, template: { kind: 'one_time_code', params: { code, minutes } } });
    if (!sent.ok) {
      await audit('identity.codeSendFailed', person, ctx, { provider: ports.sms.channel, code: sent.code, retryable: sent.retryable });
      return { kind: 'reject', error: sent.retryable ? 'identity.code.sendLater' : 'identity.code.sendFailed' };
    }
    const challenge = await ports.identity.issue({ jobSeekerId: person, channel: ctx.turn.channel, userKey: ctx.turn.userKey, code, sentAt: now, expiresAt: codeExpiresAt(now) });
    await audit('identity.codeSent', person, ctx, { challengeId: challenge.id, provider: ports.sms.channel, providerMessageId: sent.providerMessageId });
    return { kind: 'accept' };
  };

  /** The code typed back: right once, within ten minutes, five tries, then the cool-down. */
  const verifyCode: StepCheck = async (ctx): Promise<StepCheckResult> => {
    const person = typeof ctx.slots.person === 'string' ? ctx.slots.person : null;
    if (!person) return { kind: 'end', key: 'identity.code.expired' };
    const now = ctx.turn.at;
    const again = (key: string): StepCheckResult => ({ kind: 'divert', dialog: IDENTITY_LINK_DIALOG, slots: { person, phoneMask: ctx.slots.phoneMask ?? '' }, key });
    const pending = await ports.identity.pending(person, ctx.turn.channel, ctx.turn.userKey);
    if (!pending) {
      const { lockedUntil } = await ports.identity.sendHistory(person, now, now);
      return lockedUntil ? { kind: 'end', key: 'identity.code.locked', params: { minutes: minutesUntil(now, lockedUntil) } } : again('identity.code.expired');
    }
    if (pending.expiresAt <= now) {
      await ports.identity.close(pending.id, 'expired');
      await audit('identity.codeExpired', person, ctx, { challengeId: pending.id });
      return again('identity.code.expired');
    }
    if (await ports.identity.matches(pending.id, String(ctx.value))) {
      if (!(await ports.identity.close(pending.id, 'verified'))) return again('identity.code.expired');
      await audit('identity.codeVerified', person, ctx, { challengeId: pending.id });
      return { kind: 'accept', derived: { challengeId: pending.id } };
    }
    const after = afterWrongCode(pending.attempts + 1, now);
    await ports.identity.recordWrong(pending.id, pending.attempts, after.lockedUntil);
    if (after.lockedUntil) {
      await audit('identity.codeLocked', person, ctx, { challengeId: pending.id, until: after.lockedUntil.toISOString() });
      return { kind: 'end', key: 'identity.code.locked', params: { minutes: ONE_TIME_CODE.coolDownMinutes } };
    }
    await audit('identity.codeWrong', person, ctx, { challengeId: pending.id, left: after.left });
    return { kind: 'reject', error: 'identity.code.wrong', params: { left: after.left } };
  };

  return { 'identity.registered': registered, 'identity.sendCode': sendCode, 'identity.verifyCode': verifyCode };
}

// Which person a conversation is about: the one already on it, else the one its channel address belongs to.
import type { ActionContext } from './action-types.ts';
import type { PeopleDirectory } from '../ports.ts';

export async function personOf(ctx: ActionContext, people: PeopleDirectory): Promise<string | null> {
  if (ctx.jobSeekerId) return ctx.jobSeekerId;
  return (await people.findByAddress(ctx.turn.channel, ctx.turn.userKey))?.jobSeekerId ?? null;
}

/** Registrations that are still current (R1.2.1: the latest valid one counts). */
export const OPEN_REGISTRATION_STATUSES: readonly string[] = ['pending_review', 'registered'];

export const NOT_REGISTERED_CHOICES = [
  { value: 'start:registration', label: 'menu.buttons.registration' },
  { value: 'menu', label: 'menu.buttons.menu' },
] as const;

/** A conversation not yet proven to be the person's: register, or ask a caseworker (the refusal says so). */
export const NOT_LINKED_CHOICES = [
  { value: 'start:registration', label: 'menu.buttons.registration' },
  { value: 'human', label: 'menu.buttons.human' },
  { value: 'menu', label: 'menu.buttons.menu' },
] as const;

export const AFTER_CHOICES = [
  { value: 'menu', label: 'menu.buttons.menu' },
  { value: 'human', label: 'menu.buttons.human' },
] as const;

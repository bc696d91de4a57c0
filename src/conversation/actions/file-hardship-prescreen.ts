// Finishes the hardship pre-screen: files a request for recognition for a caseworker (one open request per
// conversation; the desk audits it) and tells the person a caseworker confirms. The conversation stays with the bot.
// Nothing is filed without a way to call the person back: the linked person on file, or the name, ID number and
// phone collected with consent in the pre-screen (then the desk keeps them encrypted and links this address).
import { z } from 'zod';
import type { DialogAction } from './action-types.ts';
import { reply } from '../reply.ts';
import { HardshipPrescreenSchema, prescreenReasonCodes, type HardshipPrescreen } from '../answers/hardship-prescreen.ts';
import { FILER_ASK, FILER_SLOT } from '../identity/who-files-check.ts';
import type { HardshipRequestDesk } from '../ports.ts';
import type { Slots } from '../dialog-types.ts';

export type { HardshipContact, HardshipFiling, HardshipRequestDesk } from '../ports.ts';

const MENU_AFTER = [
  { value: 'menu', label: 'menu.buttons.menu' },
  { value: 'human', label: 'menu.buttons.human' },
] as const;

function parsePrescreen(json: unknown): HardshipPrescreen | null {
  if (typeof json !== 'string') return null;
  try {
    const parsed = HardshipPrescreenSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const contactSlotsSchema = z.object({ contactName: z.string().min(1), contactPhone: z.string().min(1), idNumber: z.string().min(1) });

/** The contact given in the pre-screen; the ID number from its own question, else from the age question. */
function contactOf(slots: Slots): { name: string; idNumber: string; phone: string } | null {
  if (slots[FILER_SLOT] !== FILER_ASK || slots.contactConsent !== 'agree') return null;
  const idNumber = typeof slots.contactIdNumber === 'string' ? slots.contactIdNumber : slots.idNumber;
  const parsed = contactSlotsSchema.safeParse({ ...slots, idNumber });
  return parsed.success ? { name: parsed.data.contactName, idNumber: parsed.data.idNumber, phone: parsed.data.contactPhone } : null;
}

/**
 * Files the pre-screen the person saw (slot `prescreen`, made by the dialog's last answer). The bot never
 * recognises anyone: a caseworker confirms (SPEC §6 item 10), so the case reason lists met then unknown codes.
 */
export function fileHardshipPrescreen(desk: HardshipRequestDesk): DialogAction {
  return async (ctx) => {
    const prescreen = parsePrescreen(ctx.slots.prescreen);
    const given = ctx.jobSeekerId ? null : contactOf(ctx.slots);
    if (!prescreen || (!ctx.jobSeekerId && !given)) return { replies: [reply('hardship.incomplete'), reply('menu.after', undefined, MENU_AFTER)] };
    const reason = prescreenReasonCodes(prescreen).join(',');
    const { channel, userKey, reference } = ctx.turn;
    const contact = given ? { ...given, locale: ctx.locale, channel, userKey, reference } : undefined;
    const filed = await desk.file({ conversationKey: ctx.conversationKey, jobSeekerId: ctx.jobSeekerId, reason, prescreen, at: ctx.turn.at, ...(contact ? { contact } : {}) });
    if ('unverified' in filed) return { replies: [reply('hardship.contact.registeredElsewhere'), reply('menu.after', undefined, MENU_AFTER)] };
    const replies = [reply(filed.created ? 'hardship.filed' : 'hardship.filedAgain'), reply('menu.after', undefined, MENU_AFTER)];
    return filed.jobSeekerId ? { replies, jobSeekerId: filed.jobSeekerId } : { replies };
  };
}

// Finishes the hardship pre-screen: files a request for recognition for a caseworker (one open request per
// conversation; the desk audits it) and tells the person a caseworker confirms. The conversation stays with the bot.
import type { DialogAction } from './action-types.ts';
import { reply } from '../reply.ts';
import { HardshipPrescreenSchema, prescreenReasonCodes, type HardshipPrescreen } from '../answers/hardship-prescreen.ts';
import type { HardshipRequestDesk } from '../ports.ts';

export type { HardshipRequestDesk } from '../ports.ts';

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

/**
 * Files the pre-screen the person saw (slot `prescreen`, made by the dialog's last answer). The bot never
 * recognises anyone: a caseworker confirms (SPEC §6 item 10), so the case reason lists met then unknown codes.
 */
export function fileHardshipPrescreen(desk: HardshipRequestDesk): DialogAction {
  return async (ctx) => {
    const prescreen = parsePrescreen(ctx.slots.prescreen);
    if (!prescreen) return { replies: [reply('hardship.incomplete'), reply('menu.after', undefined, MENU_AFTER)] };
    const reason = prescreenReasonCodes(prescreen).join(',');
    const filed = await desk.file({ conversationKey: ctx.conversationKey, jobSeekerId: ctx.jobSeekerId, reason, prescreen, at: ctx.turn.at });
    return { replies: [reply(filed.created ? 'hardship.filed' : 'hardship.filedAgain'), reply('menu.after', undefined, MENU_AFTER)] };
  };
}

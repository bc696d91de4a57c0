// The person file's "联系渠道": the preferred channel and each way to reach the person, in the order a proactive
// message tries them, with what that channel says about sending now (window, unfollowed, pacing), in the
// caseworker's language. Addresses are masked: openids and contact ids never reach the console whole.
import type { Locale } from '../conversation/locales.ts';
import type { Localizer } from '../conversation/localizer.ts';
import type { OutboundChannel, Reachability } from '../conversation/ports.ts';
import { orderAddresses } from '../delivery/channel-order.ts';
import type { ContactReach } from './person-file.ts';

const OFFSET_MS = 8 * 3_600_000;

export interface ContactChannelView {
  channel: string;
  name: string;
  /** Masked: the last four characters of the address, or the masked phone for SMS. */
  address: string;
  preferred: boolean;
  canSendNow: boolean;
  state: string;
  windowEndsAt: string | null;
  /** The whole line as the console shows it ("微信服务号：48小时内可回复，至 12月3日 14:05"). */
  text: string;
}

const maskAddress = (address: string) => (address.length <= 4 ? '…' : `…${address.slice(-4)}`);

/** Beijing wall-clock parts of an instant, whatever the server's time zone. */
function beijingParts(at: Date): { month: number; day: number; time: string } {
  const shifted = new Date(at.getTime() + OFFSET_MS);
  return { month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate(), time: shifted.toISOString().slice(11, 16) };
}

export async function describeContactChannels(
  reach: ContactReach, phoneMask: string | null, channels: readonly OutboundChannel[], now: Date, localizer: Pick<Localizer, 't'>, locale: Locale,
): Promise<{ preferred: string | null; channels: ContactChannelView[] }> {
  const t = (key: string, params?: Record<string, string | number>) => localizer.t(locale, key, params);
  const ordered = orderAddresses({ addresses: reach.addresses, preferredChannel: reach.preferredChannel, phoneOnFile: phoneMask !== null });
  const views = await Promise.all(ordered.map(async ({ to, rank }): Promise<ContactChannelView> => {
    const channel = channels.find((c) => c.channel === to.channel);
    const said: Reachability | { canSendNow: false; reason: 'not_configured' } = !channel
      ? { canSendNow: false, reason: 'not_configured' }
      : rank === 'last_resort' ? { canSendNow: true, reason: 'last_resort' }
      : channel.reachability ? await channel.reachability(to.address, now) : { canSendNow: true, reason: 'always' };
    const windowEndsAt = 'windowEndsAt' in said && said.windowEndsAt ? said.windowEndsAt : null;
    const until = windowEndsAt ? t('contactChannels.windowEnd', beijingParts(windowEndsAt)) : '';
    const name = t(`contactChannels.names.${to.channel}`);
    return {
      channel: to.channel, name, address: rank === 'last_resort' ? (phoneMask ?? '') : maskAddress(to.address), preferred: rank === 'preferred',
      canSendNow: said.canSendNow, state: said.reason, windowEndsAt: windowEndsAt?.toISOString() ?? null,
      text: t('contactChannels.line', { channel: name, state: t(`contactChannels.states.${said.reason}`, { until }) }),
    };
  }));
  return { preferred: reach.preferredChannel === null ? null : t(`contactChannels.names.${reach.preferredChannel}`), channels: views };
}

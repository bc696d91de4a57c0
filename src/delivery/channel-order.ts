// The order in which a person's channels are tried for one proactive message: the channel they chose first,
// then the others by when they last wrote from them, and SMS (the phone on file) last of all.
import type { DeliveryAddress, DeliveryTask } from './delivery-ports.ts';

export const SMS_CHANNEL = 'sms';

/** `preferred`: the person's chosen channel; `recent`: the others, last written from first; `last_resort`: SMS. */
export type ChannelRank = 'preferred' | 'recent' | 'last_resort';

export interface RankedAddress {
  to: DeliveryAddress;
  rank: ChannelRank;
}

const writtenAt = (a: DeliveryAddress) => a.lastWrittenAt?.getTime() ?? Number.NEGATIVE_INFINITY;

/**
 * Orders the task's addresses. Ties (never written from) keep the store's order (newest address first).
 * Without a stated preference the channel last written from comes first by recency alone.
 */
export function orderAddresses(task: Pick<DeliveryTask, 'addresses' | 'preferredChannel' | 'phoneOnFile'>): RankedAddress[] {
  const preferred = task.preferredChannel ?? null;
  const ranked = task.addresses
    .filter((a) => a.channel !== SMS_CHANNEL)
    .map((to, index): RankedAddress & { index: number } => ({ to, index, rank: to.channel === preferred ? 'preferred' : 'recent' }))
    .sort((a, b) => Number(b.rank === 'preferred') - Number(a.rank === 'preferred') || writtenAt(b.to) - writtenAt(a.to) || a.index - b.index)
    .map(({ to, rank }): RankedAddress => ({ to, rank }));
  if (task.phoneOnFile) ranked.push({ to: { channel: SMS_CHANNEL, address: '', conversationKey: '' }, rank: 'last_resort' });
  return ranked;
}

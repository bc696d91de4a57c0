// The part every channel adapter shares: a proactive turn from a stored ConversationReference, and the
// botbuilder entry point for it (the base class throws NotImplemented; no Azure, so app ids are ignored).
import { BotAdapter, TurnContext } from 'botbuilder';
import type { ConversationReference } from 'botbuilder';

export type TurnLogic = (ctx: TurnContext) => Promise<void>;

/** botframework-connector's ClaimsIdentity, taken from the base signature (the last overload). */
type ClaimsIdentity = Parameters<BotAdapter['continueConversationAsync']>[0];

export abstract class ProactiveAdapter extends BotAdapter {
  /** Proactive turn from a stored reference (channels.md §1.2): replies go to the referenced conversation. */
  async continueConversation(reference: Partial<ConversationReference>, logic: TurnLogic): Promise<void> {
    const event = TurnContext.applyConversationReference({ type: 'event', name: 'ContinueConversation', timestamp: new Date() }, reference, true);
    await this.runMiddleware(new TurnContext(this, event), logic);
  }

  override async continueConversationAsync(
    _botAppIdOrClaims: string | ClaimsIdentity,
    reference: Partial<ConversationReference>,
    logicOrAudience: TurnLogic | string,
    maybeLogic?: TurnLogic,
  ): Promise<void> {
    const logic = typeof logicOrAudience === 'function' ? logicOrAudience : maybeLogic;
    if (!logic) throw new Error('continueConversationAsync needs a logic callback');
    await this.continueConversation(reference, logic);
  }

  async updateActivity(): Promise<void> {
    throw new Error('updating a sent message is not supported on this channel');
  }

  async deleteActivity(): Promise<void> {
    throw new Error('deleting a sent message is not supported on this channel');
  }
}

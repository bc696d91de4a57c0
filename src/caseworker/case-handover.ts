// When a caseworker takes a person's conversation over (claims their 转人工 case) and when they give it back
// (close it), channels that keep their own record of who answers (微信客服's session state) are told. A
// channel-neutral port: the console never imports a channel; src/main.ts adds the channels that care.
import type { CaseWorkerRef } from './case-desk.ts';

export interface CaseHandoverEvent {
  caseId: string;
  /** The serialized ConversationReference of the person's conversation. */
  reference: string;
  caseworker: CaseWorkerRef;
}

export interface CaseHandover {
  /** A caseworker now answers the person. */
  taken(event: CaseHandoverEvent): Promise<void>;
  /** The case is closed: the bot answers the person again. */
  released(event: CaseHandoverEvent): Promise<void>;
}

/** Tells every added channel; one that fails is logged and never undoes or blocks the caseworker's action. */
export function createHandoverRelay(logger: { warn(obj: object, msg?: string): void }): CaseHandover & { add(...handovers: CaseHandover[]): void } {
  const handovers: CaseHandover[] = [];
  async function each(step: 'taken' | 'released', event: CaseHandoverEvent): Promise<void> {
    for (const handover of handovers) {
      try {
        await handover[step](event);
      } catch (err) {
        logger.warn({ err, caseId: event.caseId, step }, 'case handover not passed to a channel');
      }
    }
  }
  return {
    add: (...more) => void handovers.push(...more),
    taken: (event) => each('taken', event),
    released: (event) => each('released', event),
  };
}

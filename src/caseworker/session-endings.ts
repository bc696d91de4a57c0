// Sessions ending on this instance (logout, account disabled or removed, password changed), told to whoever
// listens at once: the console's event streams close the moment their session ends here. Other instances
// notice at their streams' next session check (console-events.ts).
import type { AccountStore } from './account-store.ts';

/** One session (by its reference), or every session of an account except possibly one. */
export type SessionEnded = { ref: string } | { caseworkerId: string; exceptRef?: string };

export interface SessionEndings {
  /** Calls `listener` for each ending on this instance; returns the unsubscribe. */
  onEnded(listener: (ended: SessionEnded) => void): () => void;
}

/** Whether `ended` ends the session `ref` of account `caseworkerId`. */
export function endsSession(ended: SessionEnded, ref: string, caseworkerId: string): boolean {
  return 'ref' in ended ? ended.ref === ref : ended.caseworkerId === caseworkerId && ended.exceptRef !== ref;
}

/** The same store, telling its listeners of every session it ends. */
export function observeSessionEndings(store: AccountStore): { store: AccountStore; endings: SessionEndings } {
  const listeners = new Set<(ended: SessionEnded) => void>();
  const tell = (ended: SessionEnded) => {
    for (const listener of listeners) listener(ended);
  };
  return {
    store: {
      ...store,
      async closeSession(token) {
        await store.closeSession(token);
        tell({ ref: store.sessionRefOf(token) });
      },
      async setDisabled(id, disabled, actor, at) {
        await store.setDisabled(id, disabled, actor, at);
        if (disabled) tell({ caseworkerId: id });
      },
      async setPassword(id, passwordHash, actor, at, keepToken) {
        await store.setPassword(id, passwordHash, actor, at, keepToken);
        tell(keepToken === undefined ? { caseworkerId: id } : { caseworkerId: id, exceptRef: store.sessionRefOf(keepToken) });
      },
      async remove(id) {
        await store.remove(id);
        tell({ caseworkerId: id });
      },
    },
    endings: {
      onEnded(listener) {
        listeners.add(listener);
        return () => void listeners.delete(listener);
      },
    },
  };
}

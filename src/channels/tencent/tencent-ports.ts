// What the Tencent channels (WeCom, Official Account) need from storage, as ports; src/persistence implements them.

/** An inbound callback accepted for running: its key and decrypted payload (the plaintext XML). */
export interface InboxItem {
  key: string;
  payload: string;
}

/**
 * Callbacks accepted once by message key and run at least once: a retry or replay of a key is refused, and an
 * item whose runner died (restart between the callback and the reply) is handed to the next sweep.
 */
export interface ChannelInbox {
  /** Stores the item leased to `owner` until `leaseUntil`; false when the key was seen before (a retry). */
  accept(item: InboxItem & { channel: string; owner: string; leaseUntil: Date }): Promise<boolean>;
  /** Items of `channel` still pending whose lease lapsed, each now leased to `owner`. */
  claimLapsed(channel: string, owner: string, now: Date, leaseUntil: Date): Promise<InboxItem[]>;
  /** The item has run: its payload is deleted. */
  complete(key: string, at: Date): Promise<void>;
  /** Deletes the keys of `channel`'s items that ran (or were set aside) before `before`; how many. */
  forgetBefore(channel: string, before: Date): Promise<number>;
}

/** A caseworker as a WeCom member acts: the console's caseworker reference plus their region. */
export interface WecomCaseworker {
  id: string;
  username: string;
  displayName: string;
  regionCode: string;
  /** The account's districts (empty: its whole region), as the console scopes them. */
  districts: readonly string[];
  activeCaseId: string | null;
}

/** WeCom members linked to caseworker accounts. */
export interface WecomMembers {
  find(userId: string): Promise<WecomCaseworker | null>;
  /** Every linked member with their caseworker's region. */
  all(): Promise<(WecomCaseworker & { userId: string })[]>;
  link(userId: string, caseworkerUsername: string): Promise<boolean>;
  setActiveCase(userId: string, caseId: string | null): Promise<void>;
  /** The WeCom userid linked to a caseworker account, if any (and the account is not disabled). */
  userIdOf(caseworkerId: string): Promise<string | null>;
}

/** The customer-service window of one Official Account follower. */
export interface OaFollowerState {
  following: boolean;
  windowOpenedAt: Date | null;
  windowKind: 'message' | 'event' | null;
  sentInWindow: number;
  subscriptions: string[];
}

export interface OaFollowers {
  get(openId: string): Promise<OaFollowerState | null>;
  /** A message (5 in 48 h) or an event (3 in 1 min) from the follower opens a new window. */
  openWindow(openId: string, kind: 'message' | 'event', at: Date): Promise<void>;
  /** Counts one message in the window if the budget allows it (conditional, so two instances agree). */
  takeWindowSlot(openId: string, windowOpenedAt: Date, budget: number): Promise<boolean>;
  /** WeChat refused a message in the window opened at `windowOpenedAt` (45015, 45047): none is tried in it again. */
  closeWindow(openId: string, windowOpenedAt: Date): Promise<void>;
  setFollowing(openId: string, following: boolean): Promise<void>;
  setSubscription(openId: string, templateId: string, accepted: boolean): Promise<void>;
}

/** 微信客服 sync cursors, per kf account. */
export interface KfCursors {
  get(openKfId: string): Promise<string>;
  set(openKfId: string, cursor: string): Promise<void>;
}

/** 微信客服 reply windows, per `<openKfId>|<externalUserId>`. */
export interface KfWindows {
  get(customer: string): Promise<{ windowOpenedAt: Date | null; sentInWindow: number } | null>;
  open(customer: string, at: Date): Promise<void>;
  /** Counts one message if the window opened at `openedAt` still has budget (conditional). */
  take(customer: string, openedAt: Date, budget: number): Promise<boolean>;
}

/** The 微信客服 session state (0–4) our handover last set per customer, so a reply needs no state query. */
export interface KfSessions {
  get(customer: string): Promise<{ state: number; servicerUserId: string | null } | null>;
  /** `state` null forgets it (a change that failed: the platform's state is not known). */
  set(customer: string, state: number | null, servicerUserId: string | null): Promise<void>;
}

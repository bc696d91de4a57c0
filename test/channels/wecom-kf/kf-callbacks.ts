// The WeCom corp the 微信客服 tests run as, and the kf event WeCom posts when a kf account has new messages
// (the service then reads kf/sync_msg): each post a new CreateTime, answered 200.
import { expect } from 'vitest';
import { callbackSigner, kfEventXml } from '../tencent/tencent-callback.ts';

export const CORP = 'ww1436e0e65a779aee';
export const KF_KEYS = { token: 'hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo', aesKey: '6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt', receiveId: CORP };

export function kfEventPoster(openKfId: string, serviceUrl: () => string): () => Promise<void> {
  const signer = callbackSigner(KF_KEYS);
  let createTime = 1_800_000_100;
  return async () => {
    const answer = await signer.post(`${serviceUrl()}/channels/wecom/callback`, kfEventXml(CORP, openKfId, createTime++));
    expect(answer.status).toBe(200);
  };
}

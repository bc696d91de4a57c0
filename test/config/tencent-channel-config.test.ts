// The Tencent channels' settings: off when absent, all-or-nothing when some are given (the error names the
// first missing variable), secrets never echoed, and the settings each channel is built from.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/app-config.ts';
import { wechatOaSettingsOf, wecomSettingsOf } from '../../src/config/tencent-channel-config.ts';

const WECOM = { WECOM_CORP_ID: 'ww1436e0e65a779aee', WECOM_TOKEN: 'hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo', WECOM_AES_KEY: '6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt', WECOM_AGENT_ID: '1000002', WECOM_SECRET: 's3cret' };
const OA = { WECHAT_OA_APP_ID: 'wx1234567890abcdef', WECHAT_OA_APP_SECRET: 'oa-s3cret', WECHAT_OA_TOKEN: 'oaToken1', WECHAT_OA_AES_KEY: '6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt' };

describe('Tencent channel configuration', () => {
  it('leaves both channels off by default', () => {
    const config = loadConfig({});
    expect(wecomSettingsOf(config)).toBeNull();
    expect(wechatOaSettingsOf(config)).toBeNull();
  });

  it('builds each channel from a full set, with Tencent hosts by default and a configurable base', () => {
    const config = loadConfig({ ...WECOM, ...OA, WECHAT_OA_API_BASE: 'http://127.0.0.1:9/proxy/' });
    expect(wecomSettingsOf(config)).toMatchObject({ corpId: WECOM.WECOM_CORP_ID, agentId: 1000002, apiBase: 'https://qyapi.weixin.qq.com', consoleUrl: null });
    expect(wechatOaSettingsOf(config)).toMatchObject({ appId: OA.WECHAT_OA_APP_ID, apiBase: 'http://127.0.0.1:9/proxy', subscribeTemplateId: null, subscribeField: 'thing1' });
  });

  it('names the first missing variable of a partial set', () => {
    expect(() => loadConfig({ WECOM_CORP_ID: WECOM.WECOM_CORP_ID })).toThrow(/^Configuration error: WECOM_TOKEN is required when WECOM_CORP_ID is set/);
    expect(() => loadConfig({ ...OA, WECHAT_OA_TOKEN: '' })).toThrow(/WECHAT_OA_TOKEN is required/);
    expect(() => loadConfig({ WECOM_KF_SECRET: 'x' })).toThrow(/WECOM_CORP_ID is required when WECOM_KF_SECRET is set/);
  });

  it('rejects a malformed key without printing it', () => {
    try {
      loadConfig({ ...WECOM, WECOM_AES_KEY: 'too-short-secret' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect(String(error)).toContain('WECOM_AES_KEY must be the 43-character EncodingAESKey');
      expect(String(error)).not.toContain('too-short-secret');
    }
    expect(() => loadConfig({ ...OA, WECHAT_OA_APP_ID: 'not-an-appid' })).toThrow(/WECHAT_OA_APP_ID must be the AppID/);
  });
});

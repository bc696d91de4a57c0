// The Tencent channels' environment variables, one sub-schema each (WeCom app, WeCom kf, Official Account).
// Each channel is off until all its required settings are present; a partial set stops start-up.
import { z } from 'zod';

/** The 43-character EncodingAESKey (base64 without its trailing `=`), as both Tencent consoles show it. */
const aesKey = z.string().regex(/^[A-Za-z0-9+/]{43}$/, 'must be the 43-character EncodingAESKey');
/** Callback tokens are 3–32 letters or digits in both consoles. */
const callbackToken = z.string().regex(/^[A-Za-z0-9]{3,32}$/, 'must be the 3-32 letter/digit callback Token');
const apiBase = (fallback: string) => z.string().regex(/^https?:\/\/[A-Za-z0-9.-]+(:\d+)?(\/[^\s?#]*)?$/, 'must be http(s)://host[:port][/path]').default(fallback);

export const WECOM_ENV = {
  WECOM_CORP_ID: z.string().regex(/^[A-Za-z0-9]{4,64}$/, 'must be the CorpID (ww...)').optional().describe('WeCom (企业微信) CorpID; with WECOM_TOKEN, WECOM_AES_KEY, WECOM_AGENT_ID and WECOM_SECRET it turns on the caseworkers\' app at /channels/wecom/callback.'),
  WECOM_TOKEN: callbackToken.optional().describe('Token of the WeCom app\'s callback (接收消息) settings.'),
  WECOM_AES_KEY: aesKey.optional().describe('EncodingAESKey (43 characters) of the WeCom app\'s callback settings. Never printed.'),
  WECOM_AGENT_ID: z.string().regex(/^\d+$/, 'must be the numeric AgentId').optional().describe('AgentId of the self-built app (自建应用) caseworkers use.'),
  WECOM_SECRET: z.string().min(1).optional().describe('Secret of the self-built app (for access tokens). Never printed.'),
  WECOM_API_BASE: apiBase('https://qyapi.weixin.qq.com').describe('WeCom API base URL (an egress proxy, or a fake in tests).'),
  WECOM_CONSOLE_URL: z.string().regex(/^https?:\/\/\S+$/, 'must be an http(s) URL').optional().describe('Public address of the caseworker console, linked from the WeCom case cards ("在控制台打开").'),
  WECOM_KF_SECRET: z.string().min(1).optional().describe('Secret of 微信客服 (WeCom customer service), with the same corp settings. Never printed.'),
} as const;

export const WECHAT_OA_ENV = {
  WECHAT_OA_APP_ID: z.string().regex(/^wx[0-9a-f]{16}$/, 'must be the AppID (wx + 16 hex digits)').optional().describe('Official Account (服务号) AppID; with WECHAT_OA_APP_SECRET, WECHAT_OA_TOKEN and WECHAT_OA_AES_KEY it turns on /channels/wechat-oa/callback.'),
  WECHAT_OA_APP_SECRET: z.string().min(1).optional().describe('Official Account AppSecret (stable access tokens). Never printed.'),
  WECHAT_OA_TOKEN: callbackToken.optional().describe('Token of the Official Account\'s server settings (服务器配置).'),
  WECHAT_OA_AES_KEY: aesKey.optional().describe('EncodingAESKey of the Official Account (safe mode 安全模式 is required). Never printed.'),
  WECHAT_OA_API_BASE: apiBase('https://api.weixin.qq.com').describe('Official Account API base URL (an egress proxy, or a fake in tests).'),
  WECHAT_OA_SUBSCRIBE_TEMPLATE_ID: z.string().min(1).optional().describe('订阅通知 template for messages outside the 48-hour window (sent only to followers who accepted it).'),
  WECHAT_OA_SUBSCRIBE_FIELD: z.string().regex(/^[a-z_]+\d+$/, 'must be a template field name such as thing1').default('thing1').describe('The template field (a `thing`, 20 characters) that carries the notice text.'),
  WECHAT_OA_PUBLIC_URL: z.string().regex(/^https?:\/\/[A-Za-z0-9.-]+(:\d+)?(\/[^\s?#]*)?$/, 'must be http(s)://host[:port][/path]').optional().describe('This host as WeChat opens it (a JS接口安全域名 of the Official Account). With WECHAT_OA_SUBSCRIBE_TEMPLATE_ID, a registration on the Official Account ends with a link to /channels/wechat-oa/subscribe, the page with the official 订阅通知 button.'),
  WECHAT_OA_JSSDK_URL: z.string().regex(/^https?:\/\/[A-Za-z0-9.-]+(:\d+)?\/\S*\.js$/, 'must be the http(s) URL of jweixin-*.js').default('https://res.wx.qq.com/open/js/jweixin-1.6.0.js').describe('The WeChat JS-SDK the subscribe page loads (an intranet mirror, if WeChat\'s is not reachable); the page\'s Content-Security-Policy allows its origin.'),
} as const;

/** The secrets the configuration error line never echoes. */
export const TENCENT_SECRETS = ['WECOM_AES_KEY', 'WECOM_SECRET', 'WECOM_KF_SECRET', 'WECHAT_OA_APP_SECRET', 'WECHAT_OA_AES_KEY'] as const;

const WECOM_REQUIRED = ['WECOM_CORP_ID', 'WECOM_TOKEN', 'WECOM_AES_KEY', 'WECOM_AGENT_ID', 'WECOM_SECRET'] as const;
const OA_REQUIRED = ['WECHAT_OA_APP_ID', 'WECHAT_OA_APP_SECRET', 'WECHAT_OA_TOKEN', 'WECHAT_OA_AES_KEY'] as const;

type Env = { [K in keyof typeof WECOM_ENV | keyof typeof WECHAT_OA_ENV]?: string };

/** A channel is all or nothing: names the first missing setting when some, but not all, are given. */
export function missingTencentSettings(env: Env): { name: string; message: string }[] {
  const issues: { name: string; message: string }[] = [];
  for (const [group, names] of [['WECOM', WECOM_REQUIRED], ['WECHAT_OA', OA_REQUIRED]] as const) {
    const given = names.filter((n) => env[n] !== undefined);
    if (given.length === 0 || given.length === names.length) continue;
    const missing = names.filter((n) => env[n] === undefined);
    for (const name of missing) issues.push({ name, message: `is required when ${given.join(', ')} ${given.length === 1 ? 'is' : 'are'} set (${group} channel)` });
  }
  if (env.WECOM_KF_SECRET !== undefined && env.WECOM_CORP_ID === undefined) issues.push({ name: 'WECOM_CORP_ID', message: 'is required when WECOM_KF_SECRET is set' });
  return issues;
}

export interface WecomSettings {
  corpId: string;
  token: string;
  aesKey: string;
  agentId: number;
  secret: string;
  apiBase: string;
  consoleUrl: string | null;
}

export interface WechatOaSettings {
  appId: string;
  appSecret: string;
  token: string;
  aesKey: string;
  apiBase: string;
  subscribeTemplateId: string | null;
  subscribeField: string;
  /** This host as WeChat opens it, without a trailing slash; null: no subscribe page link is offered. */
  publicUrl: string | null;
  jssdkUrl: string;
}

/** The WeCom app's settings, or null when the channel is off. */
export function wecomSettingsOf(env: Env & { WECOM_API_BASE: string }): WecomSettings | null {
  const { WECOM_CORP_ID: corpId, WECOM_TOKEN: token, WECOM_AES_KEY: aesKey, WECOM_AGENT_ID: agentId, WECOM_SECRET: secret } = env;
  if (!corpId || !token || !aesKey || !agentId || !secret) return null;
  return { corpId, token, aesKey, agentId: Number(agentId), secret, apiBase: env.WECOM_API_BASE.replace(/\/$/, ''), consoleUrl: env.WECOM_CONSOLE_URL ?? null };
}

export function wechatOaSettingsOf(env: Env & { WECHAT_OA_API_BASE: string; WECHAT_OA_SUBSCRIBE_FIELD: string; WECHAT_OA_JSSDK_URL: string }): WechatOaSettings | null {
  const { WECHAT_OA_APP_ID: appId, WECHAT_OA_APP_SECRET: appSecret, WECHAT_OA_TOKEN: token, WECHAT_OA_AES_KEY: aesKey } = env;
  if (!appId || !appSecret || !token || !aesKey) return null;
  return {
    appId, appSecret, token, aesKey,
    apiBase: env.WECHAT_OA_API_BASE.replace(/\/$/, ''),
    subscribeTemplateId: env.WECHAT_OA_SUBSCRIBE_TEMPLATE_ID ?? null,
    subscribeField: env.WECHAT_OA_SUBSCRIBE_FIELD,
    publicUrl: env.WECHAT_OA_PUBLIC_URL?.replace(/\/$/, '') ?? null,
    jssdkUrl: env.WECHAT_OA_JSSDK_URL,
  };
}

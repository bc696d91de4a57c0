// Every channel's declared capabilities, in one list: the composition root reads which channels show buttons,
// and the renderer's table test covers each (a channel added without a declaration fails it).
import type { ChannelCapabilities } from './channel-capabilities.ts';
import { SMS_CAPABILITIES } from './sms/sms-capabilities.ts';
import { WEBCHAT_CAPABILITIES } from './webchat/webchat-capabilities.ts';
import { WECHAT_OA_CAPABILITIES } from './wechat-oa/oa-capabilities.ts';
import { WECHATY_CAPABILITIES } from './wechat-personal/personal-wechat-capabilities.ts';
import { WECOM_CAPABILITIES } from './wecom/wecom-capabilities.ts';
import { KF_CAPABILITIES } from './wecom-kf/kf-capabilities.ts';

export const CHANNEL_CAPABILITIES: readonly ChannelCapabilities[] = [
  WEBCHAT_CAPABILITIES, WECHAT_OA_CAPABILITIES, KF_CAPABILITIES, WECOM_CAPABILITIES, WECHATY_CAPABILITIES, SMS_CAPABILITIES,
];

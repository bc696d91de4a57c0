// The small pages of an SMS short link (/s/<token>): the confirm page with its one button (a link preview that
// fetches the page does not use the link: only the button's POST does), and the page for a link that no longer
// works, with a way to start web chat normally. Chinese first, English under it; no script.
import type { Localizer } from '../../conversation/localizer.ts';

export type LinkPageKind = 'confirm' | 'unknown' | 'expired' | 'used';

export function renderShortLinkPage(localizer: Pick<Localizer, 't'>, kind: LinkPageKind, p: { action?: string; nonce?: string }): string {
  const both = (key: string) => `<p>${escapeHtml(localizer.t('zh-CN', key))}</p><p lang="en" class="en">${escapeHtml(localizer.t('en', key))}</p>`;
  const button = (key: string) => `${escapeHtml(localizer.t('zh-CN', key))} ${escapeHtml(localizer.t('en', key))}`;
  const body =
    kind === 'confirm'
      ? `${both('sms.link.confirm')}<form method="post" action="${escapeHtml(p.action ?? '')}"><button type="submit">${button('sms.link.continue')}</button></form>`
      : `${both(`sms.link.${kind}`)}<a class="button" href="/">${button('sms.link.startFresh')}</a>`;
  const nonce = p.nonce ? ` nonce="${escapeHtml(p.nonce)}"` : '';
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(localizer.t('zh-CN', 'sms.link.title'))}</title>
<style${nonce}>
body { margin: 0; font-family: system-ui, -apple-system, "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; }
header { background: #1677ff; color: #fff; padding: 10px 14px; font-size: 1.1em; }
main { padding: 16px; max-width: 560px; }
.en { color: #555; }
button, .button { display: block; box-sizing: border-box; width: 100%; margin-top: 16px; padding: 12px; font-size: 1.05em; text-align: center;
  background: #1677ff; color: #fff; border: 0; border-radius: 6px; text-decoration: none; }
</style>
</head>
<body>
<header>就业帮</header>
<main>${body}</main>
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

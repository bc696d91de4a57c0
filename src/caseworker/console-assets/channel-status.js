// The console's line on channels that need a login (personal WeChat): 已登录 / 需要扫码 / 已退出, for supervisors
// and administrators (the API refuses others, and the line stays hidden); administrators also get the QR code's
// content while a scan is required. Asked again every 15 seconds, so a scan shows up without a reload.
/* global document, window */
(function () {
  'use strict';
  var L = window.jiuyebangConsoleLang;
  var box = document.getElementById('channel-status');
  if (!L || !box) return;
  var line = document.getElementById('wechaty-state');
  var qr = document.getElementById('wechaty-qr');
  var code = document.getElementById('wechaty-qrcode');

  function show(status) {
    var wechaty = status && status.wechaty;
    if (!wechaty) { box.hidden = true; return; }
    box.hidden = false;
    box.setAttribute('data-state', wechaty.state);
    L.say(line, 'channelStatus.wechaty', { s: L.w('channelStatus.' + wechaty.state) || wechaty.state });
    qr.hidden = !wechaty.qrcode;
    code.textContent = wechaty.qrcode || '';
  }

  /** Only supervisors and administrators ask (others would be refused): the role the login answered with. */
  function mayAsk() {
    var who = document.getElementById('who');
    var session;
    try { session = JSON.parse(window.sessionStorage.getItem('jiuyebang.console') || 'null'); } catch { session = null; }
    var role = session && session.caseworker && session.caseworker.role;
    return Boolean(who && !who.hidden && (role === 'supervisor' || role === 'administrator'));
  }

  function refresh() {
    if (!mayAsk()) { box.hidden = true; return; }
    fetch('/api/caseworker/channels/status', { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(show, function () { /* offline: keep the last line */ });
  }
  // The switch re-words data-said text but not the state inside it: draw again in the new language.
  var lang = document.getElementById('lang');
  if (lang) lang.addEventListener('click', function () { setTimeout(refresh, 0); });
  // Logging in or out (the header's name shown or hidden) asks again at once.
  var who = document.getElementById('who');
  if (who && window.MutationObserver) new window.MutationObserver(function () { if (who.hidden) box.hidden = true; else refresh(); }).observe(who, { attributes: true, attributeFilter: ['hidden'] });
  refresh();
  window.setInterval(refresh, 15000);
})();

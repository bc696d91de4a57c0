// The chat page's script (served as a file: the page has no inline script, so a strict CSP holds).
// Starts or resumes the conversation, talks Direct Line over a WebSocket (polling only where WebSocket is
// missing), and re-renders Web Chat in the language the bot last spoke, so its own labels match.
(function () {
  'use strict';
  // The page's CSP nonce, carried by this script's tag. One of Web Chat's style caches (the default
  // @emotion/css instance) is made without the nonce prop: give every <style> element the page creates the
  // nonce, so style-src needs no 'unsafe-inline'.
  var nonce = (document.currentScript && document.currentScript.nonce) || undefined;
  if (nonce) {
    var createElement = document.createElement.bind(document);
    document.createElement = function (tag, options) {
      var element = createElement(tag, options);
      if (String(tag).toLowerCase() === 'style') element.setAttribute('nonce', nonce);
      return element;
    };
  }
  var body = document.body;
  var base = location.origin + (body.getAttribute('data-directline') || '/v3/directline');
  var KEY = 'jiuyebang.webchat';
  var WEBCHAT_LOCALES = { 'zh-CN': 'zh-CN', en: 'en-US' };
  var STATUS_TEXT = {
    'zh-CN': '暂时连不上，请稍后刷新页面重试。',
    en: 'Cannot connect right now. Please reload the page in a moment.'
  };

  function saved() {
    try { return JSON.parse(localStorage.getItem(KEY) || 'null') || {}; } catch { return {}; }
  }
  function save(patch) {
    var next = saved();
    for (var k in patch) if (Object.prototype.hasOwnProperty.call(patch, k)) next[k] = patch[k];
    try { localStorage.setItem(KEY, JSON.stringify(next)); } catch { /* private mode: no resume */ }
  }
  function post(path, token) {
    var headers = { 'Content-Type': 'application/json' };
    if (token) headers.Authorization = 'Bearer ' + token;
    return fetch(base + path, { method: 'POST', headers: headers, body: '{}' }).then(function (r) {
      if (!r.ok) throw new Error('HTTP ' + r.status);
      return r.json();
    });
  }
  /** The bot's language as the page knows it: the last one it spoke, else the browser's. */
  function startLocale() {
    var known = saved().locale;
    if (known === 'en' || known === 'zh-CN') return known;
    return /^en\b/i.test(navigator.language || '') ? 'en' : 'zh-CN';
  }
  // An SMS short link (/s/<token>) lands here with the linked conversation's token in the fragment: keep it as
  // this browser's conversation and take it out of the address bar and history.
  var linked = /^#t=([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/.exec(location.hash);
  if (linked) {
    save({ token: linked[1], conversationId: null });
    try { history.replaceState(null, '', location.pathname + location.search); } catch { /* old browser: the fragment stays */ }
  }
  function start() {
    var old = saved();
    var token = linked ? linked[1] : old.token;
    var resumed = token
      ? post('/tokens/refresh', token).then(function (g) { return { grant: g, fresh: false }; })
      : Promise.reject(new Error('none'));
    return resumed.catch(function () {
      return post('/tokens/generate').then(function (g) { return { grant: g, fresh: true }; });
    });
  }

  var locale = startLocale();
  var styleOptions = {
    hideUploadButton: true,
    bubbleMaxWidth: 600,
    // Buttons one under another, each as wide as the screen: nothing hides off to the side on a phone.
    suggestedActionLayout: 'stacked',
    suggestedActionsStackedLayoutButtonTextWrap: true,
    suggestedActionsStackedHeight: 9999,
    sendBoxTextWrap: true,
    primaryFont: 'system-ui, -apple-system, "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif'
  };

  // This script runs before Web Chat's bundle has arrived: ask for the token now, so that round trip overlaps
  // the download, and use WebChat once every deferred script has run (DOMContentLoaded).
  var bundleReady = new Promise(function (resolve) {
    if (window.WebChat) resolve();
    else document.addEventListener('DOMContentLoaded', function () { resolve(); });
  });
  Promise.all([start(), bundleReady]).then(function (all) {
    var r = all[0];
    save({ conversationId: r.grant.conversationId, token: r.grant.token });
    var directLine = WebChat.createDirectLine({
      domain: base,
      token: r.grant.token,
      conversationId: r.grant.conversationId,
      webSocket: body.getAttribute('data-websocket') === 'on' && typeof WebSocket !== 'undefined',
      pollingInterval: 3000
    });
    var root = document.getElementById('chat');
    var joined = false;
    var render = function () {
      document.documentElement.lang = locale;
      WebChat.renderWebChat({ directLine: directLine, store: store, nonce: nonce, locale: WEBCHAT_LOCALES[locale], styleOptions: styleOptions }, root);
    };
    var store = WebChat.createStore({}, function (api) {
      return function (next) {
        return function (action) {
          if (r.fresh && !joined && action.type === 'DIRECT_LINE/CONNECT_FULFILLED') {
            joined = true;
            setTimeout(function () {
              api.dispatch({ type: 'WEB_CHAT/SEND_EVENT', payload: { name: 'webchat/join', value: { locale: locale } } });
            }, 0);
          }
          if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY') {
            var activity = action.payload && action.payload.activity;
            var spoken = activity && activity.from && activity.from.role === 'bot' && activity.locale;
            if ((spoken === 'en' || spoken === 'zh-CN') && spoken !== locale) {
              locale = spoken;
              save({ locale: locale });
              setTimeout(render, 0);
            }
          }
          return next(action);
        };
      };
    });
    root.innerHTML = '';
    render();
  }).catch(function () {
    var status = document.getElementById('status');
    if (status) status.textContent = STATUS_TEXT[locale];
  });
})();

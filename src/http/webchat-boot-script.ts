// The chat page's start-up script, served as /static/webchat-boot.js (the CSP allows no inline script):
// resume the saved conversation or start one, then render Web Chat. Reads the Direct Line path from its
// own tag's data-directline-path, and the CSP nonce for Web Chat's run-time styles from its own nonce.
export const BOOT_SCRIPT_PATH = '/static/webchat-boot.js';

export const WEBCHAT_BOOT_SCRIPT = `(function () {
  var nonce = (document.currentScript && document.currentScript.nonce) || undefined;
  // One of Web Chat's style caches (the default @emotion/css instance) is made without the nonce prop:
  // give every <style> element it creates the page's nonce, so style-src needs no 'unsafe-inline'.
  if (nonce) {
    var createElement = document.createElement.bind(document);
    document.createElement = function (tag, options) {
      var element = createElement(tag, options);
      if (String(tag).toLowerCase() === 'style') element.setAttribute('nonce', nonce);
      return element;
    };
  }
  var base = location.origin + (document.currentScript && document.currentScript.dataset.directlinePath || '/v3/directline');
  var KEY = 'jiuyebang.webchat';
  function saved() { try { return JSON.parse(localStorage.getItem(KEY) || 'null'); } catch (e) { return null; } }
  function save(grant) { try { localStorage.setItem(KEY, JSON.stringify({ conversationId: grant.conversationId, token: grant.token })); } catch (e) {} }
  function post(path, token) {
    var headers = { 'Content-Type': 'application/json' };
    if (token) headers.Authorization = 'Bearer ' + token;
    return fetch(base + path, { method: 'POST', headers: headers, body: '{}' }).then(function (r) {
      if (!r.ok) throw new Error('HTTP ' + r.status);
      return r.json();
    });
  }
  function start() {
    var old = saved();
    var resumed = old && old.token ? post('/tokens/refresh', old.token).then(function (g) { return { grant: g, fresh: false }; }) : Promise.reject(new Error('none'));
    return resumed.catch(function () {
      return post('/tokens/generate').then(function (g) { return { grant: g, fresh: true }; });
    });
  }
  start().then(function (r) {
    save(r.grant);
    var directLine = WebChat.createDirectLine({
      domain: base, token: r.grant.token, conversationId: r.grant.conversationId, webSocket: false, pollingInterval: 1000
    });
    var joined = false;
    var store = WebChat.createStore({}, function (api) { return function (next) { return function (action) {
      if (r.fresh && !joined && action.type === 'DIRECT_LINE/CONNECT_FULFILLED') {
        joined = true;
        setTimeout(function () { api.dispatch({ type: 'WEB_CHAT/SEND_EVENT', payload: { name: 'webchat/join', value: { locale: 'zh-CN' } } }); }, 0);
      }
      return next(action);
    }; }; });
    document.getElementById('chat').innerHTML = '';
    WebChat.renderWebChat({ directLine: directLine, store: store, nonce: nonce, locale: 'zh-CN', styleOptions: { hideUploadButton: true, bubbleMaxWidth: 600 } },
      document.getElementById('chat'));
  }).catch(function (e) {
    document.getElementById('status').textContent = '暂时连不上，请稍后刷新页面重试。(' + e.message + ')';
  });
})();
`;

// The 订阅通知 page's script: outside WeChat it says to open the page in WeChat; inside, it loads the JS-SDK,
// calls wx.config with the server's signature and shows what the person chose on the official button.
(function () {
  'use strict';
  var data = document.getElementById('wx-config');
  var status = document.getElementById('status');
  if (!data || !status) return;
  var config = JSON.parse(data.textContent || '{}');
  var words = config.words || {};
  function say(text) { status.textContent = text; }
  if (!/MicroMessenger/i.test(navigator.userAgent)) return say(words.notWechat);

  var box = document.getElementById('subscribe');
  var tag = document.getElementById('subscribe-button');
  /** WeChat's answer: subscribeDetails is JSON text whose value per template is JSON text again ({"status":"accept"}). */
  function choiceOf(detail) {
    try {
      var details = JSON.parse((detail && detail.subscribeDetails) || '{}');
      return JSON.parse(details[config.template] || '{}').status || '';
    } catch {
      return '';
    }
  }
  tag.addEventListener('success', function (e) {
    say(choiceOf(e.detail) === 'accept' ? words.accepted : words.rejected);
  });
  tag.addEventListener('error', function () { say(words.failed); });

  var sdk = document.createElement('script');
  sdk.src = config.sdk;
  sdk.onerror = function () { say(words.failed); };
  sdk.onload = function () {
    if (!window.wx) return say(words.failed);
    window.wx.config({ debug: false, appId: config.appId, timestamp: config.timestamp, nonceStr: config.nonceStr, signature: config.signature, jsApiList: [], openTagList: ['wx-open-subscribe'] });
    window.wx.ready(function () { box.hidden = false; });
    window.wx.error(function () { say(words.failed); });
  };
  document.head.appendChild(sdk);
})();

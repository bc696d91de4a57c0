// The console's 中文/English switch, for any console page: Chinese first, English on request, remembered in this
// browser (localStorage, the key the reviews page already uses) so every console page opens in the language
// last chosen. A page hands over its word table { zh: {...}, en: {...} } and gets back w() for its words.
// Static text carries data-t (text), data-t-placeholder, data-t-label (aria-label); text the page writes
// itself goes through say(), so a switch re-words it too; tell() shows a server's message as it came.
/* global document, window */
(function () {
  'use strict';
  var KEY = 'jiuyebang.console.lang';

  function stored() { try { return localStorage.getItem(KEY) === 'en' ? 'en' : 'zh'; } catch { return 'zh'; } }

  function create(words, onSwitch) {
    var lang = stored();
    function lookup(table, key) {
      return key.split('.').reduce(function (at, part) { return at && typeof at === 'object' ? at[part] : undefined; }, table);
    }
    /** The word for key ("status.new" reaches into a sub-table), with {name} filled from values. */
    function w(key, values) {
      var text = lookup(words[lang], key);
      if (text === undefined) text = lookup(words.zh, key);
      if (typeof text !== 'string') return text === undefined ? '' : text;
      return values ? text.replace(/\{(\w+)\}/g, function (_, k) { return String(values[k]); }) : text;
    }
    function say(node, key, values) {
      if (!key) { node.removeAttribute('data-said'); node.removeAttribute('data-said-values'); node.textContent = ''; return; }
      node.setAttribute('data-said', key);
      if (values) node.setAttribute('data-said-values', JSON.stringify(values)); else node.removeAttribute('data-said-values');
      node.textContent = w(key, values);
    }
    function tell(node, text) {
      node.removeAttribute('data-said'); node.removeAttribute('data-said-values');
      node.textContent = text || '';
    }
    function each(selector, fn) { Array.prototype.forEach.call(document.querySelectorAll(selector), fn); }
    function apply() {
      document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
      each('[data-t]', function (n) { n.textContent = w(n.getAttribute('data-t')); });
      each('[data-t-placeholder]', function (n) { n.setAttribute('placeholder', w(n.getAttribute('data-t-placeholder'))); });
      each('[data-t-label]', function (n) { n.setAttribute('aria-label', w(n.getAttribute('data-t-label'))); });
      each('[data-said]', function (n) {
        var values;
        try { values = JSON.parse(n.getAttribute('data-said-values') || 'null'); } catch { values = null; }
        n.textContent = w(n.getAttribute('data-said'), values);
      });
      var button = document.getElementById('lang');
      if (button) {
        // The button names the other language, in that language.
        button.textContent = lang === 'en' ? '中文' : 'English';
        button.setAttribute('lang', lang === 'en' ? 'zh-CN' : 'en');
      }
      if (lookup(words[lang], 'title')) document.title = w('title');
    }
    var button = document.getElementById('lang');
    if (button) {
      button.addEventListener('click', function () {
        lang = lang === 'en' ? 'zh' : 'en';
        try { localStorage.setItem(KEY, lang); } catch { /* private mode: this page only */ }
        apply();
        if (onSwitch) onSwitch(lang);
      });
    }
    apply();
    return {
      lang: function () { return lang; },
      /** For toLocaleString: Chinese dates, or day-month English ones. */
      locale: function () { return lang === 'en' ? 'en-GB' : 'zh-CN'; },
      w: w, say: say, tell: tell, apply: apply,
    };
  }

  window.jiuyebangLang = { KEY: KEY, stored: stored, create: create };
})();

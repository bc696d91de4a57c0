// One person's file in the console (#person=<id>): masked profile with "show full number" (reason required,
// recorded), registrations and their history, hardship results, the service ledger in the layout of
// 失业人员定期联系情况记录表, "log a contact", the outreach planned (and why a message was not delivered), the
// yearly quota, a civil-affairs referral where the region has one, consent to be contacted (recorded from a call or
// visit), moving the registration place, open cases and the transcript. Drawn by reviews.js's router with its helpers (kit).
/* global document, window */
(function () {
  'use strict';

  function show(id, kit) {
    var w = kit.w; var el = kit.el; var add = kit.add; var panel = document.getElementById('panel');
    panel.textContent = w('loading');
    return kit.api('GET', '/people/' + id).then(function (data) { draw(panel, id, data, kit); }, function (e) {
      panel.textContent = ''; add(panel, el('p', 'error', e.message));
    });
    function draw(root, personId, d, k) {
      root.textContent = '';
      var back = el('a', '', w('back')); back.href = '#registrations';
      add(root, back);
      var head = add(el('section', 'card'), el('h2', '', w('person') + ' · ' + (d.person.name || '—')));
      head.setAttribute('data-person-id', personId);
      [['idNumber', w('id'), d.person.idNumber], ['phone', w('phone'), d.person.phone]].forEach(function (f) {
        var value = el('span', 'masked', f[2] || '—'); value.setAttribute('data-field', f[0]);
        var reason = el('input'); reason.type = 'text'; reason.maxLength = 200; reason.placeholder = w('revealReason'); reason.setAttribute('aria-label', w('revealReason') + ' ' + f[1]);
        var msg = el('span', 'error');
        var btn = el('button', '', w('reveal')); btn.type = 'button';
        btn.addEventListener('click', function () {
          msg.textContent = '';
          k.api('POST', '/people/' + personId + '/reveal', { field: f[0], reason: reason.value.trim() }).then(function (r) { value.textContent = r.value || '—'; }, function (e) { msg.textContent = e.message; });
        });
        add(head, add(el('div', 'decide'), el('strong', '', f[1]), value, reason, btn, msg));
      });
      add(root, head);
      add(root, consentCard(personId, d.person.consentWithdrawnAt, k));

      // Ways to reach the person, in the order a proactive message tries them; the server words each state.
      var reach = add(el('section', 'card'), el('h2', '', w('contactChannels')));
      reach.id = 'contact-channels';
      add(reach, add(el('div', 'row'), el('strong', '', w('preferredChannel')), el('span', '', d.contactChannels.preferred || w('lastWrote'))));
      var ways = el('ul');
      d.contactChannels.channels.forEach(function (c) {
        var li = el('li', c.canSendNow ? '' : 'muted', c.text + ' · ' + c.address + (c.preferred ? ' · ' + w('preferredChannel') : ''));
        li.setAttribute('data-channel', c.channel);
        add(ways, li);
      });
      add(reach, ways);
      add(root, reach);

      var regs = add(el('section', 'card'), el('h2', '', w('registrations')));
      d.registrations.forEach(function (r) {
        add(regs, add(el('div', 'row'), el('strong', '', r.kindLabel + ' · ' + r.statusLabel), el('span', 'muted', w('submitted') + ' ' + k.time(r.registeredAt)), k.clause(r.clause)));
        if (r.hardshipConfirmedAt) add(regs, el('p', 'muted', w('hardshipOn')));
        if (r.exitReportedAt) add(regs, el('p', 'due', w('exitReported')));
        var hist = el('ul');
        r.history.forEach(function (h) { add(hist, el('li', 'muted', k.time(h.at) + ' · ' + (h.fromLabel || '—') + ' → ' + h.toLabel + ' · ' + (h.byBot ? w('botName') : h.by) + (h.note ? ' · ' + h.note : ''))); });
        add(regs, hist);
        if (r.hardshipFamily !== null && r.hardshipFamily !== undefined) add(regs, hardshipFamilyForm(personId, r.hardshipFamily, k));
      });
      if (d.registrations.some(function (r) { return r.kind === 'unemployment' && (r.status === 'pending_review' || r.status === 'registered'); })) add(regs, moveForm(personId, k));
      add(root, regs);

      if (d.hardship.length > 0) {
        var hard = add(el('section', 'card'), el('h2', '', w('hardship')));
        d.hardship.forEach(function (h) { add(hard, k.hardshipCard(h)); });
        add(root, hard);
      }

      var ledger = add(el('section', 'card'), el('h2', '', w('ledger')));
      var table = el('table', 'ledger'); table.id = 'ledger';
      var headRow = el('tr');
      [w('date'), w('way'), w('content'), w('result'), w('caseworker')].forEach(function (t) { add(headRow, el('th', '', t)); });
      add(table, add(el('thead'), headRow));
      var body = el('tbody');
      d.ledger.forEach(function (row) {
        var tr = el('tr');
        [row.date, row.wayLabel, row.content, row.result, row.caseworker].forEach(function (t) { add(tr, el('td', '', t)); });
        add(body, tr);
      });
      add(ledger, add(table, body));
      add(ledger, contactForm(personId, k));
      add(root, ledger);

      // Outreach planned for the person: a row the bot could not deliver says why, so the caseworker can call instead.
      var plan = add(el('section', 'card'), el('h2', '', w('outreach')));
      if (d.outreach.length === 0) add(plan, el('p', 'muted', w('outreachNone')));
      else {
        var pt = el('table', 'ledger'); pt.id = 'outreach';
        var ph = el('tr');
        [w('date'), w('outreachKind'), w('outreachStatus'), w('outreachWhy')].forEach(function (t) { add(ph, el('th', '', t)); });
        add(pt, add(el('thead'), ph));
        var pb = el('tbody');
        d.outreach.forEach(function (o) {
          var why = o.reason ? o.reason + (o.nextTryAt ? w('open') + w('nextTry') + ' ' + k.time(o.nextTryAt) + w('close') : '') : '';
          var prow = el('tr', o.status === 'undeliverable' ? 'behind' : '');
          prow.setAttribute('data-status', o.status);
          [o.date, o.kindLabel, o.statusLabel + (o.attempts > 0 ? ' · ' + k.fill(w('attempts'), { n: o.attempts }) : ''), why].forEach(function (t) { add(prow, el('td', '', t)); });
          add(pb, prow);
        });
        add(plan, add(pt, pb));
      }
      add(root, plan);

      var quota = add(el('section', 'card'), el('h2', '', w('quota')));
      if (d.quota.applicable) {
        add(quota, add(el('div', 'row'), el('span', '', d.quota.yearStart + ' – ' + d.quota.yearEnd), k.clause(d.quota.clause)));
        var qt = el('table', 'ledger'); qt.id = 'quota';
        d.quota.items.forEach(function (i) { add(qt, add(el('tr', i.met ? '' : 'behind'), el('td', '', i.label), el('td', '', i.delivered + ' / ' + i.required))); });
        add(quota, qt);
      } else add(quota, el('p', 'muted', w('quotaNone')));
      add(root, quota);

      if (d.civilAffairsReferral.available) add(root, referralForm(personId, d.civilAffairsReferral.clause, k));

      var cases = add(el('section', 'card'), el('h2', '', w('openCases')));
      var cl = el('ul');
      d.openCases.forEach(function (c) { add(cl, el('li', '', (w('kinds')[c.kind] || c.kind) + ' · ' + k.time(c.openedAt) + ' · ' + c.reason)); });
      add(root, add(cases, cl));

      var tr = add(el('section', 'card'), el('h2', '', w('transcript')));
      var list = el('ol', 'messages transcript');
      d.transcript.forEach(function (m) {
        var staff = m.sender.indexOf('caseworker:') === 0;
        var li = el('li', m.direction + (staff ? ' staff' : ''));
        add(li, el('span', 'who', (m.direction === 'in' ? w('person_') : staff ? w('staff') : w('botName')) + ' · ' + k.time(m.at)));
        li.appendChild(document.createTextNode(m.text));
        add(list, li);
      });
      add(root, add(tr, list));
    }
  }

  function contactForm(personId, k) {
    var w = k.w; var el = k.el; var add = k.add;
    var form = el('form', 'contact-form'); form.noValidate = true;
    add(form, el('h3', '', w('logContact')));
    var grid = el('div', 'form-grid');
    var way = el('select'); way.id = 'contact-way';
    Object.keys(w('ways')).forEach(function (key) { var o = el('option', '', w('ways')[key]); o.value = key; add(way, o); });
    var date = el('input'); date.type = 'date'; date.id = 'contact-date';
    var content = el('input'); content.type = 'text'; content.maxLength = 500; content.id = 'contact-content';
    // The result is a code (reached, no answer, unreachable, refused the service): three refusals in a row, or months
    // without reaching the person, become facts for a caseworker; the details go in the content.
    var result = el('select'); result.id = 'contact-result';
    Object.keys(w('outcomes')).forEach(function (key) { var o = el('option', '', w('outcomes')[key]); o.value = key; add(result, o); });
    [[way, w('way')], [date, w('date')], [content, w('content')], [result, w('result')]].forEach(function (p) {
      var label = el('label', '', p[1]); label.htmlFor = p[0].id; add(grid, add(el('div'), label, p[0]));
    });
    add(form, grid);
    var checks = add(el('div', 'checks'), el('span', 'muted', w('services') + w('colon')));
    k.QUOTA_KINDS.forEach(function (kind) {
      var box = el('input'); box.type = 'checkbox'; box.value = kind;
      add(checks, add(el('label'), box, document.createTextNode(quotaLabel(kind, w))));
    });
    add(form, checks);
    var msg = el('span', 'error'); msg.setAttribute('role', 'alert');
    var save = el('button', 'primary', w('save')); save.type = 'submit';
    add(form, add(el('div', 'decide'), save, msg));
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var kinds = Array.prototype.slice.call(checks.querySelectorAll('input:checked')).map(function (i) { return i.value; });
      var bodyJson = { way: way.value, content: content.value.trim(), outcome: result.value, serviceKinds: kinds };
      if (date.value) bodyJson.date = date.value;
      k.api('POST', '/people/' + personId + '/contacts', bodyJson).then(function () { window.dispatchEvent(new Event('hashchange')); }, function (e) { msg.textContent = e.message; });
    });
    return form;
  }

  /** Consent to be contacted: its state, and recording a withdrawal (or consent again) the person gave by phone or in person. */
  function consentCard(personId, withdrawnAt, k) {
    var w = k.w; var el = k.el; var add = k.add;
    var box = add(el('section', 'card'), el('h2', '', w('consent')));
    box.id = 'consent';
    add(box, el('p', withdrawnAt ? 'due' : 'muted', withdrawnAt ? k.fill(w('consentWithdrawnOn'), { d: k.time(withdrawnAt) }) : w('consentGiven')));
    var reason = el('input'); reason.type = 'text'; reason.maxLength = 500; reason.placeholder = w('consentReasonPh'); reason.setAttribute('aria-label', w('consentReasonPh'));
    var msg = el('span', 'error'); msg.setAttribute('role', 'alert');
    var btn = el('button', withdrawnAt ? 'primary' : '', withdrawnAt ? w('restoreConsent') : w('withdrawConsent')); btn.type = 'button';
    btn.addEventListener('click', function () {
      msg.textContent = '';
      k.api('POST', '/people/' + personId + '/consent', { withdrawn: !withdrawnAt, reason: reason.value.trim() })
        .then(function () { msg.className = 'decided'; msg.textContent = w('consentDone'); setTimeout(function () { window.dispatchEvent(new Event('hashchange')); }, 800); }, function (e) { msg.className = 'error'; msg.textContent = e.message; });
    });
    return add(box, add(el('div', 'decide'), reason, btn, msg));
  }

  /** Moves the open registration to another district (or region) of the caseworker's own; the plan follows its rules. */
  function moveForm(personId, k) {
    var w = k.w; var el = k.el; var add = k.add;
    var form = el('form', 'move-form'); form.noValidate = true;
    add(form, el('h3', '', w('move')));
    var code = el('input'); code.type = 'text'; code.inputMode = 'numeric'; code.maxLength = 6; code.placeholder = w('moveTo'); code.setAttribute('aria-label', w('moveTo')); code.id = 'move-region';
    var reason = el('input'); reason.type = 'text'; reason.maxLength = 500; reason.placeholder = w('moveReasonPh'); reason.setAttribute('aria-label', w('moveReasonPh'));
    var msg = el('span', 'error'); msg.setAttribute('role', 'alert');
    var btn = el('button', 'primary', w('moveButton')); btn.type = 'submit';
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      msg.textContent = '';
      k.api('POST', '/people/' + personId + '/registration-place', { regionCode: code.value.trim(), reason: reason.value.trim() })
        .then(function (r) { msg.className = 'decided'; msg.textContent = k.fill(w('moved'), { to: r.to, c: r.followUpClause.text }); setTimeout(function () { window.dispatchEvent(new Event('hashchange')); }, 1500); }, function (e) { msg.className = 'error'; msg.textContent = e.message; });
    });
    return add(form, add(el('div', 'decide'), code, reason, btn, msg));
  }

  function quotaLabel(kind, w) {
    var zh = { policy: '政策对接', guidance: '职业指导', jobs: '岗位推荐', training: '培训信息' };
    var en = { policy: 'Policy matching', guidance: 'Career guidance', jobs: 'Job recommendation', training: 'Training notice' };
    return (w('other') === 'English' ? zh : en)[kind];
  }

  // R1.4.3: a graduate from a hardship family is contacted at the hardship interval; the caseworker can correct it.
  function hardshipFamilyForm(personId, current, k) {
    var w = k.w; var el = k.el; var add = k.add;
    var box = el('div', 'decide'); box.id = 'hardship-family';
    var value = el('select'); value.setAttribute('aria-label', w('hardshipFamily'));
    [['true', w('yes')], ['false', w('no')]].forEach(function (p) { var o = el('option', '', p[1]); o.value = p[0]; o.selected = String(current) === p[0]; add(value, o); });
    var note = el('input'); note.type = 'text'; note.maxLength = 500; note.placeholder = w('hardshipFamilyNote'); note.setAttribute('aria-label', w('hardshipFamilyNote'));
    var msg = el('span', 'error'); msg.setAttribute('role', 'alert');
    var btn = el('button', '', w('save')); btn.type = 'button';
    btn.addEventListener('click', function () {
      msg.className = 'error'; msg.textContent = '';
      k.api('POST', '/people/' + personId + '/hardship-family', { hardshipFamily: value.value === 'true', note: note.value.trim() }).then(function () { msg.className = 'decided'; msg.textContent = w('hardshipFamilySaved'); }, function (e) { msg.textContent = e.message; });
    });
    return add(box, el('strong', '', w('hardshipFamily')), value, note, btn, msg);
  }

  function referralForm(personId, clause, k) {
    var w = k.w; var el = k.el; var add = k.add;
    var box = add(el('section', 'card'), el('h2', '', w('referral')), k.clause(clause));
    var reason = el('input'); reason.type = 'text'; reason.maxLength = 500; reason.placeholder = w('reason'); reason.setAttribute('aria-label', w('referral'));
    var msg = el('span', 'error');
    var btn = el('button', 'primary', w('refer')); btn.type = 'button';
    btn.addEventListener('click', function () {
      msg.textContent = '';
      k.api('POST', '/people/' + personId + '/civil-affairs-referral', { reason: reason.value.trim() }).then(function () { msg.className = 'decided'; msg.textContent = w('referralDone'); }, function (e) { msg.className = 'error'; msg.textContent = e.message; });
    });
    return add(box, add(el('div', 'decide'), reason, btn, msg));
  }

  window.jiuyebangPerson = { show: show };
})();

// The case view: logs in with a form to a server session (the browser keeps only the HttpOnly session cookie; no
// password or token is ever put in browser storage), reads GET /api/cases/{caseId}/view and renders it. Changes to
// the session (log in, log out) carry the CSRF token GET /cases/session hands out, kept in memory only. Everything
// from the server is inserted as text, never as HTML.
(function () {
  'use strict';

  var session = { user: null, csrfHeader: null, csrfToken: null };
  var ZONE = 'Europe/Amsterdam';

  var LABELS = {
    status: { IN_REGISTRATION: 'In aanmelding', IN_PROCEDURE: 'In asielprocedure', PERMIT_GRANTED: 'Vergunning verleend',
      IN_DEPARTURE: 'In vertrek', CLOSED: 'Afgesloten' },
    stage: { REGISTRATION: 'Aanmelding', IND_DECISION: 'Beoordeling IND', HOUSING: 'Huisvesting',
      FAMILY_REUNIFICATION: 'Nareis', DEPARTURE: 'Vertrek' },
    applicationType: { FIRST: 'Eerste aanvraag', REPEAT: 'Opvolgende aanvraag', RESETTLEMENT: 'Hervestiging' },
    arrivalLocation: { TER_APEL: 'Ter Apel', BUDEL: 'Budel', SCHIPHOL: 'Schiphol' },
    sex: { F: 'vrouw', M: 'man', X: 'onbekend / X' },
    relation: { SPOUSE: 'echtgeno(o)t(e)', PARTNER: 'partner', CHILD: 'kind', PARENT: 'ouder' },
    outcome: { PERMIT_GRANTED: 'Vergunning verleend', REJECTED: 'Afgewezen', DUBLIN_ACCEPTED: 'Dublinclaim aanvaard',
      GRANT: 'Inwilliging', REJECT: 'Afwijzing', PERMIT_HOLDER_HOUSED: 'Vergunninghouder gehuisvest',
      DEPARTED_INDEPENDENTLY: 'Zelfstandig vertrokken', DEPARTED_FORCED: 'Gedwongen vertrokken',
      TRANSFERRED_DUBLIN: 'Overgedragen aan lidstaat', LEFT_WITHOUT_SUPERVISION: 'Vertrokken zonder toezicht' },
    kind: { TASK: 'taak', EVENT: 'gebeurtenis', AUTOMATIC: 'automatisch', STAGE: 'fase', RECEIVED: 'bericht ontvangen',
      MILESTONE: 'mijlpaal' },
    milestone: { REGISTERED: 'Aanvraag geregistreerd', REST_PERIOD_STARTED: 'Rust- en voorbereidingstermijn gestart',
      PROCEDURE_STARTED: 'Asielprocedure gestart', EXTENDED_PROCEDURE_STARTED: 'Verlengde asielprocedure gestart',
      DUBLIN_CLAIM_ACCEPTED: 'Dublinclaim aanvaard', PERMIT_GRANTED: 'Vergunning verleend',
      REJECTION_FINAL: 'Afwijzing onherroepelijk', DEPARTURE_PERIOD_ENDED: 'Vertrektermijn verstreken',
      MUNICIPALITY_LINKED: 'Gekoppeld aan gemeente', TEMPORARY_HOUSING: 'In doorstroomlocatie',
      HOUSED: 'Gehuisvest', CLOSED: 'Zaak afgesloten' },
    taskOutcome: { COMPLETED: 'afgerond', CANCELLED: 'afgebroken', STARTED: 'gestart', OCCURRED: '' },
    trackReason: { PROTECTION_IN_MEMBER_STATE: 'bescherming in lidstaat', SAFE_COUNTRY: 'veilig land van herkomst',
      EURODAC_HIT: 'Eurodac-treffer', VISA_MEMBER_STATE: 'visum van lidstaat', GENERAL: 'algemeen' },
    process: { asylumCase: 'Asielzaak', registration: 'Aanmelding', indDecision: 'IND-beslissing',
      housing: 'Huisvesting', familyReunification: 'Nareis', departure: 'Vertrek', reception: 'Opvang' },
    section: { decision: 'Beslissing en beslistermijn', reception: 'Opvang', housing: 'Huisvesting',
      familyReunification: 'Nareis', departure: 'Vertrek' }
  };

  function $(id) { return document.getElementById(id); }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      if (name === 'text') { node.textContent = attrs[name]; } else { node.setAttribute(name, attrs[name]); }
    });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    });
    return node;
  }

  function label(kind, value) {
    if (value === null || value === undefined || value === '') { return '–'; }
    var known = LABELS[kind] && LABELS[kind][value];
    return known !== undefined ? known : String(value);
  }

  function humanize(key) {
    return String(key).replace(/([a-z])([A-Z])/g, '$1 $2').replace(/_/g, ' ').toLowerCase();
  }

  var ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
  var ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

  function dateTime(value) {
    if (!value) { return '–'; }
    return new Date(value).toLocaleString('nl-NL', { timeZone: ZONE, dateStyle: 'medium', timeStyle: 'short' });
  }

  function date(value) {
    if (!value) { return '–'; }
    var parts = value.split('-');
    return new Date(Date.UTC(+parts[0], +parts[1] - 1, +parts[2]))
      .toLocaleDateString('nl-NL', { timeZone: 'UTC', dateStyle: 'medium' });
  }

  function plain(value) {
    if (value === null || value === undefined || value === '') { return '–'; }
    if (typeof value === 'boolean') { return value ? 'ja' : 'nee'; }
    if (typeof value === 'string' && ISO_INSTANT.test(value)) { return dateTime(value); }
    if (typeof value === 'string' && ISO_DATE.test(value)) { return date(value); }
    return String(value);
  }

  // rows whose part the reader may not see (absent from the answer) are left out, not shown as empty
  function definitions(target, rows) {
    target.replaceChildren();
    rows.filter(function (row) { return row[2] !== false; }).forEach(function (row) {
      target.appendChild(el('dt', { text: row[0] }));
      target.appendChild(el('dd', { text: row[1] }));
    });
  }

  function table(headers, rows) {
    var head = el('tr', {}, headers.map(function (h) { return el('th', { text: h }); }));
    var body = rows.map(function (cells) {
      return el('tr', {}, cells.map(function (cell) {
        return el('td', {}, [typeof cell === 'string' ? cell : cell]);
      }));
    });
    return el('table', {}, [el('thead', {}, [head]), el('tbody', {}, body)]);
  }

  // A module's section rendered without knowing its shape: fields as a list, lists of objects as a table.
  function generic(value) {
    if (Array.isArray(value)) {
      if (value.length === 0) { return el('p', { class: 'muted', text: 'geen' }); }
      if (typeof value[0] !== 'object' || value[0] === null) {
        return el('p', { text: value.map(plain).join(', ') });
      }
      var keys = [];
      value.forEach(function (item) {
        Object.keys(item).forEach(function (k) { if (keys.indexOf(k) < 0) { keys.push(k); } });
      });
      return table(keys.map(humanize), value.map(function (item) {
        return keys.map(function (k) { return cellOf(k, item[k]); });
      }));
    }
    if (value !== null && typeof value === 'object') {
      var list = el('dl');
      var nested = [];
      Object.keys(value).forEach(function (k) {
        var v = value[k];
        if (v !== null && typeof v === 'object') {
          nested.push(el('h3', { text: humanize(k) }), generic(v));
        } else {
          list.appendChild(el('dt', { text: humanize(k) }));
          list.appendChild(el('dd', {}, [cellOf(k, v)]));
        }
      });
      return el('div', {}, [list].concat(nested));
    }
    return el('p', { text: plain(value) });
  }

  // Case ids in a section become links to their own case view.
  function cellOf(key, value) {
    if (typeof value === 'string' && /caseid$/i.test(key) && /^[0-9a-f-]{36}$/i.test(value)) {
      return el('a', { href: '/cases/' + value, text: value });
    }
    return document.createTextNode(plain(value));
  }

  // --- session and API ---

  function refreshSession() {
    return fetch('/cases/session', { headers: { Accept: 'application/json' } })
      .then(function (response) {
        if (!response.ok) { throw new Error('Fout ' + response.status); }
        return response.json();
      })
      .then(function (current) {
        session = { user: current.user || null, csrfHeader: current.csrfHeader, csrfToken: current.csrfToken };
        return session;
      });
  }

  // a change to the session: form fields, the CSRF token in its header
  function send(path, fields) {
    var headers = { Accept: 'application/json' };
    headers[session.csrfHeader] = session.csrfToken;
    return fetch(path, { method: 'POST', headers: headers, body: new URLSearchParams(fields || {}) });
  }

  function api(path) {
    return fetch(path, { headers: withTask({ Accept: 'application/json' }) })
      .then(function (response) {
        if (response.status === 401) { showLogin('Uw sessie is verlopen; log opnieuw in.'); throw new Error('401'); }
        if (response.status === 403) { throw new Error('U heeft geen toegang tot deze zaak.'); }
        if (response.status === 404) { throw new Error('Deze zaak bestaat niet.'); }
        if (!response.ok) {
          return response.json().catch(function () { return {}; }).then(function (problem) {
            var first = problem.errors && problem.errors[0];
            throw new Error(first ? first.field + ': ' + first.message : 'Fout ' + response.status);
          });
        }
        return response.json();
      });
  }

  // opened from a task (/cases/{id}?task={taskId}): the access log records the read for that task
  function withTask(headers) {
    var task = new URLSearchParams(location.search).get('task');
    if (task) { headers['X-Task-Id'] = task; }
    return headers;
  }

  function absent(text) { return el('p', { class: 'muted', text: text || 'Niet zichtbaar voor uw organisatie.' }); }

  function showLogin(error) {
    $('case').hidden = true;
    $('message').hidden = true;
    $('login').hidden = false;
    $('loginError').hidden = !error;
    $('loginError').textContent = error || '';
    $('username').focus();
  }

  function showMessage(text) {
    $('message').textContent = text;
    $('message').hidden = false;
  }

  function caseIdFromPath() {
    var match = /^\/cases\/([0-9a-fA-F-]{36})\/?$/.exec(location.pathname);
    return match ? match[1] : null;
  }

  // --- rendering ---

  function render(view) {
    var file = view.caseFile;
    var person = file.person || {};
    var named = 'familyName' in person;
    var applied = 'applicationType' in file;
    var progress = 'status' in file;
    document.title = 'V-nummer ' + file.vNumber + ' – zaakdossier';
    $('title').textContent = 'V-nummer ' + file.vNumber + (named ? ' · ' + person.familyName +
      (person.givenNames ? ', ' + person.givenNames : '') : '');
    definitions($('person'), [
      ['V-nummer', file.vNumber],
      ['Naam', person.familyName + (person.givenNames ? ', ' + person.givenNames : ''), named],
      ['Geboortedatum', date(person.birthDate), 'birthDate' in person],
      ['Geslacht', label('sex', person.sex), 'sex' in person],
      ['Nationaliteit', person.nationality, 'nationality' in person],
      ['Alleenstaande minderjarige', plain(file.unaccompaniedMinor), applied],
      ['Aanvraag', label('applicationType', file.applicationType), applied],
      ['Aangemeld', label('arrivalLocation', file.arrivalLocation) + ', ' + date(file.reportedOn), applied],
      ['Aanvraag ondertekend', file.applicationSignedOn ? date(file.applicationSignedOn)
        : 'nog niet (identificatie en registratie)', applied]
    ]);
    definitions($('status'), [
      ['Status', label('status', file.status), progress],
      ['Huidige fase', (file.currentStages || []).map(function (s) { return label('stage', s); }).join(', ') || '–',
        progress],
      ['Spoor', file.track ? 'spoor ' + file.track + ' (' + label('trackReason', file.trackReason) + ')' : '–',
        'track' in file || 'trackReason' in file],
      ['Beslissing IND', label('outcome', file.decisionOutcome), 'decisionOutcome' in file || progress],
      ['Uitkomst', label('outcome', file.outcome), progress],
      ['Geregistreerd', dateTime(file.registeredAt), applied],
      ['Laatst gewijzigd', dateTime(file.updatedAt), progress]
    ]);

    var tasks = view.openTasks || [];
    $('tasks').replaceChildren(!view.openTasks ? absent()
      : tasks.length === 0 ? el('p', { class: 'muted', text: 'Geen open taken.' })
      : table(['Taak', 'Groep', 'Behandelaar', 'Vervaldatum', 'Prioriteit', ''], tasks.map(function (t) {
        return [t.name, (t.candidateGroups || []).join(', '), t.assignee || '–', dateTime(t.dueDate),
          String(t.priority), el('a', { href: t.tasklistUrl, class: 'tasklist-link', text: 'Openen in Tasklist' })];
      })));

    var sections = file.sections || {};
    var names = Object.keys(sections);
    var sectionNodes = [];
    names.forEach(function (name) {
      sectionNodes.push(el('h3', { text: label('section', name) }), generic(sections[name]));
    });
    $('sections').replaceChildren.apply($('sections'), sectionNodes.length ? sectionNodes
      : [file.sections ? el('p', { class: 'muted', text: 'Nog geen termijnen of onderdelen van andere ketenpartners.' })
        : absent()]);

    var family = file.familyMembersAbroad || [];
    var familyNodes = [!file.familyMembersAbroad ? absent()
      : family.length === 0 ? el('p', { class: 'muted', text: 'Geen gezinsleden in het buitenland.' })
      : table(['Relatie', 'Geboortedatum', 'Eigen zaak'], family.map(function (m) {
        var linked = m.linkedCaseId || m.caseId;
        return [label('relation', m.relation), date(m.birthDate),
          linked ? el('a', { href: '/cases/' + linked, text: 'zaak openen' }) : '–'];
      }))];
    ['linkedCases', 'sponsorCaseId', 'linkedCaseIds'].forEach(function (key) {
      if (file[key]) { familyNodes.push(el('h3', { text: humanize(key) }), generic(file[key])); }
    });
    $('family').replaceChildren.apply($('family'), familyNodes);

    var rows = (view.timeline || []).slice().reverse();
    $('timeline').replaceChildren(rows.length === 0 ? el('p', { class: 'muted', text: 'Nog niets gebeurd.' })
      : table(['Wanneer', 'Wat', 'Soort', 'Wie', 'Proces'], rows.map(function (r) {
        var what = r.kind === 'MILESTONE' ? label('milestone', r.name) : r.name || '–';
        var outcome = label('taskOutcome', r.outcome);
        return [dateTime(r.at), what + (outcome && outcome !== '–' ? ' (' + outcome + ')' : ''),
          el('span', { class: 'kind ' + r.kind, text: label('kind', r.kind) }),
          r.user || (r.kind === 'TASK' ? '–' : 'systeem'), r.process ? label('process', r.process) : ''];
      })));

    if (view.positions) { renderDiagrams(view.positions); } else { $('diagrams').replaceChildren(absent()); }
    $('login').hidden = true;
    $('message').hidden = true;
    $('case').hidden = false;
  }

  function renderDiagrams(positions) {
    var container = $('diagrams');
    container.replaceChildren();
    var shown = positions.filter(function (p) { return p.active; });
    if (shown.length === 0) { shown = positions.slice(0, 1); }
    // the innermost stage first: that is where the case stands
    shown.reverse().forEach(function (position) {
      var box = el('div', { class: 'diagram', 'data-process': position.processKey });
      container.appendChild(el('h3', { text: position.processName + (position.active ? '' : ' (afgerond)') }));
      container.appendChild(box);
      api('/api/cases/' + encodeURIComponent(caseIdFromPath()) + '/view/diagrams/' +
          encodeURIComponent(position.processDefinitionId))
        .then(function (definition) {
          var viewer = new BpmnJS({ container: box });
          return viewer.importXML(definition.bpmn20Xml).then(function () {
            var canvas = viewer.get('canvas');
            var registry = viewer.get('elementRegistry');
            position.completedActivityIds.forEach(function (id) {
              if (registry.get(id)) { canvas.addMarker(id, 'done'); }
            });
            position.activeActivityIds.forEach(function (id) {
              if (registry.get(id)) { canvas.removeMarker(id, 'done'); canvas.addMarker(id, 'current'); }
            });
            canvas.zoom('fit-viewport');
            box.setAttribute('data-rendered', 'true');
          });
        })
        .catch(function (e) { box.replaceChildren(el('p', { class: 'error', text: 'Diagram niet beschikbaar: ' + e.message })); });
    });
  }

  function load() {
    var caseId = caseIdFromPath();
    $('user').textContent = session.user || '';
    $('logout').hidden = false;
    $('login').hidden = true;
    if (!caseId) {
      $('case').hidden = true;
      showMessage('Zoek een zaak op V-nummer.');
      $('vNumber').focus();
      return;
    }
    api('/api/cases/' + caseId + '/view').then(render).catch(function (e) {
      if (e.message !== '401') { showMessage(e.message); }
    });
  }

  $('loginForm').addEventListener('submit', function (event) {
    event.preventDefault();
    refreshSession()
      .then(function () {
        return send('/cases/login', { username: $('username').value.trim(), password: $('password').value });
      })
      .then(function (response) {
        $('password').value = '';
        if (!response.ok) { throw new Error('Onbekende gebruiker of verkeerd wachtwoord.'); }
        // the login starts a new session with a new CSRF token
        return refreshSession();
      })
      .then(load)
      .catch(function (e) { showLogin(e.message); });
  });

  $('search').addEventListener('submit', function (event) {
    event.preventDefault();
    if (!session.user) { showLogin(); return; }
    api('/cases/search?vNumber=' + encodeURIComponent($('vNumber').value.trim()))
      .then(function (found) { location.assign('/cases/' + found.caseId); })
      .catch(function (e) {
        if (e.message !== '401') { showMessage(e.message === 'Deze zaak bestaat niet.' ? 'Geen zaak met dit V-nummer.' : e.message); }
      });
  });

  $('logout').addEventListener('click', function () {
    send('/cases/logout').then(refreshSession).catch(function () { return null; }).then(function () {
      session.user = null;
      $('user').textContent = '';
      $('logout').hidden = true;
      showLogin();
    });
  });

  refreshSession()
    .then(function () { if (session.user) { load(); } else { showLogin(); } })
    .catch(function (e) { showMessage('De zaakweergave is niet bereikbaar: ' + e.message); });
}());

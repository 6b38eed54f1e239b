// The page of `chitieu serve`: plain ES module, no framework, no inline code (the CSP is
// `default-src 'self'`). Every figure comes from the server's JSON (src/server/views.ts);
// messages arrive in both languages ({ vi, en }) and the switch re-draws from memory.

/** The page's fixed texts, from the message catalogue (src/messages/page.ts): { vi: {…}, en: {…} }. */
const TEXTS = await fetch('/texts.json').then((response) => (response.ok ? response.json() : { vi: {}, en: {} }));

let lang = localStorage.getItem('chitieu-lang') === 'en' ? 'en' : 'vi';
const OTHER = { vi: 'en', en: 'vi' };
const LOCALE = { vi: 'vi-VN', en: 'en-US' };
/**
 * A fixed text in the page's language, its "{name}" places filled from `params` (numbers
 * already grouped by the caller). A key missing from the catalogue shows as the key itself,
 * which the browser tests look for.
 */
export function t(key, params = {}) {
  const text = TEXTS[lang]?.[key];
  if (text === undefined) return key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (params[name] === undefined ? whole : String(params[name])));
}
/** A { vi, en } message from the server in the page's language. */
const m = (message) => (message == null ? '' : typeof message === 'string' ? message : message[lang] ?? message.vi);
const $ = (id) => document.getElementById(id);
const locale = () => LOCALE[lang];
const number = (n, digits = 0) => (n == null ? '–' : n.toLocaleString(locale(), { minimumFractionDigits: digits, maximumFractionDigits: digits }));

/**
 * This tab's workspace on the server (src/server/tabs.ts): its id lives in the tab's
 * sessionStorage, so a reload finds the same files and results and another tab has its own.
 */
const TAB = (() => {
  const known = sessionStorage.getItem('chitieu-tab');
  if (known && /^[A-Za-z0-9_-]{1,64}$/.test(known)) return known;
  const id = [...crypto.getRandomValues(new Uint8Array(16))].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  sessionStorage.setItem('chitieu-tab', id);
  return id;
})();
/**
 * A duplicated tab ("Nhân bản thẻ") starts with a copy of its sessionStorage, hence the same id:
 * the tab that already has the id answers, and the copy takes an id of its own and starts afresh.
 */
const tabs = new BroadcastChannel('chitieu-tabs');
const born = `${Date.now()}-${Math.random()}`;
tabs.addEventListener('message', ({ data }) => {
  if (data?.ask === TAB && data.born !== born) tabs.postMessage({ taken: TAB, to: data.born });
  else if (data?.taken === TAB && data.to === born) {
    sessionStorage.removeItem('chitieu-tab');
    location.reload();
  }
});
tabs.postMessage({ ask: TAB, born });

/** A link the browser follows by itself (a download, a chart picture) names the tab in its query. */
export const withTab = (url) => `${url}${url.includes('?') ? '&' : '?'}tab=${TAB}`;

/** What the page last received, kept so the language switch can re-draw it. */
const state = { files: [], coverage: null, profiles: { choice: 'auto', profiles: [] }, savedProfiles: {}, mapping: null, mappingChoices: {}, mappingChecks: {}, unitChosen: null, data: null, periods: [], defaultPeriod: null, units: [], plans: [], result: null, explanation: null, report: null, aggregate: null, annexes: null, narrative: [] };
// The person's own choices, which the defaults from the data never override; cleared with each new reading.
Object.assign(state, { periodChosen: null, planChosen: null, defaultUnit: null, planFor: {}, form: null });

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) if (child !== null && child !== undefined) node.append(child instanceof Node ? child : String(child));
  return node;
}

/** replaceChildren without the nulls of optional parts. */
function fill(node, ...children) {
  node.replaceChildren(...children.flat().filter((child) => child !== null && child !== undefined));
  return node;
}

async function api(method, path, body) {
  const init = { method, headers: { 'x-chitieu-tab': TAB } };
  if (body instanceof FormData) init.body = body;
  else if (body !== undefined) {
    init.headers['content-type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(path, init);
  const json = await response.json().catch(() => ({}));
  if (!response.ok) throw Object.assign(new Error('request failed'), { message: json.error ?? t('error.status', { status: response.status }) });
  return json;
}

function showError(id, error) {
  const box = $(id);
  if (!error) {
    box.hidden = true;
    box.textContent = '';
    return;
  }
  box.dataset.message = JSON.stringify(error.message ?? error);
  box.textContent = m(error.message ?? error);
  box.hidden = false;
}

function busy(button, on) {
  button.disabled = on;
  button.setAttribute('aria-busy', on ? 'true' : 'false');
}

// ------------------------------------------------------------------ language

function applyLanguage() {
  document.documentElement.lang = lang;
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const node of document.querySelectorAll('[data-i18n-label]')) node.setAttribute('aria-label', t(node.dataset.i18nLabel));
  $('lang').textContent = t('lang.switch');
  $('lang').setAttribute('aria-label', t('lang.switchLabel'));
  for (const box of document.querySelectorAll('.error[data-message]')) if (!box.hidden) box.textContent = m(JSON.parse(box.dataset.message));
  drawProfiles();
  drawMapping();
  drawReadDone();
  drawFiles();
  drawFormNote();
  drawData();
  drawPeriods();
  drawUnits();
  drawPlans();
  drawNarrative();
  drawResult();
  drawExplanation();
  drawReport();
  drawAnnexes();
  drawAggregate();
}

// ------------------------------------------------------------------ 1. data

/** The files chosen or dropped join the tab's file set ("Thêm tệp" too): the whole set is read again. */
async function upload(files) {
  if (files.length === 0) return;
  const form = new FormData();
  for (const file of files) form.append('files', file, file.name);
  await startReading(() => sendWithProgress('/api/data', form));
}

/** An upload that says how much has been sent (a 50 MB file takes seconds before reading starts). */
function sendWithProgress(path, form) {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', path);
    request.setRequestHeader('x-chitieu-tab', TAB);
    request.responseType = 'json';
    request.upload.addEventListener('progress', (event) => {
      if (!event.lengthComputable) return;
      $('progress-bar').max = event.total;
      $('progress-bar').value = event.loaded;
      $('progress-text').textContent = t('progress.uploading', { sent: megabytes(event.loaded), total: megabytes(event.total) });
    });
    request.addEventListener('load', () => {
      const json = request.response ?? {};
      if (request.status >= 200 && request.status < 300) resolve(json);
      else reject(Object.assign(new Error('request failed'), { message: json.error ?? t('error.status', { status: request.status }) }));
    });
    request.addEventListener('error', () => reject(Object.assign(new Error('request failed'), { message: t('error.status', { status: 0 }) })));
    request.send(form);
  });
}

const megabytes = (bytes) => number(bytes / 1024 / 1024, 1);

async function removeFile(file) {
  await startReading(() => api('DELETE', `/api/data/files/${encodeURIComponent(file.id)}`));
}

/** The tab's files: each with its rows, or why it could not be read, and a button to take it out. */
function drawFiles() {
  const files = state.files;
  $('file-set').hidden = files.length === 0;
  // Files that could not be read first: they are what needs doing.
  const ordered = [...files.filter((file) => file.unreadable.length > 0), ...files.filter((file) => file.unreadable.length === 0)];
  fill($('file-list'),
    ...ordered.map((file) => {
      const problem = file.unreadable.length > 0 ? file.unreadable.map((item) => m(item.reason)).join(' ') : null;
      const status = problem ?? (file.read === null ? t('files.notRead') : t('files.rows', { rows: number(file.read), accepted: number(file.accepted) }));
      return el(
        'li',
        { class: problem ? 'unreadable' : null },
        el('span', { class: 'file-name', text: file.name }),
        el('span', { class: problem ? 'error-text' : 'detail', text: status }),
        el('button', { type: 'button', class: 'link-button', 'aria-label': t('files.removeLabel', { fileName: file.name }), onclick: () => removeFile(file) }, t('files.remove')),
      );
    }),
  );
  const unreadable = files.filter((file) => file.unreadable.length > 0).length;
  $('files-unreadable').hidden = unreadable === 0;
  $('files-unreadable').textContent = t('files.unreadableNote', { count: number(unreadable) });
  drawCoverage();
}

/** Which communes of the unit chosen no file speaks of yet. */
async function loadCoverage() {
  state.coverage = null;
  const unit = $('unit').value;
  const query = periodQuery();
  if (!state.data || !unit || (query.period === 'custom' && !(query.from && query.to))) return drawCoverage();
  try {
    const coverage = await api('GET', `/api/coverage?${new URLSearchParams({ ...query, unit })}`);
    state.coverage = { ...coverage, unit: $('unit').selectedOptions[0]?.textContent.trim() ?? unit };
  } catch {
    state.coverage = null;
  }
  drawCoverage();
}

function drawCoverage() {
  const box = $('missing-communes');
  const coverage = state.coverage;
  box.hidden = !coverage || coverage.communes < 2 || state.files.length === 0;
  if (box.hidden) return;
  const names = coverage.missing.map((commune) => `${commune.name} (${commune.code})`).join(', ');
  box.className = coverage.missing.length > 0 ? 'warning' : 'ok';
  box.textContent = coverage.missing.length > 0
    ? t('files.missingCommunes', { unit: coverage.unit, missing: number(coverage.missing.length), communes: number(coverage.communes), names })
    : t('files.allCommunes', { unit: coverage.unit, communes: number(coverage.communes) });
}

async function startReading(request) {
  // New data: what was said about the old (cleared, not computed, report failed) no longer applies.
  for (const error of ['data-error', 'compute-error', 'report-error']) showError(error, null);
  $('notice').hidden = true;
  state.coverage = null;
  drawCoverage();
  state.periodChosen = null;
  state.unitChosen = null;
  state.planChosen = null;
  state.mapping = null;
  drawMapping();
  resetAfterData();
  $('data-view').hidden = true;
  $('progress').hidden = false;
  $('progress-bar').value = 0;
  $('progress-text').textContent = '';
  try {
    const first = await request();
    drawProgress(first.progress);
    await poll();
  } catch (error) {
    $('progress').hidden = true;
    showError('data-error', error);
  }
}

/** "Đã đọc 14 tệp…": drawn again when the language changes. */
function drawReadDone() {
  const done = state.readDone;
  // The files read: those that could not be read are listed with their reason, not counted here.
  if (done) $('progress-text').textContent = t('progress.read', { fileCount: number(state.data?.totals.files ?? done.filesTotal), rows: number(done.rows), speed: number(done.rowsPerSecond) });
}

function drawProgress(progress) {
  state.readDone = null;
  if (!progress) return;
  $('progress-bar').max = Math.max(progress.filesTotal, 1);
  $('progress-bar').value = progress.filesDone;
  $('progress-text').textContent = t('progress.reading', { done: number(progress.filesDone), total: number(progress.filesTotal), rows: number(progress.rows), speed: number(progress.rowsPerSecond), seconds: number(progress.seconds ?? 0) });
}

async function poll() {
  for (;;) {
    const status = await api('GET', '/api/data');
    state.files = status.files ?? [];
    drawFiles();
    drawProgress(status.progress);
    if (status.state === 'reading') {
      await new Promise((resolve) => setTimeout(resolve, 250));
      continue;
    }
    $('progress').hidden = status.state !== 'ready';
    if (status.state === 'failed') {
      showError('data-error', { message: status.error });
      return;
    }
    if (status.state === 'mapping') {
      showError('data-error', { message: status.error });
      await startMapping(status.mapping, status.error);
      return;
    }
    if (status.state === 'ready') {
      // A mapping that was read: its choices are not carried into the next mapping step.
      state.lastMapping = null;
      state.data = status.data;
      state.periods = status.periods;
      state.defaultPeriod = status.defaultPeriod;
      state.readDone = status.progress;
      drawReadDone();
      drawData();
      drawPeriods();
      await loadUnits();
    }
    return;
  }
}

function drawData() {
  const data = state.data;
  $('data-view').hidden = !data;
  if (!data) return;
  const total = data.totals;
  $('data-totals').textContent = t('data.totals', { fileCount: number(total.files), read: number(total.read), accepted: number(total.accepted), rejected: number(total.rejected) });
  const body = $('accounting').tBodies[0];
  fill(body,
    ...data.files.flatMap((file) => [
      el('tr', { class: 'file' }, el('td', {}, el('strong', { text: file.file }), file.origin ? ` (${m(file.origin)})` : null), el('td', { class: 'num', text: number(file.read) }), el('td', { class: 'num', text: number(file.accepted) }), el('td', { class: 'num', text: number(file.rejected) })),
      ...file.sheets.map((sheet) =>
        el(
          'tr',
          { class: 'sheet' },
          el(
            'td',
            {},
            t('data.sheet', { sheet: sheet.sheet, details: `${m(sheet.kind)}${sheet.profile ? profileNote(sheet.profile) : ''}${sheet.totalsSkipped ? t('data.totalsSkipped', { rows: number(sheet.totalsSkipped) }) : ''}` }),
            sheet.ignored.length > 0 ? el('div', { class: 'ignored-columns', text: ignoredText(sheet.ignored, sheet.ignoredCount) }) : null,
            sheet.placement ? el('div', { class: 'placement', text: m(sheet.placement) }) : null,
          ),
          el('td', { class: 'num', text: number(sheet.read) }),
          el('td', { class: 'num', text: number(sheet.accepted) }),
          el('td', { class: 'num', text: number(sheet.rejected) }),
        ),
      ),
      ...file.skipped.map((skipped) =>
        el(
          'tr',
          { class: 'sheet' },
          el('td', { text: t('data.sheetSkipped', { sheet: skipped.sheet, why: m(skipped.why), rows: number(skipped.rows) }) }),
          el('td', { class: 'num', text: '–' }),
          el('td', { class: 'num', text: '–' }),
          el('td', { class: 'num', text: '–' }),
        ),
      ),
    ]),
  );
  drawMadeProfile();
  $('errors').hidden = data.errorsByKind.length === 0;
  $('no-errors').hidden = data.errorsByKind.length > 0;
  fill($('errors').tBodies[0], ...data.errorsByKind.map((row) => el('tr', {}, el('td', { text: m(row.label) }), el('td', { class: 'num', text: number(row.count) }))));
  $('error-workbook').href = withTab(`/download/errors.xlsx?lang=${lang}`);
  $('error-workbooks-zip').href = withTab(`/download/errors-by-commune.zip?lang=${lang}`);
  $('error-workbook').parentElement.hidden = data.rejectedCount === 0;
  $('rejected-box').hidden = data.rejectedCount === 0;
  $('rejected-box').querySelector('summary').textContent = `${t('data.rejectedRows')} — ${number(data.rejectedCount)}`;
  fill($('rejected'),
    ...data.rejected.map((line) => el('li', { text: m(line) })),
    data.rejectedCount > data.rejected.length ? el('li', { text: t('data.moreRejected', { count: number(data.rejectedCount - data.rejected.length) }) }) : null,
  );
  $('warnings-box').hidden = data.warningCount === 0;
  $('warnings-box').querySelector('summary').textContent = `${t('data.warnings')} — ${number(data.warningCount)}`;
  fill($('warnings'), ...data.warnings.map((line) => el('li', { text: m(line) })));
}

function profileNote(profile) {
  const name = `"${profile.name}"`;
  return t(profile.automatic ? 'data.profileAutomatic' : 'data.profileUsed', { name });
}

function ignoredText(ignored, count) {
  const list = ignored.map((column) => (column.closest ? t('data.ignoredClosest', { header: column.header, closest: column.closest }) : `"${column.header}"`)).join(', ');
  const more = count > ignored.length ? t('data.ignoredMore', { count: number(count - ignored.length) }) : '';
  return t('data.ignored', { list, more });
}

/** The profile made on this page that the data was just read with, offered for saving. */
function drawMadeProfile() {
  const box = $('made-profile');
  const sheets = (state.data?.files ?? []).flatMap((file) => file.sheets).filter((sheet) => sheet.profile?.made);
  box.hidden = sheets.length === 0;
  if (sheets.length === 0) return;
  const { made, name } = sheets[0].profile;
  const names = [...new Set(sheets.map((sheet) => `"${sheet.sheet}"`))].join(', ');
  $('made-profile-text').textContent = t('mapping.madeRead', { sheets: names, name });
  $('made-profile-download').href = withTab(`/download/profile.yaml?id=${encodeURIComponent(made.id)}`);
  $('made-profile-save').dataset.id = made.id;
  const saved = state.savedProfiles[made.id] ?? made.saved;
  $('made-profile-save').hidden = Boolean(saved);
  $('made-profile-saved').hidden = !saved;
  if (saved) {
    $('made-profile-saved').textContent = t('mapping.saved', { fileName: saved });
  }
}

async function saveMadeProfile() {
  const id = $('made-profile-save').dataset.id;
  try {
    const answer = await api('POST', '/api/mapping/save', { id });
    state.savedProfiles = { ...state.savedProfiles, [id]: answer.saved };
    drawMadeProfile();
    await loadProfiles();
  } catch (error) {
    showError('data-error', error);
  }
}

// ------------------------------------------------------------------ profiles and the mapping step

async function loadProfiles() {
  state.profiles = await api('GET', '/api/profiles');
  drawProfiles();
}

function drawProfiles() {
  const select = $('profile');
  const { choice, profiles } = state.profiles;
  const groups = ['bundled', 'local', 'given', 'uploaded', 'made'].map((origin) => [origin, profiles.filter((profile) => profile.origin === origin)]).filter(([, list]) => list.length > 0);
  fill(
    select,
    el('option', { value: 'auto', text: t('data.profileAuto') }),
    ...groups.map(([origin, list]) => el('optgroup', { label: t(`data.origin.${origin}`) }, ...list.map((profile) => el('option', { value: profile.id, text: `${profile.name} (${profile.file})` })))),
  );
  select.value = choice;
  drawProfileList();
  // A bad file in profiles/ is shown with its reason, never fatal.
  const broken = state.profiles.broken ?? [];
  $('profiles-broken').hidden = broken.length === 0;
  fill($('profiles-broken-list'), broken.map((entry) => el('li', { text: m(entry.reason) })));
}

/** The office's profiles (profiles/) and those made here: renamed, mapped again or deleted on the page (#18 item 8). */
function drawProfileList() {
  const own = state.profiles.profiles.filter((profile) => profile.origin === 'local' || profile.origin === 'made');
  $('profiles-manage').hidden = own.length === 0;
  fill($('profiles-list'), ...own.map((profile) => (state.renaming === profile.id ? renameRow(profile) : profileRow(profile))));
}

function profileRow(profile) {
  return el(
    'li',
    { 'data-profile': profile.id },
    el('span', { class: 'name', text: `${profile.name} (${profile.file})` }),
    el('button', { type: 'button', class: 'link-button', 'aria-label': `${t('profiles.rename')}: ${profile.name}`, onclick: () => { state.renaming = profile.id; drawProfileList(); $('profile-new-name')?.focus(); } }, t('profiles.rename')),
    el('button', { type: 'button', class: 'link-button', 'aria-label': `${t('profiles.edit')}: ${profile.name}`, onclick: () => profileAction('/api/profiles/edit', { id: profile.id }) }, t('profiles.edit')),
    el('button', {
      type: 'button',
      class: 'link-button danger',
      'aria-label': `${t('profiles.delete')}: ${profile.name}`,
      onclick: () => {
        if (window.confirm(t('profiles.confirmDelete', { name: profile.name, path: profile.file }))) profileAction('/api/profiles/delete', { id: profile.id });
      },
    }, t('profiles.delete')),
  );
}

function renameRow(profile) {
  const input = el('input', { type: 'text', id: 'profile-new-name', maxlength: '200', 'aria-label': t('profiles.newName', { name: profile.name }) });
  input.value = profile.name;
  const save = () => profileAction('/api/profiles/rename', { id: profile.id, name: input.value });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') save();
    if (event.key === 'Escape') { state.renaming = null; drawProfileList(); }
  });
  return el(
    'li',
    { 'data-profile': profile.id },
    input,
    el('button', { type: 'button', onclick: save }, t('profiles.saveName')),
    el('button', { type: 'button', class: 'secondary', onclick: () => { state.renaming = null; drawProfileList(); } }, t('profiles.cancel')),
  );
}

/** Rename, edit or delete: takes effect at once (the uploaded files are read again). */
async function profileAction(path, body) {
  showError('data-error', null);
  $('profiles-status').hidden = true;
  try {
    const answer = await api('POST', path, body);
    state.renaming = null;
    const said = answer.renamed ?? answer.deleted;
    $('profiles-status').hidden = !said;
    $('profiles-status').textContent = m(said);
    await afterProfileChange(answer);
  } catch (error) {
    showError('data-error', error);
  }
}

/** After a choice of profile: the files already uploaded are read again with it. */
async function afterProfileChange(answer) {
  state.profiles = { choice: answer.choice, profiles: answer.profiles, broken: answer.broken };
  drawProfiles();
  if (answer.reading) await startReading(async () => answer.reading);
}

async function startMapping(mapping, error) {
  // What was chosen before the last "Đọc lại" (startReading has cleared the mapping since).
  const before = state.lastMapping?.mapping;
  const earlier = state.lastMapping?.choices ?? {};
  const refused = Boolean(state.lastMapping);
  state.lastMapping = null;
  state.mapping = mapping;
  state.mappingChoices = {};
  state.mappingChecks = {};
  for (const layout of mapping.layouts) {
    const same = before?.layouts.find((known) => known.id === layout.id && JSON.stringify(known.columns.map((column) => column.header)) === JSON.stringify(layout.columns.map((column) => column.header)));
    // A mapping refused (no row accepted) comes back as it was chosen, to be mended.
    if (same && earlier[layout.id]) state.mappingChoices[layout.id] = earlier[layout.id];
    else state.mappingChoices[layout.id] = mapping.edit ? editedChoice(layout, mapping.edit) : { kind: layout.kind ?? 'ignore', columns: proposedColumns(layout, layout.kind), values: {} };
  }
  if (mapping.edit) $('mapping-name').value = mapping.edit.name;
  if (!$('mapping-name').value.trim()) {
    const first = mapping.layouts[0]?.sheets[0];
    $('mapping-name').value = first ? t('mapping.defaultName', { fileName: first.file.replace(/\.[^.]+$/, '') }) : '';
  }
  drawMapping();
  await checkMapping();
  // A mapping just refused (no row accepted): the reason beside the button pressed, where the person is.
  if (refused && error) {
    showError('mapping-error', { message: error });
    $('mapping-error').scrollIntoView({ block: 'center' });
  }
}

const foldedHeader = (text) => text.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();

/** A layout's choice from the profile being mapped again: its kind, its columns over the suggestions, its values. */
function editedChoice(layout, edit) {
  const headers = new Set(layout.columns.map((column) => foldedHeader(column.header)));
  const sheetNames = new Set(layout.sheets.map((sheet) => foldedHeader(sheet.sheet)));
  if (edit.ignoreSheets.some((name) => sheetNames.has(foldedHeader(name)))) return { kind: 'ignore', columns: {}, values: {} };
  const kinds = Object.entries(edit.sheets).filter(([, sheet]) => sheet);
  const [kind, sheet] =
    kinds.find(([, candidate]) => candidate.match.some((name) => sheetNames.has(foldedHeader(name)))) ??
    kinds.find(([, candidate]) => Object.values(candidate.columns).flat().some((header) => headers.has(foldedHeader(header)))) ??
    [layout.kind ?? 'ignore', null];
  const columns = proposedColumns(layout, kind);
  if (sheet) {
    for (const column of layout.columns) {
      const key = Object.entries(sheet.columns).find(([, names]) => names.some((name) => foldedHeader(name) === foldedHeader(column.header)))?.[0];
      if (key) columns[column.index] = key;
    }
  }
  return { kind, columns, values: sheet ? structuredClone(sheet.values) : {} };
}

/** Column index → key for the suggestions a person is likely to keep (known names and likely ones). */
function proposedColumns(layout, kind) {
  const columns = {};
  if (!kind || kind === 'ignore') return columns;
  for (const column of layout.columns) {
    const proposal = column.proposals[kind];
    if (proposal && proposal.how !== 'guess') columns[column.index] = proposal.key;
  }
  return columns;
}

function mappingRequest() {
  return Object.entries(state.mappingChoices).map(([id, choice]) => ({
    id,
    kind: choice.kind,
    columns: Object.fromEntries(Object.entries(choice.columns).filter(([, key]) => key)),
    values: choice.values,
  }));
}

async function checkMapping() {
  if (!state.mapping) return;
  try {
    const answer = await api('POST', '/api/mapping/check', { layouts: mappingRequest() });
    state.mappingChecks = Object.fromEntries(answer.layouts.map((check) => [check.id, check]));
    showError('mapping-error', null);
  } catch (error) {
    showError('mapping-error', error);
  }
  drawMapping();
}

function kindColumns(kind) {
  return state.mapping.kinds.find((entry) => entry.kind === kind)?.columns ?? [];
}

function drawMapping() {
  const box = $('mapping');
  box.hidden = !state.mapping;
  if (!state.mapping) return;
  fill($('mapping-layouts'), ...state.mapping.layouts.map(drawLayout));
}

function drawLayout(layout) {
  const choice = state.mappingChoices[layout.id];
  const check = state.mappingChecks[layout.id];
  const first = layout.sheets[0];
  const others = layout.sheets.length - 1;
  const rows = layout.sheets.reduce((sum, sheet) => sum + sheet.rows, 0);
  const legend = t('mapping.legend', { sheet: first.sheet, fileName: first.file, others: others ? t('mapping.legendOthers', { count: number(others) }) : '', rows: number(rows), row: layout.headerRow });
  const kindSelect = el(
    'select',
    {
      id: `kind-${layout.id}`,
      onchange: (event) => {
        choice.kind = event.target.value;
        choice.columns = proposedColumns(layout, choice.kind);
        checkMapping();
      },
    },
    ...state.mapping.kinds.map((kind) => el('option', { value: kind.kind, text: capitalised(m(kind.label)) })),
    el('option', { value: 'ignore', text: t('mapping.ignore') }),
  );
  kindSelect.value = choice.kind;
  const parts = [el('legend', { text: legend }), el('div', { class: 'field inline' }, el('label', { for: `kind-${layout.id}`, text: t('mapping.kind') }), kindSelect)];
  if (choice.kind === 'ignore') return el('fieldset', {}, ...parts);
  const contract = kindColumns(choice.kind);
  const table = el(
    'table',
    { class: 'grid' },
    el('thead', {}, el('tr', {}, el('th', { text: t('mapping.column') }), el('th', { text: t('mapping.header') }), el('th', { text: t('mapping.contract') }), el('th', {}))),
    el('tbody', {}, ...layout.columns.map((column) => drawColumn(layout, choice, column, contract))),
  );
  parts.push(table);
  if (check) {
    const missing = check.missingRequired.map((header) => `"${header}"`).join(', ');
    const twice = check.twice.map((header) => `"${header}"`).join(', ');
    if (missing || twice) {
      const text = [
        missing ? t('mapping.missing', { list: missing }) : '',
        twice ? t('mapping.twice', { list: twice }) : '',
      ].join(' ');
      parts.push(el('p', { class: 'error', text: text.trim() }));
    } else parts.push(el('p', { class: 'ok', text: t('mapping.allRequired') }));
    for (const values of check.values) parts.push(...drawValues(choice, values));
  }
  return el('fieldset', {}, ...parts);
}

const capitalised = (text) => text.charAt(0).toUpperCase() + text.slice(1);

function drawColumn(layout, choice, column, contract) {
  const proposal = column.proposals[choice.kind];
  const label = t('mapping.columnLabel', { header: column.header });
  if (proposal?.how === 'known') {
    const known = contract.find((entry) => entry.key === proposal.key);
    return el('tr', {}, el('td', { class: 'letter', text: column.letter }), el('td', { text: column.header }), el('td', { class: 'known', text: known?.header ?? proposal.key }), el('td', { class: 'how', text: t('mapping.known') }));
  }
  const select = el(
    'select',
    {
      'aria-label': label,
      onchange: (event) => {
        choice.columns[column.index] = event.target.value;
        checkMapping();
      },
    },
    el('option', { value: '', text: t('mapping.none') }),
    ...contract.map((entry) => el('option', { value: entry.key, text: entry.required ? `${entry.header} (${t('mapping.required')})` : entry.header })),
  );
  select.value = choice.columns[column.index] ?? '';
  const how = proposal && proposal.how === 'likely' && choice.columns[column.index] === proposal.key ? t('mapping.likely') : proposal && proposal.how === 'guess' && !choice.columns[column.index] ? `${t('mapping.guess')}: ${contract.find((entry) => entry.key === proposal.key)?.header ?? proposal.key}?` : '';
  return el('tr', {}, el('td', { class: 'letter', text: column.letter }), el('td', { text: column.header }), el('td', {}, select), el('td', { class: 'how', text: how }));
}

function drawValues(choice, values) {
  const title = t('mapping.valuesTitle', { header: values.header, column: values.column });
  if (values.tooMany) {
    return [el('h4', { text: title }), el('p', { class: 'error', text: t('mapping.tooManyValues') })];
  }
  const mapped = (choice.values[values.key] ??= {});
  const rows = values.unknown.map((value) => {
    const select = el(
      'select',
      {
        'aria-label': t('mapping.valueLabel', { value, header: values.header }),
        onchange: (event) => {
          mapped[value] = event.target.value;
        },
      },
      el('option', { value: '', text: t('mapping.unmapped') }),
      ...values.allowed.map((entry) => el('option', { value: entry.code, text: entry.code === entry.label ? entry.label : `${entry.label} (${entry.code})` })),
    );
    select.value = mapped[value] ?? '';
    return el('tr', {}, el('td', { text: value }), el('td', {}, select));
  });
  return [el('h4', { text: title }), el('table', { class: 'grid values' }, el('thead', {}, el('tr', {}, el('th', { text: t('mapping.value') }), el('th', { text: t('mapping.code') }))), el('tbody', {}, ...rows))];
}

async function applyMapping() {
  const button = $('mapping-apply');
  busy(button, true);
  try {
    const answer = await api('POST', '/api/mapping', { name: $('mapping-name').value, layouts: mappingRequest() });
    showError('mapping-error', null);
    state.lastMapping = { mapping: state.mapping, choices: state.mappingChoices };
    await loadProfiles();
    await startReading(async () => answer.reading);
  } catch (error) {
    showError('mapping-error', error);
  } finally {
    busy(button, false);
  }
}

function resetAfterData() {
  state.data = null;
  state.result = null;
  state.explanation = null;
  state.report = null;
  state.units = [];
  drawPeriods();
  drawResult();
  drawExplanation();
  drawReport();
  drawUnits();
}

// ------------------------------------------------------------------ 2. period and unit

function drawPeriods() {
  const select = $('period');
  const chosen = state.periodChosen ?? state.defaultPeriod;
  const ready = Boolean(state.data);
  $('compute-fields').disabled = !ready;
  $('period-hint').hidden = ready;
  fill(
    select,
    ...state.periods.map((period) => el('option', { value: period.id, text: m(period.label), title: period.id })),
    ready ? el('option', { value: 'custom', text: t('period.custom') }) : null,
  );
  if (chosen && [...select.options].some((option) => option.value === chosen)) select.value = chosen;
  for (const field of document.querySelectorAll('.custom-dates')) field.hidden = select.value !== 'custom';
}

function periodQuery() {
  const period = $('period').value;
  if (period === 'custom') return { period: 'custom', from: $('from').value, to: $('to').value };
  return { period };
}

async function loadUnits() {
  if (!state.data) return;
  const query = periodQuery();
  if (query.period === 'custom' && !(query.from && query.to)) return;
  try {
    const answer = await api('GET', `/api/units?${new URLSearchParams(query)}`);
    state.units = answer.units;
    state.defaultUnit = answer.defaultUnit;
    state.planFor = answer.planFor ?? {};
    drawUnits();
    drawPlans();
    showError('compute-error', null);
    loadCoverage();
    await loadForm($('unit').value, query);
    drawFormNote();
  } catch (error) {
    showError('compute-error', error);
  }
}

function drawUnits() {
  const select = $('unit');
  const chosen = state.unitChosen;
  fill(select, ...state.units.map((unit) => el('option', { value: unit.code, text: `${unit.level === 'commune' ? '\u2003' : unit.level === 'district' ? '\u2002' : ''}${unit.name} (${unit.code})` })));
  if (chosen && state.units.some((unit) => unit.code === chosen)) select.value = chosen;
  // Until the person picks one: the unit all the files belong to (src/pipeline/defaults.ts).
  else if (state.defaultUnit && state.units.some((unit) => unit.code === state.defaultUnit)) select.value = state.defaultUnit;
}

function drawPlans() {
  for (const id of ['targets', 'aggregate-targets']) {
    const select = $(id);
    // A plan is evaluated only when chosen, or when it is the unit's own plan of the period's year.
    const chosen = id === 'targets' ? state.planChosen ?? state.planFor[$('unit').value] ?? 'none' : select.value || 'none';
    fill(select,
      ...state.plans.map((plan) => el('option', { value: plan.id, text: plan.id === 'uploaded' ? `${t('period.uploadedPlan')}: ${plan.name}` : plan.name })),
      el('option', { value: 'none', text: t('period.noTargets') }),
    );
    select.value = [...select.options].some((option) => option.value === chosen) ? chosen : 'none';
  }
}

async function compute(event) {
  event.preventDefault();
  showError('compute-error', null);
  const button = $('compute');
  busy(button, true);
  try {
    state.result = await working('compute-status', 'working.compute', () => api('POST', '/api/compute', { ...periodQuery(), unit: $('unit').value, targets: $('targets').value, baseline: $('baseline').value }));
    showError('report-error', null);
    $('notice').hidden = true;
    state.explanation = null;
    state.report = null;
    // The accounting after placing the rows on the units: rows rejected then are counted too.
    if (state.result.data) {
      state.data = state.result.data;
      drawData();
    }
    drawResult();
    drawExplanation();
    drawReport();
    // The form typed for this unit and period before, if any (kept in the browser).
    restoreFormFor(state.result.unit.code, state.result.period.id);
    $('ket-qua').scrollIntoView({ block: 'start' });
  } catch (error) {
    showError('compute-error', error);
  } finally {
    busy(button, false);
  }
}

// ------------------------------------------------------------------ 3. results

/** The word after a count ("67 em", "1 child"), by the indicator's unit of count (indicators/*.yaml). */
const countWord = (unitOfCount, n) => t(`count.${unitOfCount}${n === 1 ? '.one' : ''}`);

/** A rate with the count it is made of: "339,4 (67 em)"; `indicator` gives the ratio and the word of the count. */
function figureText(figure, indicator) {
  if (!figure) return '–';
  if (figure.noData) return t('results.noData');
  if (figure.value === null) return '–';
  const ratio = indicator?.ratio;
  const count = ratio && figure.numerator !== null ? ` (${number(figure.numerator)} ${countWord(indicator.unitOfCount, figure.numerator)})` : '';
  return `${number(figure.value, ratio ? 1 : 0)}${figure.approximate ? '*' : ''}${count}`;
}

/** A change: of a count with its percent; of a percentage in percentage points; of a rate per 100,000 as "per 100,000" (never "points"). */
function changeText(now, last, indicator) {
  if (!now || !last || now.noData || last.noData || now.value === null || last.value === null) return { text: '–', cls: '' };
  const ratio = indicator?.ratio;
  const diff = now.value - last.value;
  const sign = diff > 0 ? '+' : diff < 0 ? '−' : '±';
  const pct = !ratio && last.value !== 0 ? ` (${sign}${number(Math.abs((diff / last.value) * 100), 1)}%)` : '';
  const factor = indicator?.factor ?? 100;
  const scale = !ratio ? '' : indicator.percentage ? ` ${t('change.points')}` : ` ${t('change.per')} ${number(factor)}`;
  return { text: `${sign}${number(Math.abs(diff), ratio ? 1 : 0)}${scale}${pct}`, cls: diff > 0 ? 'up' : diff < 0 ? 'down' : '' };
}

function figureButton(figure, definition, indicator, unit, label, breakdown) {
  const text = figureText(figure, definition);
  if (!figure || figure.noData) return el('span', { text });
  const key = explanationKey(indicator, unit, breakdown ?? {});
  return el('button', { type: 'button', class: 'figure', title: t('results.explainHint'), 'aria-label': `${text} — ${label}`, 'data-explain': key, onclick: (event) => explain(indicator, unit, breakdown ?? {}, event.currentTarget) }, text);
}

/** Hooks other views (charts…) register to draw under the tables from the same result. */
export const resultViews = [];

function drawResult() {
  const result = state.result;
  $('results').hidden = !result;
  $('results-empty').hidden = Boolean(result);
  if (!result) return;
  const base = result.baselinePeriod ? t('results.comparedWith', { period: m(result.baselinePeriod.label) }) : '';
  $('results-caption').textContent = `${result.unit.fullName} · ${m(result.period.label)} (${result.period.id})${base}`;
  // The files of `chitieu compute --out x.xlsx` / `--out x.json`; the JSON is next year's baseline file.
  $('results-xlsx').href = withTab(`/download/results.xlsx?lang=${lang}`);
  $('results-json').href = withTab(`/download/results.json?lang=${lang}`);
  const partial = $('results-completeness');
  partial.hidden = !result.completeness;
  partial.textContent = m(result.completeness);
  const placement = $('results-placement');
  placement.hidden = result.placement.length === 0;
  fill(placement, ...result.placement.map((note) => el('p', { text: m(note) })));
  drawTargets(result);
  const unitSelect = $('indicator-unit');
  const chosenUnit = unitSelect.value && result.units.some((unit) => unit.code === unitSelect.value) ? unitSelect.value : result.unit.code;
  unitSelect.replaceChildren(...result.units.map((unit) => el('option', { value: unit.code, text: `${unit.name} (${unit.code})` })));
  unitSelect.value = chosenUnit;
  drawFigures();
  const indicatorSelect = $('unit-indicator');
  const chosenIndicator = indicatorSelect.value || result.indicators[0]?.code;
  indicatorSelect.replaceChildren(...result.indicators.map((indicator) => el('option', { value: indicator.code, text: `${indicator.code} ${m(indicator.name)}` })));
  indicatorSelect.value = chosenIndicator;
  $('units-view').hidden = result.units.length < 2;
  drawByUnit();
  const extensions = $('extensions');
  fill(extensions);
  for (const view of resultViews) view(extensions, result, { lang, m, number });
}

function drawTargets(result) {
  const box = $('targets-view');
  if (result.targets.length === 0) {
    fill(box);
    return;
  }
  fill(box,
    el('h3', { text: t('results.targets') }),
    el(
      'ul',
      { class: 'targets' },
      ...result.targets.map((target) =>
        el(
          'li',
          {},
          el('span', { class: `status ${target.status}`, text: m(target.statusLabel) }),
          el('span', {}, `${target.target} (${target.indicator})`, targetFigures(result, target)),
          target.note ? el('span', { class: 'detail', text: target.note }) : null,
        ),
      ),
    ),
  );
}

/**
 * A target's figures as the table shows them: a reduction's counts with the rate of the row
 * beside them ("kỳ này 3 em (15,2)"), a coverage target's percentage with its count.
 */
function targetFigures(result, target) {
  if (target.current === null) return '';
  const indicator = result.indicators.find((candidate) => candidate.code === target.indicator);
  const row = result.rows.find((candidate) => candidate.indicator === target.indicator && candidate.unit === target.unit);
  const word = (n) => (indicator ? ` ${countWord(indicator.unitOfCount, n)}` : '');
  const rate = (figure) => (indicator?.ratio && figure && !figure.noData && figure.value !== null ? ` (${number(figure.value, 1)})` : '');
  if (target.baseline !== null) {
    return ` — ${t('targets.now')} ${number(target.current)}${word(target.current)}${rate(row?.now)}, ${t('targets.last')} ${number(target.baseline)}${word(target.baseline)}${rate(row?.last)}`;
  }
  return ` — ${t('targets.result')} ${figureText(row?.now ?? { value: target.current, numerator: null }, indicator)}`;
}

function drawFigures() {
  parkExplanation();
  const result = state.result;
  const unit = $('indicator-unit').value;
  const unitName = result.units.find((candidate) => candidate.code === unit)?.name ?? unit;
  const rows = new Map(result.rows.filter((row) => row.unit === unit).map((row) => [row.indicator, row]));
  const body = $('figures').tBodies[0];
  const out = [];
  let group = '';
  for (const indicator of result.indicators) {
    const row = rows.get(indicator.code);
    if (!row) continue;
    if (m(indicator.group) !== group) {
      group = m(indicator.group);
      out.push(el('tr', { class: 'group' }, el('td', { colspan: '5', text: group })));
    }
    const change = changeText(row.now, row.last, indicator);
    const label = `${indicator.code} ${m(indicator.name)}, ${unitName}`;
    const breakdownButton = indicator.breakdowns.length
      ? el('button', { type: 'button', class: 'link-button', 'aria-expanded': 'false', onclick: (event) => toggleBreakdowns(event.currentTarget, indicator, unit) }, t('results.breakdowns'))
      : null;
    out.push(
      el(
        'tr',
        { 'data-indicator': indicator.code },
        el('td', {}, el('span', { class: 'code', text: indicator.code }), ' ', m(indicator.name)),
        el('td', { class: 'num' }, figureButton(row.now, indicator, indicator.code, unit, label)),
        el('td', { class: 'num', text: result.baselinePeriod ? figureText(row.last, indicator) : '–' }),
        el('td', { class: `num ${change.cls}`, text: change.text }),
        el('td', {}, breakdownButton),
      ),
    );
  }
  fill(body, ...out);
}

async function toggleBreakdowns(button, indicator, unit) {
  parkExplanation();
  const row = button.closest('tr');
  const open = button.getAttribute('aria-expanded') === 'true';
  let next = row.nextElementSibling;
  while (next && next.classList.contains('breakdown')) {
    const after = next.nextElementSibling;
    next.remove();
    next = after;
  }
  button.setAttribute('aria-expanded', open ? 'false' : 'true');
  button.textContent = open ? t('results.breakdowns') : t('results.hideBreakdowns');
  if (open) return placeExplanation();
  const { rows } = await api('GET', `/api/breakdowns?${new URLSearchParams({ indicator: indicator.code, unit })}`);
  const cells = rows.map((entry) => {
    const change = changeText(entry.now, entry.last, indicator);
    return el(
      'tr',
      { class: 'breakdown sheet' },
      el('td', { text: m(entry.label) }),
      el('td', { class: 'num' }, figureButton(entry.now, indicator, indicator.code, unit, `${indicator.code} ${m(entry.label)}`, entry.breakdown)),
      el('td', { class: 'num', text: state.result.baselinePeriod ? figureText(entry.last, indicator) : '–' }),
      el('td', { class: `num ${change.cls}`, text: change.text }),
      el('td'),
    );
  });
  row.after(...cells);
  placeExplanation();
}

function drawByUnit() {
  parkExplanation();
  const result = state.result;
  const code = $('unit-indicator').value;
  const indicator = result.indicators.find((candidate) => candidate.code === code);
  if (!indicator) return;
  const rows = result.rows.filter((row) => row.indicator === code);
  fill($('by-unit').tBodies[0],
    ...result.units.map((unit) => {
      const row = rows.find((candidate) => candidate.unit === unit.code);
      const change = changeText(row?.now, row?.last, indicator);
      return el(
        'tr',
        {},
        el('td', { text: `${unit.name} (${unit.code})` }),
        el('td', { class: 'num' }, figureButton(row?.now, indicator, code, unit.code, `${code} ${unit.name}`)),
        el('td', { class: 'num', text: result.baselinePeriod ? figureText(row?.last, indicator) : '–' }),
        el('td', { class: `num ${change.cls}`, text: change.text }),
      );
    }),
  );
}

async function explain(indicator, unit, breakdown, button) {
  try {
    state.explanation = await working('explain-status', 'working.explain', () => api('POST', '/api/explain', { indicator, unit, breakdown }));
    state.explainFrom = { key: explanationKey(indicator, unit, breakdown), table: button?.closest('table')?.id ?? 'figures' };
    drawExplanation();
    $('explain').focus({ preventScroll: true });
    $('explain').scrollIntoView({ block: 'nearest' });
  } catch (error) {
    showError('compute-error', error);
  }
}

// The explanation opens in a row under the figure clicked, and "Đóng" returns there (#18).
const explanationKey = (indicator, unit, breakdown) => JSON.stringify([indicator, unit, breakdown]);

/** The figure button the explanation belongs to, in the table it was clicked in (after a re-draw too). */
function explainedButton() {
  const from = state.explainFrom;
  if (!from) return null;
  return [...document.querySelectorAll(`#${from.table} button.figure`)].find((button) => button.dataset.explain === from.key) ?? null;
}

/** Back to its place under the results, before a table it sits in is drawn again. */
function parkExplanation() {
  const box = $('explain');
  if (box.parentElement !== $('explain-home')) $('explain-home').append(box);
  for (const row of document.querySelectorAll('tr.explain-row')) row.remove();
}

function placeExplanation() {
  parkExplanation();
  const button = state.explanation ? explainedButton() : null;
  if (!button) return;
  const row = button.closest('tr');
  const columns = row.closest('table').tHead.rows[0].cells.length;
  row.after(el('tr', { class: 'explain-row' }, el('td', { colspan: String(columns) }, $('explain'))));
}

function closeExplanation() {
  const button = explainedButton();
  state.explanation = null;
  drawExplanation();
  state.explainFrom = null;
  button?.focus();
}

/**
 * Runs an action and, when it takes over half a second, says what it is doing and for how
 * long in the line `statusId` (a report takes seconds: the person sees it has not stalled).
 */
async function working(statusId, key, run) {
  const line = $(statusId);
  const started = performance.now();
  const show = () => {
    line.hidden = false;
    line.textContent = t(key, { seconds: number(Math.floor((performance.now() - started) / 1000)) });
  };
  let ticking;
  const waiting = setTimeout(() => {
    show();
    ticking = setInterval(show, 1000);
  }, 500);
  try {
    return await run();
  } finally {
    clearTimeout(waiting);
    clearInterval(ticking);
    line.hidden = true;
  }
}

function keysBlock(title, keys) {
  if (!keys) return null;
  return el(
    'div',
    {},
    el('h3', { text: `${title} — ${m(keys.label)} (${number(keys.count)})` }),
    el('p', { class: 'keys', text: keys.shown.map(m).join(', ') + (keys.count > keys.shown.length ? t('explain.more', { count: number(keys.count - keys.shown.length) }) : '') }),
  );
}

function drawExplanation() {
  const x = state.explanation;
  const box = $('explain');
  box.hidden = !x;
  if (!x) {
    fill(box);
    return placeExplanation();
  }
  const split = Object.entries(x.breakdown).map(([key, value]) => `${key}=${value}`).join(', ');
  const numeratorLabel = t('explain.numerator');
  const denominatorLabel = t('explain.denominator');
  fill(box,
    // "Đóng" at the top: the lists of keys below can be long.
    el('div', { class: 'explain-head' }, el('h3', { text: `${x.indicator} ${m(x.name)}${x.modelled ? t('explain.modelled') : ''}` }), el('button', { type: 'button', class: 'secondary', onclick: closeExplanation }, t('explain.close'))),
    el('p', { text: `${x.unit.name} (${x.unit.code}) — ${x.period.id} (${x.period.from} – ${x.period.to})${split ? ` — ${split}` : ''}` }),
    el('p', {}, el('strong', { text: `${t('explain.rule')}: ` }), m(x.rule)),
    el('p', {}, el('strong', { text: `${numeratorLabel}: ` }), `${m(x.numeratorRule)} = ${x.figure.noData ? '–' : number(x.figure.numerator)}`),
    x.denominatorRule ? el('p', {}, el('strong', { text: `${denominatorLabel}: ` }), `${m(x.denominatorRule)} = ${x.figure.noData ? '–' : number(x.figure.denominator)}`) : null,
    el('p', {}, el('strong', { text: `${t('explain.value')}: ` }), figureText(x.figure, { ratio: x.ratio, unitOfCount: x.unitOfCount })),
    x.notes ? el('p', { class: 'hint', text: m(x.notes) }) : null,
    el('p', { class: 'privacy', role: 'note', text: m(x.notice) }),
    keysBlock(numeratorLabel, x.numerator),
    keysBlock(denominatorLabel, x.denominator),
  );
  placeExplanation();
}

// ------------------------------------------------------------------ 4. report

function drawNarrative() {
  const box = $('narrative');
  const values = Object.fromEntries([...box.querySelectorAll('textarea')].map((area) => [area.name, area.value]));
  fill(box,
    ...state.narrative.map((section) =>
      el('div', { class: 'field' }, el('label', { for: `n-${section.key}`, text: m(section.label) }), el('textarea', { id: `n-${section.key}`, name: section.key, rows: '2' })),
    ),
  );
  for (const area of box.querySelectorAll('textarea')) area.value = values[area.name] ?? '';
}

function fillSettings(settings) {
  if (!settings) return;
  for (const [key, value] of Object.entries(settings)) {
    const input = $(`s-${key}`);
    if (input) input.value = value;
  }
}

/**
 * The report form follows the unit (#18 item 3): what was typed for that unit and period (kept in
 * this browser: "work kept" below) or, the first time, the unit's settings file or its name, from
 * the server, with the name its issuing body must hold.
 */
async function loadForm(unitCode, query) {
  if (!unitCode) return;
  if (state.form && state.form.unit.code === unitCode) return;
  try {
    const answer = await api('GET', `/api/form?${new URLSearchParams({ unit: unitCode, ...query })}`);
    state.form = { ...answer, period: query.period ?? '' };
    const typed = savedForm(formKey(unitCode, state.form.period));
    if (typed) writeForm(typed);
    else fillSettings(answer.form);
    drawForm();
  } catch (error) {
    showError('report-error', error);
  }
}

const folded = (text) => text.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ');

function drawForm() {
  const form = state.form;
  $('form-unit').hidden = !form;
  $('form-note').hidden = !form;
  if (!form) return;
  $('form-unit').textContent = `${t('form.unit')}: ${form.unit.name} (${form.unit.code})`;
  $('form-note').textContent = m(form.note);
  checkIssuingBody();
}

/** The warning when the issuing body typed does not name the unit the form is for. */
function checkIssuingBody() {
  const box = $('form-warning');
  const form = state.form;
  const given = `${$('s-issuingBody').value} ${$('s-parentBody').value}`;
  const wrong = form && given.trim() !== '' && !folded(given).includes(folded(form.bodyName));
  box.hidden = !wrong;
  box.textContent = wrong ? t('form.mismatch', { unit: form.bodyName }) : '';
}

async function makeReport(event) {
  event.preventDefault();
  showError('report-error', null);
  const button = $('make-report');
  busy(button, true);
  try {
    // The report is the computed unit's: its form (as typed for it), even after Tổng hợp showed another's.
    if (state.result) await loadForm(state.result.unit.code, { period: state.result.period.id });
    const { settings, narrative, suppress } = readForm();
    state.report = await working('report-status', 'working.report', () => api('POST', '/api/report', { settings, narrative, suppress: suppress.on ? Number(suppress.k) : null }));
    drawReport();
  } catch (error) {
    showError('report-error', error);
  } finally {
    busy(button, false);
  }
}

function drawReport() {
  $('report-links').hidden = !state.report;
  $('report-warning').hidden = !state.report?.warning;
  $('report-warning').textContent = m(state.report?.warning);
  if (state.report) $('report-name').textContent = t('report.made', { name: state.report.name });
}

// ------------------------------------------------------------------ 4b. work kept in the browser (#18)
//
// The report form and the narrative are saved in this browser as they are typed, per unit and
// period ("chitieu-form:<unit>|<period>", shared by the browser's tabs), and the tab's last one
// ("chitieu-form:last", in the tab's sessionStorage) comes back after a reload even before any
// data is read. Both can be downloaded and uploaded as the
// YAML files the command line takes (--settings, --narrative).

const FORM_PREFIX = 'chitieu-form:';

/** The unit and period the form belongs to: the computed run's, else the choices of section 2. */
function formPlace() {
  // The unit the form was last filled for (the computed one, or the roll-up's in Tổng hợp).
  if (state.form) {
    const computed = state.result?.unit.code === state.form.unit.code;
    return { unit: state.form.unit.code, period: computed ? state.result.period.id : state.form.period };
  }
  return { unit: state.result?.unit.code ?? $('unit').value ?? '', period: state.result?.period.id ?? $('period').value ?? '' };
}

function readForm() {
  return {
    settings: Object.fromEntries([...document.querySelectorAll('[id^="s-"]')].map((input) => [input.name, input.value])),
    narrative: Object.fromEntries([...$('narrative').querySelectorAll('textarea')].map((area) => [area.name, area.value])),
    suppress: { on: $('suppress').checked, k: $('suppress-k').value },
  };
}

function writeForm(form) {
  fillSettings(form.settings);
  fillNarrative(form.narrative);
  if (form.suppress) {
    $('suppress').checked = Boolean(form.suppress.on);
    $('suppress-k').value = form.suppress.k ?? '3';
  }
}

function fillNarrative(narrative) {
  if (!narrative) return;
  for (const area of $('narrative').querySelectorAll('textarea')) {
    if (!(area.name in narrative)) continue;
    area.value = narrative[area.name] ?? '';
    // Tall enough to read what was filled in (a paragraph is a long line).
    area.rows = Math.min(8, Math.max(2, Math.ceil(area.value.length / 90) + area.value.split('\n').length - 1));
  }
  // Text typed before is shown, not folded away.
  if (Object.values(narrative).some((text) => text && text.trim() !== '')) $('narrative-box').open = true;
}

const formKey = (unit, period) => `${FORM_PREFIX}${unit}|${period}`;

function savedForm(key, store = localStorage) {
  try {
    const saved = JSON.parse(store.getItem(key) ?? 'null');
    return saved && typeof saved === 'object' && saved.settings ? saved : null;
  } catch {
    return null;
  }
}

function saveForm() {
  const place = formPlace();
  const entry = JSON.stringify({ ...readForm(), ...place, saved: new Date().toISOString() });
  // The tab's own last form: another tab typing never changes what this one restores.
  sessionStorage.setItem(`${FORM_PREFIX}last`, entry);
  if (place.unit && place.period) localStorage.setItem(formKey(place.unit, place.period), entry);
  drawFormNote();
}

/**
 * After a computation: that unit and period's form as it was typed. For a unit and period not
 * typed for yet, the settings stay and the narrative, which belongs to a period, is emptied;
 * the last period's can be carried over with one button.
 */
function restoreFormFor(unit, period) {
  const saved = savedForm(formKey(unit, period));
  const last = savedForm(`${FORM_PREFIX}last`, sessionStorage);
  if (saved) writeForm(saved);
  else if (last && (last.unit !== unit || last.period !== period)) fillNarrative(Object.fromEntries(state.narrative.map((section) => [section.key, ''])));
  $('narrative-note').hidden = true;
  drawFormNote();
  return Boolean(saved);
}

/** The most recently saved form of the same unit for another period: the narrative to carry on. */
function previousForm() {
  const { unit, period } = formPlace();
  if (!unit) return null;
  const entries = [];
  for (let i = 0; i < localStorage.length; i += 1) {
    const key = localStorage.key(i);
    if (!key?.startsWith(formKey(unit, ''))) continue;
    const saved = savedForm(key);
    if (saved && saved.period !== period && Object.values(saved.narrative ?? {}).some((text) => text.trim() !== '')) entries.push(saved);
  }
  return entries.sort((a, b) => (a.saved < b.saved ? 1 : -1))[0] ?? null;
}

function carryNarrative() {
  const previous = previousForm();
  if (!previous) return;
  fillNarrative(previous.narrative);
  $('narrative-box').open = true;
  saveForm();
  const note = $('narrative-note');
  note.hidden = false;
  note.textContent = t('narrative.carried', { period: previous.period });
}

function drawFormNote() {
  const { unit, period } = formPlace();
  const note = $('form-saved');
  note.hidden = !(unit && period);
  note.textContent = t('report.savedHere', { unit: state.result?.unit.fullName ?? $('unit').selectedOptions[0]?.textContent.trim() ?? unit, period });
  // Offered while this period's narrative is still empty.
  const previous = Object.values(readForm().narrative).every((text) => text.trim() === '') ? previousForm() : null;
  $('narrative-carry').hidden = !previous;
  if (previous) $('narrative-carry').textContent = t('narrative.carry', { period: previous.period });
}

/** The form as a YAML file: the server writes it, the browser downloads it like the report. */
async function downloadYaml(path, body) {
  const { href } = await api('POST', path, body);
  const link = el('a', { href: withTab(href), download: '' });
  document.body.append(link);
  link.click();
  link.remove();
}

function wireWorkKept() {
  $('report-form').addEventListener('input', saveForm);
  $('report-form').addEventListener('change', saveForm);
  $('narrative-carry').addEventListener('click', carryNarrative);
  $('settings-download').addEventListener('click', () => downloadYaml('/api/settings/yaml', { settings: readForm().settings }).catch((error) => showError('report-error', error)));
  $('narrative-download').addEventListener('click', () => downloadYaml('/api/narrative/yaml', { narrative: readForm().narrative }).catch((error) => showError('report-error', error)));
  $('narrative-file').addEventListener('change', (event) =>
    uploadOne(event.target, '/api/narrative', (answer) => {
      // Read into the boxes: the file chooser does not keep naming it.
      event.target.value = '';
      fillNarrative(Object.fromEntries(state.narrative.map((section) => [section.key, answer.narrative[section.key] ?? ''])));
      $('narrative-box').open = true;
      saveForm();
    }),
  );
}

/** After a reload: the tab's last computation and report, with the choices they were made with. */
async function restoreResult() {
  const answer = await api('GET', '/api/result');
  if (!answer.result || !state.data) return;
  const { request } = answer;
  if ([...$('period').options].some((option) => option.value === request.period)) $('period').value = request.period;
  else if (request.from && request.to) {
    $('period').value = 'custom';
    $('from').value = request.from;
    $('to').value = request.to;
  }
  for (const field of document.querySelectorAll('.custom-dates')) field.hidden = $('period').value !== 'custom';
  state.unitChosen = request.unit;
  await loadUnits();
  $('targets').value = request.targets;
  $('baseline').value = request.baseline;
  state.result = answer.result;
  state.data = answer.result.data ?? state.data;
  state.report = answer.report;
  drawData();
  drawResult();
  drawReport();
  restoreFormFor(answer.result.unit.code, answer.result.period.id);
}

// ------------------------------------------------------------------ 5. roll-up

async function uploadAnnexes(files) {
  showError('aggregate-error', null);
  state.aggregate = null;
  drawAggregate();
  if (files.length === 0) return;
  const form = new FormData();
  for (const file of files) form.append('files', file, file.name);
  try {
    state.annexes = await working('aggregate-status', 'working.annexes', () => api('POST', '/api/annexes', form));
    $('aggregate-unit').value = '';
  } catch (error) {
    state.annexes = null;
    showError('aggregate-error', error);
  }
  drawAnnexes();
  if (state.annexes) await loadForm($('aggregate-unit').value, { period: $('aggregate-period').value });
}

function drawAnnexes() {
  const info = state.annexes;
  $('aggregate-form').hidden = !info;
  if (!info) return;
  const unit = $('aggregate-unit');
  const chosen = unit.value;
  fill(unit, ...info.units.map((entry) => el('option', { value: entry.code, text: `${entry.name} (${entry.code})` })));
  // The unit the annexes belong to (their district, or the province), until the person picks another.
  unit.value = chosen && info.units.some((entry) => entry.code === chosen) ? chosen : info.defaultUnit ?? unit.value;
  const period = $('aggregate-period');
  fill(period, ...info.periods.map((id) => el('option', { value: id, text: id })));
}

async function aggregate(event) {
  event.preventDefault();
  showError('aggregate-error', null);
  const button = $('aggregate');
  busy(button, true);
  try {
    await loadForm($('aggregate-unit').value, { period: $('aggregate-period').value });
    // The same form, narrative and small-count option as the unit's report.
    const { settings, narrative, suppress } = readForm();
    state.aggregate = await working('aggregate-status', 'working.aggregate', () =>
      api('POST', '/api/aggregate', { unit: $('aggregate-unit').value, period: $('aggregate-period').value, targets: $('aggregate-targets').value, settings, narrative, suppress: suppress.on ? Number(suppress.k) : null }),
    );
  } catch (error) {
    state.aggregate = null;
    showError('aggregate-error', error);
  } finally {
    busy(button, false);
  }
  drawAggregate();
}

function drawAggregate() {
  const result = state.aggregate;
  $('aggregate-view').hidden = !result;
  if (!result) return;
  $('aggregate-summary').textContent = t('aggregate.summary', { count: number(result.summed), unit: result.unit.fullName });
  $('aggregate-warning').hidden = !result.warning;
  $('aggregate-warning').textContent = m(result.warning);
  const missing = result.missing.map((unit) => `${unit.name} (${unit.code})`).join(', ');
  $('aggregate-missing').textContent = result.missing.length === 0
    ? t('aggregate.allSent')
    : t('aggregate.missing', { count: number(result.missing.length), units: missing });
  if (result.completeness) $('aggregate-missing').textContent += ` ${m(result.completeness)}`;
  $('aggregate-missing').className = result.missing.length || result.completeness ? 'error' : 'ok';
  fill($('aggregate-warnings'), ...result.warnings.map((warning) => el('li', { text: m(warning) })));
}

// ------------------------------------------------------------------ wiring

async function uploadOne(input, path, done) {
  const file = input.files[0];
  if (!file) return;
  const form = new FormData();
  form.append('file', file, file.name);
  try {
    done(await api('POST', path, form));
    showError('compute-error', null);
  } catch (error) {
    showError(['/api/settings', '/api/narrative'].includes(path) ? 'report-error' : 'compute-error', error);
  }
}

async function clearAll() {
  await api('DELETE', '/api/data');
  resetAfterData();
  state.periods = [];
  state.annexes = null;
  state.aggregate = null;
  state.plans = state.plans.filter((plan) => plan.id !== 'uploaded');
  state.files = [];
  state.coverage = null;
  drawFiles();
  for (const error of ['compute-error', 'report-error', 'aggregate-error', 'mapping-error']) showError(error, null);
  for (const input of document.querySelectorAll('input[type=file]')) input.value = '';
  $('village-map-status').hidden = true;
  $('data-view').hidden = true;
  $('progress').hidden = true;
  showError('data-error', null);
  state.mapping = null;
  state.savedProfiles = {};
  $('mapping-name').value = '';
  drawMapping();
  await loadProfiles();
  drawPeriods();
  drawPlans();
  drawAnnexes();
  drawAggregate();
  const notice = $('notice');
  notice.textContent = t('clear.done');
  notice.hidden = false;
}

async function init() {
  // The fixed download links of index.html name this tab too.
  for (const link of document.querySelectorAll('a[href^="/download/"]')) link.href = withTab(link.getAttribute('href'));
  $('lang').addEventListener('click', () => {
    lang = OTHER[lang];
    localStorage.setItem('chitieu-lang', lang);
    applyLanguage();
  });
  // "Xóa dữ liệu" asks once before it deletes.
  $('clear').addEventListener('click', () => $('clear-dialog').showModal());
  $('clear-cancel').addEventListener('click', () => $('clear-dialog').close());
  $('clear-confirm').addEventListener('click', async () => {
    $('clear-dialog').close();
    await clearAll();
    $('clear').focus();
  });
  for (const id of ['files', 'more-files']) {
    $(id).addEventListener('change', async (event) => {
      const files = [...event.target.files];
      // Cleared at once: the same file can be chosen again (a commune's corrected file).
      event.target.value = '';
      await upload(files);
    });
  }
  $('sample').addEventListener('click', () =>
    startReading(async () => {
      const answer = await api('POST', '/api/data/sample');
      // The sample's plan and narrative, as the demo uses them; the form comes with the unit.
      state.planChosen = answer.sample.targets;
      for (const area of $('narrative').querySelectorAll('textarea')) if (area.value.trim() === '') area.value = answer.sample.narrative[area.name] ?? '';
      return answer;
    }),
  );
  const drop = $('drop');
  drop.addEventListener('dragover', (event) => {
    event.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (event) => {
    event.preventDefault();
    drop.classList.remove('over');
    upload([...event.dataTransfer.files]);
  });
  $('period').addEventListener('change', () => {
    state.periodChosen = $('period').value;
    for (const field of document.querySelectorAll('.custom-dates')) field.hidden = $('period').value !== 'custom';
    loadUnits();
  });
  $('unit').addEventListener('change', () => {
    state.unitChosen = $('unit').value;
    drawPlans();
    loadCoverage();
    loadForm($('unit').value, periodQuery()).then(drawFormNote);
  });
  $('targets').addEventListener('change', () => (state.planChosen = $('targets').value));
  $('s-issuingBody').addEventListener('input', checkIssuingBody);
  $('s-parentBody').addEventListener('input', checkIssuingBody);
  $('aggregate-unit').addEventListener('change', () => loadForm($('aggregate-unit').value, { period: $('aggregate-period').value }));
  $('from').addEventListener('change', loadUnits);
  $('to').addEventListener('change', loadUnits);
  $('compute-form').addEventListener('submit', compute);
  $('indicator-unit').addEventListener('change', drawFigures);
  $('unit-indicator').addEventListener('change', drawByUnit);
  $('targets-file').addEventListener('change', (event) =>
    uploadOne(event.target, '/api/targets', (plan) => {
      state.plans = [...state.plans.filter((entry) => entry.id !== 'uploaded'), { id: 'uploaded', name: plan.name }];
      state.planChosen = 'uploaded';
      drawPlans();
    }),
  );
  $('baseline-file').addEventListener('change', (event) => uploadOne(event.target, '/api/baseline', () => ($('baseline').value = 'file')));
  $('village-map-file').addEventListener('change', (event) =>
    uploadOne(event.target, '/api/village-map', (answer) => {
      const status = $('village-map-status');
      status.hidden = false;
      status.textContent = t('period.villageMapLoaded', { villages: number(answer.villages), communes: number(answer.communes) });
    }),
  );
  $('settings-file').addEventListener('change', (event) => uploadOne(event.target, '/api/settings', (answer) => fillSettings(answer.settings)));
  $('report-form').addEventListener('submit', makeReport);
  $('profile').addEventListener('change', async (event) => {
    try {
      await afterProfileChange(await api('POST', '/api/profiles/choice', { choice: event.target.value }));
    } catch (error) {
      showError('data-error', error);
    }
  });
  $('profile-file').addEventListener('change', async (event) => {
    const file = event.target.files[0];
    if (!file) return;
    const form = new FormData();
    form.append('file', file, file.name);
    try {
      showError('data-error', null);
      await afterProfileChange(await api('POST', '/api/profiles', form));
    } catch (error) {
      showError('data-error', error);
    }
  });
  $('mapping-apply').addEventListener('click', applyMapping);
  $('made-profile-save').addEventListener('click', saveMadeProfile);
  $('annexes').addEventListener('change', (event) => uploadAnnexes([...event.target.files]));
  $('aggregate-form').addEventListener('submit', aggregate);
  wireWorkKept();

  await loadProfiles();
  const options = await api('GET', '/api/options');
  state.plans = options.plans;
  state.narrative = options.narrative;
  fillSettings(options.settings);
  $('version').textContent = `chitieu ${options.version}`;
  applyLanguage();
  // The form as last typed in this browser (over `serve --settings`): a reload loses nothing typed.
  const last = savedForm(`${FORM_PREFIX}last`, sessionStorage);
  if (last) writeForm(last);
  // A reload keeps what the server already read and computed for this tab.
  const status = await api('GET', '/api/data');
  if (status.state !== 'empty') {
    $('progress').hidden = false;
    await poll();
    await restoreResult();
  }
  drawFormNote();
}

init().catch((error) => showError('data-error', error));

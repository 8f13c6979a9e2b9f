/*
 * Nastavnik: what locales/ru.json cannot do for Camunda Tasklist 7.24 on its own.
 *
 * Listed in scripts/config.js as customScripts: ['scripts/nastavnik-ru']. Tasklist 7.24 turns each entry into
 * import(appRoot + '/app/tasklist/' + entry + '.js?bust=7.24.0') (camunda-tasklist-bootstrap.js, module 75184)
 * and waits for all of them before angular.bootstrap(), so this is an ES module that runs before the first
 * screen (the login page included). It exports nothing: it is not a Tasklist plugin.
 *
 * 1. Hides the Camunda 7 CE "migrate to Camunda 8" banner, via styles/nastavnik-ru.css (why: see there).
 *    The top-level await keeps AngularJS from starting until the stylesheet is in, so the banner never flashes.
 * 2. Switches moment.js to its bundled Russian locale as soon as AngularJS starts. Tasklist itself does so
 *    only when it receives locales/ru.json: its locale loader (module 86244) calls
 *    moment.defineLocale/updateLocale(key, dateLocales). Relative dates (am-time-ago: "2 дня назад",
 *    "через 3 дня") rendered before that answer would stay English for up to an hour, because
 *    angular-moment refreshes old dates only hourly.
 *    It also makes a lone "MMMM" genitive: the task history shows a date as three stacked parts
 *    (camDate:'day', camDate:'monthName', year), and "22 ноября 2026" reads right where the stand-alone
 *    "22 ноябрь 2026" does not. JSON (ru.json) cannot carry this rule: it is a RegExp.
 * 3. Gives AngularJS's $locale Russian month and day names and Monday as the first day of the week:
 *    the due date / follow-up date pickers (uib-datepicker) use $locale, not moment, and Tasklist ships
 *    only the en-us $locale.
 * 4. Camunda Forms (form-js 1.8, lib/deps.js module 11306) have no i18n: validation messages, the select
 *    placeholder and the date placeholder are English literals in the bundle. Tasklist creates the form
 *    itself (new Form({container}), no additionalModules), so no form-js service can be swapped; the texts
 *    are replaced in the DOM, inside .fjs-container only. The same goes for the English prefix the engine
 *    REST API puts before our server-side form errors ("Cannot submit task form <id>: "), which Tasklist
 *    shows in its .notifications.
 * 5. The form-js date picker is flatpickr 4.6.13 (lib/deps.js module 11731), which assigns itself to
 *    window.flatpickr when Tasklist's form directive loads, i.e. before this script. form-js does not pass a
 *    locale, so flatpickr.localize() reaches every picker; the date format is forced to dd.mm.yyyy.
 *    flatpickr's own parser is lenient: it reads "2026-11-28" against d.m.Y as some other date and rolls
 *    impossible dates over (31.02 becomes 03.03), so a typed date is parsed here strictly, and anything else
 *    is refused with a Russian message under the field (the field is then empty, never another date).
 * 6. The product has no tenants, yet the task list's search offers «ID арендатора» and «Без арендатора»
 *    (criteria hard-coded in the bundle's search config, module 23972, with no config.js switch): their
 *    entries are hidden from the search's drop-down as it renders them. Tenant badges: styles/nastavnik-ru.css.
 * 7. form-js keeps the error of a field that a condition hides (see forgetErrorsOfHiddenFields), and Tasklist
 *    keeps «Завершить» disabled while the form reports any error: after a refused completion the button would
 *    stay disabled until a reload.
 * 8. A document link in a form's text (the order's PDF) opens in a new tab, so the task stays open; the link is
 *    clickable before the task is claimed (styles/nastavnik-ru.css).
 */

const STYLESHEET_URL = new URL('../styles/nastavnik-ru.css', import.meta.url).href;

function loadStylesheet(href, timeoutMs) {
  return new Promise((resolve) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.type = 'text/css';
    link.href = href;
    const done = () => resolve(link);
    link.addEventListener('load', done);
    link.addEventListener('error', () => {
      console.error('[nastavnik] could not load ' + href);
      done();
    });
    // Never keep Tasklist from starting because of a stylesheet.
    setTimeout(done, timeoutMs);
    document.head.appendChild(link);
  });
}

// Same values as AngularJS's angular-locale_ru-ru.js (CLDR), with a 24-hour clock throughout.
// moment.js picks months.format (genitive) over months.standalone when this matches the whole format string.
// moment's default is the first alternative ("D MMMM", "D [de] MMMM", ...); the second adds a lone "MMMM".
const MONTH_IN_FORMAT = /D[oD]?(\[[^\[\]]*\]|\s)+MMMM?|^MMMM$/;

const RU_DATETIME_FORMATS = {
  AMPMS: ['AM', 'PM'],
  DAY: ['воскресенье', 'понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота'],
  ERANAMES: ['до Рождества Христова', 'от Рождества Христова'],
  ERAS: ['до н. э.', 'н. э.'],
  FIRSTDAYOFWEEK: 0, // 0 = Monday in AngularJS; uib-datepicker starts its weeks on (FIRSTDAYOFWEEK + 8) % 7
  MONTH: ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня',
    'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'],
  SHORTDAY: ['вс', 'пн', 'вт', 'ср', 'чт', 'пт', 'сб'],
  SHORTMONTH: ['янв.', 'февр.', 'мар.', 'апр.', 'мая', 'июн.',
    'июл.', 'авг.', 'сент.', 'окт.', 'нояб.', 'дек.'],
  STANDALONEMONTH: ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь',
    'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'],
  WEEKENDRANGE: [5, 6],
  fullDate: "EEEE, d MMMM y 'г'.",
  longDate: "d MMMM y 'г'.",
  medium: "d MMM y 'г'. HH:mm:ss",
  mediumDate: "d MMM y 'г'.",
  mediumTime: 'HH:mm:ss',
  short: 'dd.MM.y HH:mm',
  shortDate: 'dd.MM.y',
  shortTime: 'HH:mm'
};

document.documentElement.lang = 'ru';

await loadStylesheet(STYLESHEET_URL, 3000);

const angular = window.angular; // exposed by Tasklist before it imports custom scripts
if (!angular) {
  console.error('[nastavnik] window.angular is missing: Russian dates are not set up');
} else {
  try {
    // 'cam.tasklist' is created before the custom scripts are imported and is bootstrapped right after them;
    // its run blocks run before anything is rendered.
    angular.module('cam.tasklist').run(['$injector', function ($injector) {
      const $locale = $injector.get('$locale');
      Object.assign($locale.DATETIME_FORMATS, RU_DATETIME_FORMATS);
      $locale.id = 'ru-ru';

      if ($injector.has('uibDatepickerConfig')) {
        const datepicker = $injector.get('uibDatepickerConfig');
        // 'LLLL' is the stand-alone month ("март 2025"); 'MMMM' would give the genitive ("марта 2025").
        datepicker.formatDayTitle = 'LLLL yyyy';
        datepicker.formatMonth = 'LLLL';
      }

      if ($injector.has('moment')) {
        // angular-moment's "moment" constant: the same moment instance Tasklist's filters and locale loader use.
        // updateLocale loads moment's bundled "ru" (Russian plural rules, genitive months) if it is not loaded
        // yet, merges into it (or into what ru.json already set), and makes "ru" the default locale.
        $injector.get('moment').updateLocale('ru', { months: { isFormat: MONTH_IN_FORMAT } });
      }
    }]);
  } catch (e) {
    console.error('[nastavnik] could not register the Russian date set-up', e);
  }
}

// The English texts a Camunda Form can show in Tasklist, and their Russian. Anchored: a text changes only
// when the whole text node (or placeholder) is that text.
const FORM_TEXTS = [
  // A failed submit-form (our FormRules, a Russian message) comes back from Camunda's TaskResourceImpl /
  // ProcessDefinitionResourceImpl as "Cannot submit task form <id>: <message>" or
  // "Cannot instantiate process definition <id>: <message>"; the technical prefix is dropped.
  [/^Cannot submit task form \S+: ([\s\S]*)$/, '$1'],
  [/^Cannot instantiate process definition \S+: ([\s\S]*)$/, '$1'],
  // form-js validation (lib/deps.js module 11306: the validator for every field, then the number checks).
  [/^Field is required\.$/, 'Обязательное поле.'],
  // The regexp itself is left out: it means nothing to school staff; the field's description gives an example.
  [/^Field must match pattern [\s\S]*\.$/, 'Неверный формат.'],
  [/^Field must have minimum length of (\d+)\.$/, (_, n) => `Не короче ${n} ${genitive(n, 'символа', 'символов')}.`],
  [/^Field must have maximum length of (\d+)\.$/, (_, n) => `Не длиннее ${n} ${genitive(n, 'символа', 'символов')}.`],
  [/^Field must have minimum value of (.+)\.$/, 'Значение должно быть не меньше $1.'],
  [/^Field must have maximum value of (.+)\.$/, 'Значение должно быть не больше $1.'],
  [/^Field must be a valid email\.$/, 'Введите адрес электронной почты.'],
  [/^Field must be a valid +international phone number\.[\s\S]*$/,
    'Введите номер телефона в международном формате, например +74951234567.'],
  [/^Date and time must both be entered\.$/, 'Укажите и дату, и время.'],
  [/^Value is not a number\.$/, 'Введите число.'],
  [/^Value is expected to be an integer\.$/, 'Введите целое число.'],
  [/^Value is expected to have at most (\d+) decimal digits?\.$/,
    (_, n) => `Не больше ${n} ${genitive(n, 'знака', 'знаков')} после запятой.`],
  [/^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/,
    'Недопустимое значение. Ближайшие допустимые: $1 и $2.'],
  // form-js select components.
  [/^Select$/, 'Выберите значение'], // select without a value
  [/^Search$/, 'Поиск'], // searchable select
  [/^No results$/, 'Ничего не найдено'] // select whose option list is empty
];

// form-js derives the date placeholder from the browser's language ("mm/dd/yyyy", "dd.mm.yyyy"); the
// format is dd.mm.yyyy for everyone (see RU_FLATPICKR_DEFAULTS), so the placeholder is too.
const DATE_PLACEHOLDER = 'дд.мм.гггг';
// Where FORM_TEXTS apply: Camunda Forms, and Tasklist's notifications for their submit errors.
const AREAS = '.fjs-container, .notifications';

// Genitive after "не короче / не длиннее / не больше N": 1, 21, 101 символа; 2, 5, 11, 4000 символов.
function genitive(n, one, many) {
  return n % 10 === 1 && n % 100 !== 11 ? one : many;
}

function toRussian(text) {
  const entry = FORM_TEXTS.find(([english]) => english.test(text));
  return entry ? text.replace(entry[0], entry[1]) : null;
}

function translateTextNode(node) {
  const russian = toRussian(node.data);
  // Change the data of the same node: Preact keeps a reference to it and writes the next message there,
  // which the observer sees again. Replacing the node (textContent) would detach it from Preact.
  if (russian !== null) node.data = russian;
}

function translatePlaceholder(input) {
  const russian = input.matches('.fjs-datepicker .fjs-input') ? DATE_PLACEHOLDER : toRussian(input.placeholder);
  if (russian !== null && input.placeholder !== russian) input.placeholder = russian;
}

function translateTree(node) {
  if (node.nodeType === Node.TEXT_NODE) {
    translateTextNode(node);
    return;
  }
  if (node.nodeType !== Node.ELEMENT_NODE) return;
  const texts = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
  while (texts.nextNode()) translateTextNode(texts.currentNode);
  if (node.matches('input[placeholder]')) translatePlaceholder(node);
  node.querySelectorAll('input[placeholder]').forEach(translatePlaceholder);
}

function inArea(node) {
  const element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
  return Boolean(element && element.closest(AREAS));
}

// The search criteria about tenants, by their texts in locales/ru.json (TENANT_ID, WITHOUT_TENANT_ID).
const HIDDEN_SEARCH_CRITERIA = new Set(['ID арендатора', 'Без арендатора']);

function hideTenantCriteria() {
  document.querySelectorAll('[cam-widget-search] .uib-typeahead-match').forEach((match) => {
    if (HIDDEN_SEARCH_CRITERIA.has(match.textContent.trim())) match.style.display = 'none';
  });
}

// Observer callbacks run before the browser paints, so the English texts are never seen.
new MutationObserver((mutations) => {
  hideTenantCriteria();
  document.querySelectorAll('.fjs-container input.flatpickr-input').forEach((input) => {
    if (refusedDates.has(input) && !input.closest('.fjs-form-field')?.querySelector('.nastavnik-date-error')) {
      renderDateError(input, true);
    }
  });
  for (const mutation of mutations) {
    if (mutation.type !== 'childList') {
      if (inArea(mutation.target)) translateTree(mutation.target);
      continue;
    }
    mutation.addedNodes.forEach((node) => {
      if (inArea(node)) translateTree(node);
      else if (node.nodeType === Node.ELEMENT_NODE) node.querySelectorAll(AREAS).forEach(translateTree);
    });
  }
}).observe(document.documentElement, {
  childList: true,
  subtree: true,
  characterData: true,
  attributes: true,
  attributeFilter: ['placeholder']
});

// flatpickr's Russian: names as in its own l10n/ru.js (not in the bundle), Monday first, and the aria labels
// of the month list and the year field. Merged into flatpickr's "default" locale, which form-js uses.
const RU_FLATPICKR = {
  weekdays: {
    shorthand: ['Вс', 'Пн', 'Вт', 'Ср', 'Чт', 'Пт', 'Сб'],
    longhand: ['Воскресенье', 'Понедельник', 'Вторник', 'Среда', 'Четверг', 'Пятница', 'Суббота']
  },
  months: {
    shorthand: ['Янв', 'Фев', 'Март', 'Апр', 'Май', 'Июнь', 'Июль', 'Авг', 'Сен', 'Окт', 'Ноя', 'Дек'],
    longhand: ['Январь', 'Февраль', 'Март', 'Апрель', 'Май', 'Июнь',
      'Июль', 'Август', 'Сентябрь', 'Октябрь', 'Ноябрь', 'Декабрь']
  },
  firstDayOfWeek: 1,
  monthAriaLabel: 'Месяц',
  yearAriaLabel: 'Год'
};

const RU_FLATPICKR_DEFAULTS = {
  // aria-label of each day; the default "F j, Y" would read "Июнь 5, 2026".
  ariaDateFormat: 'd.m.Y',
  // form-js passes dateFormat from Intl.DateTimeFormat('default'), i.e. the browser's language ("n/j/Y" in
  // an English browser), so a default cannot win; this hook runs after the instance config is merged.
  // The value form-js stores is still ISO (yyyy-MM-dd): it comes from the picked Date, not from the text.
  onParseConfig: (selectedDates, text, picker) => {
    picker.config.dateFormat = 'd.m.Y';
    // Read by flatpickr at each parse, for every string: typed text and form-js's own minDate ("01/01/1900",
    // then simply no lower bound). Only what the user typed gets the message.
    picker.config.parseDate = (value) => {
      const date = parseRussianDate(value);
      if (picker.input && value === picker.input.value) showDateError(picker.input, date === undefined);
      return date;
    };
  },
  // A date picked in the calendar (or typed right) replaces a refused one.
  onValueUpdate: (selectedDates, text, picker) => {
    if (selectedDates.length && picker.input) showDateError(picker.input, false);
  }
};

const RU_DATE = /^(\d{2})\.(\d{2})\.(\d{4})$/;
const DATE_ERROR = 'Введите дату как ДД.ММ.ГГГГ, например 28.11.2026.';

/** dd.mm.yyyy as a date of the calendar, or undefined (flatpickr then selects nothing). */
function parseRussianDate(value) {
  const match = RU_DATE.exec(String(value).trim());
  if (!match) return undefined;
  const [day, month, year] = match.slice(1).map(Number);
  const date = new Date(year, month - 1, day);
  // new Date rolls 31.02 over into March: a date that does not read back the same does not exist.
  const exists = date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day;
  return exists ? date : undefined;
}

/** Date inputs whose typed text was refused, until a date is accepted: their message is kept in place. */
const refusedDates = new WeakSet();

/** Our message under a date field, styled as form-js's own errors (form-js shows none for a refused text). */
function showDateError(input, show) {
  if (show) refusedDates.add(input); else refusedDates.delete(input);
  renderDateError(input, show);
}

/**
 * Puts the message in (or takes it out). Preact, form-js's renderer, drops nodes it did not create when it renders
 * the field again (as when it adds its own "required" error), so the observer below puts ours back.
 */
function renderDateError(input, show) {
  const field = input.closest('.fjs-form-field');
  if (!field) return;
  let error = field.querySelector('.nastavnik-date-error');
  if (show && !error) {
    error = document.createElement('div');
    error.className = 'fjs-form-field-error nastavnik-date-error';
    error.setAttribute('role', 'alert');
    error.textContent = DATE_ERROR;
    field.appendChild(error);
  } else if (!show && error) {
    error.remove();
  }
  input.toggleAttribute('aria-invalid', show);
}

const flatpickr = window.flatpickr;
if (!flatpickr) {
  console.error('[nastavnik] window.flatpickr is missing: the Camunda Forms date picker stays English');
} else {
  flatpickr.localize(RU_FLATPICKR);
  flatpickr.setDefaults(RU_FLATPICKR_DEFAULTS);
}


/*
 * form-js 1.8 re-validates only the field that changed (Form#_update) and drops a field's error nowhere else but
 * in a full validate(). A field hidden by its condition after a refused completion (the director's return comment,
 * once «Утвердить» is chosen) keeps its "Field is required" in the form's errors; Tasklist disables «Завершить»
 * while errors is not empty (its form-js "changed" handler), so the button stayed disabled. When a field's
 * instance goes (form-js unregisters the instances of hidden fields, and validate() checks registered ones only),
 * its error goes too.
 * The Form class is the one Tasklist instantiates: module 57661's Form (camunda-tasklist-bootstrap.js, 7.24.0),
 * reached through the webpack runtime's chunk callback, since the bundle exposes no global for it.
 */
function formJsForm() {
  const chunks = window.webpackChunkcamunda_bpm_webapp;
  if (!chunks) return null;
  let require = null;
  chunks.push([['nastavnik-form-js'], {}, (webpackRequire) => { require = webpackRequire; }]);
  try {
    const Form = require && require(57661).Form;
    return Form && Form.prototype.importSchema && Form.prototype._setState ? Form : null;
  } catch (e) {
    return null;
  }
}

function forgetErrorsOfHiddenFields(Form) {
  const importSchema = Form.prototype.importSchema;
  Form.prototype.importSchema = function (...args) {
    if (!this.nastavnikForgetsHiddenErrors) {
      this.nastavnikForgetsHiddenErrors = true;
      this.on('formFieldInstanceRegistry.changed', ({ instanceId, action }) => {
        const { errors } = this._getState();
        if (action !== 'removed' || !errors || !(instanceId in errors)) return;
        const rest = { ...errors };
        delete rest[instanceId];
        this._setState({ errors: rest });
      });
    }
    return importSchema.apply(this, args);
  };
}

const FormJs = formJsForm();
if (!FormJs) {
  console.error('[nastavnik] form-js Form not found: a hidden field\'s error may keep «Завершить» disabled');
} else {
  forgetErrorsOfHiddenFields(FormJs);
}

// Document links in Camunda Forms (the order's PDF) open beside the task, not instead of it.
function openDocumentsInNewTab(root) {
  root.querySelectorAll('.fjs-form-field-text a[href$=".pdf"]').forEach((link) => {
    link.target = '_blank';
    link.rel = 'noopener';
  });
}

new MutationObserver(() => openDocumentsInNewTab(document))
  .observe(document.documentElement, { childList: true, subtree: true });

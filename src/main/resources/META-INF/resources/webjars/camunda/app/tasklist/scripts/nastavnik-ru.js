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

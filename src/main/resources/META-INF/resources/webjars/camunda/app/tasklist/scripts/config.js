/*
 * Nastavnik: Tasklist configuration for school staff (Russian only).
 *
 * This file replaces the webjar's META-INF/resources/webjars/camunda/app/tasklist/scripts/config.js
 * (Camunda 7.24.0). The starter serves /camunda/app/** from "classpath:/META-INF/resources/webjars/camunda/app/",
 * and the application's own resources are found before the webjar's (also in the fat jar), so this copy wins.
 * Tasklist loads it as an ES module: import(appRoot + '/app/tasklist/scripts/config.js?bust=<time>').
 * Which options exist, and their defaults, is in camunda-tasklist-bootstrap.js (module 65015).
 * See docs/tasklist-localization.md.
 *
 * Based on the default config.js of Camunda 7.24.0:
 * Copyright Camunda Services GmbH and/or licensed to Camunda Services GmbH
 * under one or more contributor license agreements. Licensed under the Apache License, Version 2.0.
 */

export default {
  // The header shows "<vendor> <name>" (and the browser tab the same); the login page shows <name> alone.
  app: {
    name: 'Задачи',
    vendor: 'Наставник'
  },

  // moment.js formats for the camDate filter (tooltips, history, preview of a date being edited).
  // Relative dates ("2 дня назад", "через 3 дня") come from moment's bundled "ru" locale, which
  // locales/ru.json (dateLocales.parentLocale) and scripts/nastavnik-ru.js switch on.
  dateFormat: {
    normal: 'DD.MM.YYYY HH:mm',
    short: 'DD.MM.YYYY',
    long: 'dddd, D MMMM YYYY, HH:mm',
    abbr: 'D MMM YYYY, HH:mm',
    day: 'DD',
    monthName: 'MMMM'
  },

  // Only Russian: the browser language is ignored, and locales/ru.json is the only file fetched.
  locales: {
    availableLocales: ['ru'],
    fallbackLocale: 'ru'
  },

  // Loaded with import() from <appRoot>/app/tasklist/<entry>.js before AngularJS starts:
  // - Russian for the date pickers (AngularJS $locale) and moment.js from the first screen on;
  // - Russian for Camunda Forms (form-js has no i18n): validation messages, placeholders, date picker;
  // - hides the Camunda 7 CE "migrate to Camunda 8" banner, which has no configuration switch in 7.24
  //   (the header template renders it with a hard-coded ng-if="isCommunityEdition"; details in the script).
  customScripts: ['scripts/nastavnik-ru'],

  // The login page would otherwise probe /camunda-welcome and invite first-time users to the Camunda
  // welcome page; school staff have nothing to do there.
  disableWelcomeMessage: true,

  // Keyboard shortcuts: keys as in the default configuration, descriptions for the shortcut help dialog.
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'взять выбранную задачу в работу'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'перейти к первому фильтру в списке'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'перейти к первой задаче в списке'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'перейти к первому полю формы задачи'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'открыть окно запуска процесса'
    }
  }
};

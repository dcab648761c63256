/* clinicsite recovery timeline: turns a procedure date into the patient's own dates, in the browser.
 * The rules come from the page (a JSON script element written at build time); nothing is fetched or sent.
 * Dates are calendar dates handled in UTC, so no time zone or daylight-saving change can move a day.
 * The same arithmetic as the Swift RecoverySchedule module; a test checks both agree. */
(function (global) {
  'use strict';

  var WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

  function makeDate(year, month, day) {
    var date = new Date(0);
    date.setUTCFullYear(year, month - 1, day);
    return date;
  }

  function parseISO(text) {
    var match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(text || '').trim());
    if (!match) { return null; }
    var year = +match[1], month = +match[2], day = +match[3];
    var date = makeDate(year, month, day);
    if (year < 1 || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) { return null; }
    return date;
  }

  function pad(value, width) {
    var text = String(value);
    while (text.length < width) { text = '0' + text; }
    return text;
  }

  function toISO(date) {
    return pad(date.getUTCFullYear(), 4) + '-' + pad(date.getUTCMonth() + 1, 2) + '-' + pad(date.getUTCDate(), 2);
  }

  function addDays(date, days) {
    return makeDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate() + days);
  }

  /* Same day of the month, or the month's last day when it is shorter (Jan 31 + 1 month = Feb 28). */
  function addMonths(date, months) {
    var index = date.getUTCFullYear() * 12 + date.getUTCMonth() + months;
    var year = Math.floor(index / 12), month = index % 12 + 1;
    var lastDay = makeDate(year, month + 1, 0).getUTCDate();
    return makeDate(year, month, Math.min(date.getUTCDate(), lastDay));
  }

  function isOpen(date, data) {
    return data.closedWeekdays.indexOf(WEEKDAYS[date.getUTCDay()]) < 0 && data.closures.indexOf(toISO(date)) < 0;
  }

  function firstOpenDay(date, data) {
    if (data.closedWeekdays.length >= 7) { return date; }
    var day = date;
    while (!isOpen(day, data)) { day = addDays(day, 1); }
    return day;
  }

  /* The timeline as ISO dates: what RecoverySchedule's Timeline gives for the same input. */
  function computeTimeline(data, isoDate, sessions) {
    var procedure = parseISO(isoDate);
    if (!procedure) { return null; }
    var dayDate = function (day) { return day === undefined || day === null ? null : toISO(addDays(procedure, day - 1)); };
    var place = function (step) {
      return { id: step.id, start: dayDate(step.start), latestStart: dayDate(step.latestStart),
               end: dayDate(step.end), latestEnd: dayDate(step.latestEnd) };
    };
    var spacing = data.rules.spacing;
    var count = Math.min(Math.max(sessions || 1, 1), 10);
    var planned = [], earliest = procedure, usual = procedure;
    for (var number = 1; number <= count; number++) {
      var previous = usual;
      earliest = firstOpenDay(addDays(earliest, 7 * spacing.minimumWeeks), data);
      usual = firstOpenDay(addDays(usual, 7 * spacing.usualWeeks), data);
      if (toISO(usual) < toISO(earliest)) { usual = earliest; }
      planned.push({ number: number, earliest: toISO(earliest), usual: toISO(usual),
                     spanFrom: toISO(addMonths(previous, spacing.spanFromMonths)), spanTo: toISO(addMonths(previous, spacing.spanToMonths)) });
    }
    return {
      procedure: toISO(procedure),
      phases: data.rules.phases.map(place),
      care: data.rules.care.map(place),
      sessions: planned,
      spanFrom: toISO(addMonths(procedure, spacing.spanFromMonths)),
      spanTo: toISO(addMonths(procedure, spacing.spanToMonths))
    };
  }

  /* "Tuesday, December 1, 2026 to Thursday, December 3, 2026 (up to Friday, December 4, 2026)" */
  function phrase(step, words, show) {
    var text = show(step.start);
    if (step.latestStart && step.latestStart !== step.start) { text += ' ' + words.or + ' ' + show(step.latestStart); }
    if (step.end) {
      if (step.end !== step.start) { text += ' ' + words.to + ' ' + show(step.end); }
      if (step.latestEnd && step.latestEnd !== step.end) { text += ' (' + words.up_to + ' ' + show(step.latestEnd) + ')'; }
    } else {
      text += ', ' + words.and_after;
    }
    return text;
  }

  function showPersonalTimeline(data, form, output) {
    var input = form.querySelector('input[type="date"]');
    var timeline = computeTimeline(data, input.value, 1);
    output.textContent = '';
    if (!timeline) {
      var problem = document.createElement('p');
      problem.textContent = data.strings.invalid_date;
      output.appendChild(problem);
      input.setAttribute('aria-invalid', 'true');
      input.focus();
      return;
    }
    input.removeAttribute('aria-invalid');
    var format = new Intl.DateTimeFormat(data.language, { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
    var show = function (iso) { return format.format(parseISO(iso)); };
    var table = document.createElement('table');
    var head = table.createTHead().insertRow();
    [data.strings.when, data.strings.what_to_expect].forEach(function (title) {
      var cell = document.createElement('th');
      cell.scope = 'col';
      cell.textContent = title;
      head.appendChild(cell);
    });
    var body = table.createTBody();
    var rules = data.rules.phases.concat(data.rules.care);
    timeline.phases.concat(timeline.care).forEach(function (step, index) {
      var row = body.insertRow();
      row.insertCell().textContent = phrase(step, data.strings, show);
      row.insertCell().textContent = rules[index].label[data.language] || step.id;
    });
    var session = timeline.sessions[0];
    var next = body.insertRow();
    next.insertCell().textContent = data.strings.earliest + ' ' + show(session.earliest) + '. ' + data.strings.usually + ' ' + show(session.usual) + '.';
    next.insertCell().textContent = data.strings.next_session;
    output.appendChild(table);
  }

  function start() {
    var source = document.getElementById('cs-recovery-data');
    var form = document.getElementById('cs-timeline-form');
    var output = document.getElementById('cs-timeline-result');
    if (!source || !form || !output) { return; }
    var data = JSON.parse(source.textContent);
    form.hidden = false;
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      showPersonalTimeline(data, form, output);
    });
  }

  var api = { computeTimeline: computeTimeline, parseISO: parseISO, toISO: toISO, addDays: addDays, addMonths: addMonths, phrase: phrase };
  if (typeof module !== 'undefined' && module.exports) {
    module.exports = api;
  } else {
    global.clinicsiteTimeline = api;
    if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', start); } else { start(); }
  }
})(this);

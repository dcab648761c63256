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

  /* The day itself when open, else the last open day before it, never before floor. */
  function lastOpenDay(date, floor, data) {
    var day = date;
    while (toISO(day) > toISO(floor) && !isOpen(day, data)) { day = addDays(day, -1); }
    return toISO(day) < toISO(floor) ? floor : day;
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
    /* Only the next session gets dates, all counted from Day 1; later ones depend on when it really happens. */
    var earliest = firstOpenDay(addDays(procedure, 7 * spacing.minimumWeeks), data);
    var usual = firstOpenDay(addDays(procedure, 7 * spacing.usualWeeks), data);
    if (toISO(usual) < toISO(earliest)) { usual = earliest; }
    var later = [];
    for (var number = 2; number <= count; number++) {
      later.push({ number: number, after: number - 1, minimumWeeks: spacing.minimumWeeks, usualWeeks: spacing.usualWeeks });
    }
    return {
      procedure: toISO(procedure),
      phases: data.rules.phases.map(place),
      care: data.rules.care.map(place),
      nextSession: { earliest: toISO(earliest), usual: toISO(usual),
                     spanFrom: toISO(addMonths(procedure, spacing.spanFromMonths)), spanTo: toISO(lastOpenDay(addMonths(procedure, spacing.spanToMonths), usual, data)) },
      laterSessions: later
    };
  }

  /* The language's typography rules (templates/typography/LANG.yml), applied as the build applies them. */
  function typeset(text, rules) {
    (rules || []).forEach(function (rule) {
      if (rule.when && !Array.prototype.some.call(rule.when, function (c) { return text.indexOf(c) >= 0; })) { return; }
      text = text.replace(new RegExp(rule.find, 'gu'), rule.replace);
    });
    return text;
  }

  /* Dates in words, as the Swift module writes them: French writes the first of the month "1er". */
  function writtenDate(iso, language, options, rules) {
    var date = parseISO(iso);
    var text = new Intl.DateTimeFormat(language, Object.assign({ timeZone: 'UTC' }, options)).format(date);
    if (language === 'fr' && date.getUTCDate() === 1) { text = text.replace(/(^|\s)1(?=\s)/, '$11er'); }
    return typeset(text, rules);
  }

  var LONG = { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' };
  var BRIEF = { weekday: 'short', month: 'short', day: 'numeric' };
  var BRIEF_YEAR = { weekday: 'short', month: 'short', day: 'numeric', year: 'numeric' };
  /* French short weekdays ("mar.") read as short months ("mars"): its brief dates use whole words, as the Swift module does. */
  var BRIEF_WORDS = { weekday: 'long', month: 'long', day: 'numeric' };
  var BRIEF_WORDS_YEAR = { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' };

  /* "Tue, Dec 1", with the year only when it is not the treatment's, as on the printed handout. */
  function briefDate(iso, language, year, rules) {
    var sameYear = iso.slice(0, 4) === year;
    if (language === 'fr') { return writtenDate(iso, language, sameYear ? BRIEF_WORDS : BRIEF_WORDS_YEAR, rules); }
    return writtenDate(iso, language, sameYear ? BRIEF : BRIEF_YEAR, rules);
  }

  function fill(text, values) {
    return String(text || '').replace(/\{(\w+)\}/g, function (whole, name) { return name in values ? values[name] : whole; });
  }

  /* Elements, with text only (never HTML), so nothing from the page's data can become markup. */
  function element(name, className, children) {
    var node = document.createElement(name);
    if (className) { node.className = className; }
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    });
    return node;
  }

  /* A date that never wraps inside itself. */
  function dateNode(iso, text) {
    var node = element('time', 'date', [text]);
    node.setAttribute('datetime', iso);
    return node;
  }

  /* "Tue, Dec 1 to Thu, Dec 3 (up to Fri, Dec 4)" as nodes, each date kept on one line. */
  function phraseNodes(step, words, show) {
    var nodes = [dateNode(step.start, show(step.start))];
    if (step.latestStart && step.latestStart !== step.start) { nodes.push(' ' + words.or + ' ', dateNode(step.latestStart, show(step.latestStart))); }
    if (step.end) {
      if (step.end !== step.start) {
        if (words.from_range) { nodes.unshift(words.from_range + ' '); }
        nodes.push(' ' + words.to + ' ', dateNode(step.end, show(step.end)));
      }
      if (step.latestEnd && step.latestEnd !== step.end) { nodes.push(' (' + words.up_to + ' ', dateNode(step.latestEnd, show(step.latestEnd)), ')'); }
    } else {
      nodes.push(', ' + words.and_after);
    }
    return nodes;
  }

  /* A care task: the days it is always needed, then the days that depend on the clinic's advice, worded apart
     ("Tue, Dec 1 to Thu, Dec 3; Fri, Dec 4 to Mon, Dec 7: only if the clinic told you to"), as the Swift module words it. */
  function careNodes(step, words, show, rules) {
    var always = phraseNodes({ start: step.start, end: step.end }, words, show);
    if (!step.end || !step.latestEnd || step.latestEnd === step.end) { return always; }
    var dayAfter = toISO(addDays(parseISO(step.end), 1));
    var optional = phraseNodes({ start: dayAfter, end: step.latestEnd }, words, show);
    return always.concat([typeset('; ', rules)], optional, [typeset((words.colon || ':') + ' ' + words.if_needed, rules)]);
  }

  /* "Call the clinic if: your skin is still red after Fri, Dec 4; anything worries you", with the number as a link. */
  function callNodes(data, timeline, show) {
    var words = data.strings, rules = data.typography, colon = words.colon || ':';
    var reasons = [];
    var redness = timeline.phases.filter(function (step) { return step.id === 'redness'; })[0];
    var lastRed = redness && (redness.latestEnd || redness.end);
    if (lastRed) { reasons.push(typeset(fill(words.call_red, { day: show(lastRed) }), rules)); }
    if (words.call_worry) { reasons.push(typeset(words.call_worry, rules)); }
    var section = element('section', 'call-clinic', [
      element('h4', null, [typeset(words.call_title + colon, rules)]),
      element('ul', null, reasons.map(function (reason) { return element('li', null, [reason]); }))
    ]);
    if (data.phone) {
      var number = data.phoneHref ? element('a', null, [data.phone]) : element('span', null, [data.phone]);
      if (data.phoneHref) { number.setAttribute('href', data.phoneHref); }
      section.appendChild(element('p', 'call-phone', [words.phone + colon + ' ', number]));
    }
    if (data.hours) { section.appendChild(element('p', null, [words.hours + colon + ' ' + data.hours])); }
    if (data.afterHours) { section.appendChild(element('p', null, [words.after_hours + colon + ' ' + data.afterHours])); }
    return section;
  }

  /* The blocks of the printed handout, for the date entered: what you will see, what you will do, and
     when to call to book the next session. */
  function resultBlocks(data, timeline) {
    var words = data.strings, language = data.language, year = timeline.procedure.slice(0, 4);
    var rules = data.typography;
    var show = function (iso) { return briefDate(iso, language, year, rules); };
    var list = function (steps, rules, nodes) {
      return element('ul', 'steps', steps.map(function (step, index) {
        return element('li', null, [element('span', 'when', nodes(step)), ' ',
                                     element('span', 'what', [rules[index].label[language] || step.id])]);
      }));
    };
    var next = timeline.nextSession, spacing = data.rules.spacing;
    var months = typeset(fill(words.months_range, { from: spacing.spanFromMonths, to: spacing.spanToMonths }), rules);
    var note = function (key, weeks) { return ' ' + typeset(fill(words[key], { weeks: weeks }), rules); };
    /* One line each, no full stop after a date: a French short date can end in one ("avr."). */
    var booking = element('section', 'book', [
      element('h4', null, [words.book_title]),
      /* "Usually from" only when it is a later day than "not before": one date is given once. */
      element('ul', 'window', [
        element('li', null, [words.not_before + ' ', element('strong', null, [dateNode(next.earliest, show(next.earliest))]), note('earliest_note', spacing.minimumWeeks)]),
        next.usual > next.earliest ? element('li', null, [words.usually_from + ' ', element('strong', null, [dateNode(next.usual, show(next.usual))]), note('usual_note', spacing.usualWeeks)]) : null,
        element('li', null, [typeset(fill(words.span_until, { months: months }), rules) + ' ', element('strong', null, [dateNode(next.spanTo, show(next.spanTo))])])
      ].filter(function (item) { return item !== null; })),
      element('p', null, [words.new_sheet])
    ]);
    /* The number to call is in the "Call the clinic if" block just above. */
    var heading = element('h3', null, [words.result_title]);
    heading.id = 'cs-timeline-result-title';
    return [
      heading,
      element('p', 'day-one', [element('strong', null, [words.your_day_one]), ' ', dateNode(timeline.procedure, writtenDate(timeline.procedure, language, LONG, rules))]),
      element('h4', null, [words.you_will_see]),
      list(timeline.phases, data.rules.phases, function (step) { return phraseNodes(step, words, show); }),
      element('h4', null, [words.you_will_do]),
      list(timeline.care, data.rules.care, function (step) { return careNodes(step, words, show, rules); }),
      callNodes(data, timeline, show),
      booking
    ];
  }

  function showPersonalTimeline(data, form, output) {
    var input = form.querySelector('input[type="date"]');
    var timeline = computeTimeline(data, input.value, 1);
    output.textContent = '';
    if (!timeline) {
      output.appendChild(element('p', null, [data.strings.invalid_date]));
      input.setAttribute('aria-invalid', 'true');
      input.focus();
      return;
    }
    input.removeAttribute('aria-invalid');
    resultBlocks(data, timeline).forEach(function (node) { output.appendChild(node); });
    output.setAttribute('aria-labelledby', 'cs-timeline-result-title');
    /* On paper the patient's own dates replace the general table (print.css). */
    var section = output.closest('.timeline');
    if (section) { section.classList.add('has-result'); }
  }

  function start() {
    var source = document.getElementById('cs-recovery-data');
    var form = document.getElementById('cs-timeline-form');
    var output = document.getElementById('cs-timeline-result');
    if (!source || !form || !output) { return; }
    var data = JSON.parse(source.textContent);
    form.hidden = false;
    var link = document.getElementById('cs-calculator-link');
    if (link) {
      /* Under the page's heading rather than above it, so the heading comes first on a phone's first screen. */
      var heading = document.querySelector('main h1');
      if (heading && heading.parentNode === link.parentNode) { heading.parentNode.insertBefore(link, heading.nextSibling); }
      link.hidden = false;
    }
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      showPersonalTimeline(data, form, output);
    });
  }

  var api = { computeTimeline: computeTimeline, parseISO: parseISO, toISO: toISO, addDays: addDays, addMonths: addMonths,
              writtenDate: writtenDate, briefDate: briefDate, typeset: typeset, LONG: LONG };
  if (typeof module !== 'undefined' && module.exports) {
    module.exports = api;
  } else {
    global.clinicsiteTimeline = api;
    if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', start); } else { start(); }
  }
})(this);

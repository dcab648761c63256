import Foundation
import RecoverySchedule

/// The printed handout.
extension PersonalTimelines {
    /// The printable page: self-contained, `noindex`, every value escaped.
    ///
    /// Pages of the same shape (language, number of sessions, with or without a name) differ only in their
    /// text values, so the template is rendered once per shape with placeholders, and each patient's values
    /// are escaped into a copy. The result is byte-for-byte what rendering the template directly gives (a
    /// test checks it); it is what makes 10,000 printed pages take seconds instead of tens of seconds.
    func html(_ patient: Patient) -> String {
        String(decoding: templates.transformsValues ? LayoutCache.renderDirect(printRequest(patient)) : layouts.render(printRequest(patient)),
               as: UTF8.self)
    }

    /// The start and end of a document holding many handouts (`print-all.html`): the handout's own style,
    /// in the site's default language; each handout's sheet (see `sheet(in:)`) goes between them.
    public var printAllParts: (head: String, tail: String) {
        let title = XMLText.escape(strings[defaultLanguage]["print_all_title"] ?? "")
        let head = """
        <!DOCTYPE html>
        <html lang="\(defaultLanguage)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex, nofollow">
        <title>\(title)</title>
        <style>
        \(printStyle)
        </style>
        </head>
        <body>

        """
        return (head, "</body>\n</html>\n")
    }

    /// The one sheet of a printed handout: its `<article class="sheet" …>` element, which carries its language.
    public static func sheet(in page: String) -> Substring? {
        // Byte search: Foundation's `range(of:)` on every patient's page was a sixth of a batch's time.
        let bytes = Array(page.utf8), closing = Array("</article>".utf8)
        guard let start = bytes.firstIndex(of: Array("<article class=\"sheet\"".utf8), from: 0),
              var last = bytes.firstIndex(of: closing, from: start) else { return nil }
        while let later = bytes.firstIndex(of: closing, from: last + 1) { last = later }
        let end = last + closing.count
        let utf8 = page.utf8
        return page[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)]
    }

    /// The printable page rendered straight through the template, for checking the fast path.
    func htmlDirect(_ patient: Patient) -> String {
        String(decoding: LayoutCache.renderDirect(printRequest(patient)), as: UTF8.self)
    }

    private func printRequest(_ patient: Patient) -> (inout LayoutValues) -> LayoutCache.Request {
        { values in
            let (shape, context) = printContext(patient, values: &values)
            return LayoutCache.Request(shape: shape) { templates.render(Self.printTemplate, context) }
        }
    }

    /// The template values of a patient's page, with every per-patient text passed through `values`.
    private func printContext(_ patient: Patient, values: inout LayoutValues) -> (key: String, context: [String: Any]) {
        let timeline = timeline(for: patient)
        let words = words(patient)
        let language = patient.language
        let text = texts(patient)
        let year = timeline.procedure.year
        func brief(_ date: CivilDate) -> String { values.text(words.typeset(date.writtenBrief(in: language, sayingYearUnless: year))) }
        let see: [[String: String]] = timeline.phases.map { ["label": words.label($0.rule), "when": values.text(words.briefDates($0, year: year))] }
        let later = words.laterSessions(timeline)
        var shape = "\(language)|\(procedure(of: patient).slug)|\(healingPages[procedure(of: patient).slug]?[language] != nil)|\(later != nil)|\(patient.name?.isEmpty == false)|\(timeline.nextSession.usualIsLater)"
        let care: [[String: Any]] = timeline.care.map { step in
            shape += "|" + step.days.map { $0.certain ? "c" : "n" }.joined()
            return [
                "label": words.label(step.rule),
                "hasIfNeeded": step.days.contains { !$0.certain },
                "days": step.days.map { entry -> [String: Any] in
                    ["day": words.typeset("\((text["day"] ?? "Day").capitalizedFirst) \(entry.day)"), "weekday": values.text(entry.date.writtenWeekday(in: language)),
                     "date": values.text(words.typeset(entry.date.writtenDayMonth(in: language))), "iso": values.text(entry.date.iso), "ifNeeded": !entry.certain]
                },
            ]
        }
        let next = timeline.nextSession, spacing = procedure(of: patient).rules.spacing
        let call = callClinic(patient, timeline, words: words, brief: true)
        var context: [String: Any] = [
            "lang": language,
            "title": text["personal_title"] ?? "",
            "style": printStyle,
            "strings": text,
            // Empty values are left out: for swift-mustache an empty string still opens `{{#clinic.hours}}`.
            "clinic": ["name": settings.clinicName, "phone": settings.phone, "phoneHref": settings.phoneHref, "email": settings.email,
                       "address": settings.address, "hours": call.hours].filter { !$0.value.isEmpty },
            "procedure": values.text(words.typeset(timeline.procedure.written(in: language))),
            "procedureISO": values.text(timeline.procedure.iso),
            "see": see,
            "care": care,
            "next": ["earliest": brief(next.earliest), "earliestISO": values.text(next.earliest.iso), "usualIsLater": next.usualIsLater,
                     "usual": brief(next.usual), "usualISO": values.text(next.usual.iso),
                     "until": brief(next.spanTo), "untilISO": values.text(next.spanTo.iso),
                     "earliestNote": words.filled("earliest_note", ["weeks": "\(spacing.minimumWeeks)"]),
                     "usualNote": words.filled("usual_note", ["weeks": "\(spacing.usualWeeks)"]),
                     "spanUntil": words.filled("span_until", ["months": words.monthsRange(from: spacing.spanFromMonths, to: spacing.spanToMonths)])],
        ]
        var reasons: [String] = []
        for reason in call.reasons { reasons.append(values.text(reason)) }
        context["call"] = ["title": call.title, "reasons": reasons, "afterHours": call.afterHours].filter { ($0.value as? String)?.isEmpty != true }
        if let later { context["later"] = values.text(later) }
        if let source = informationSource(patient, words: words) { context["source"] = values.text(source) }
        if let svg = qrCodes[procedure(of: patient).slug]?[language] { context["qr"] = ["svg": svg] }
        if let name = patient.name, !name.isEmpty { context["name"] = values.text(name) }
        return (shape, context)
    }
}

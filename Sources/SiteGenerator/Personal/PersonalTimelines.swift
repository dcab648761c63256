import Foundation
import RecoverySchedule

/// Makes personal timelines (printable page, calendar file, JSON, plain text) from the site's own
/// settings, rules, interface strings and templates, so paper, calendar and website always agree.
public struct PersonalTimelines: Sendable {
    /// The output formats of a single timeline.
    public enum Format: String, Sendable, CaseIterable {
        case html, ics, json, text
    }

    let settings: Settings
    let strings: UIStrings
    let templates: Templates
    let procedures: Procedures
    let calendar: ClinicCalendar
    let printStyle: String
    let typography: [String: Typography]
    /// The QR code (inline SVG) for each procedure's healing page in each language, by slug then language; empty
    /// without a base URL.
    let qrCodes: [String: [String: String]]
    /// Each procedure's healing page in each language (by slug, then language): what a handout says it was made from.
    let healingPages: [String: [String: HealingPageLink.Page]]
    let layouts = LayoutCache()
    /// Procedures left out of the site for their placeholders (`Placeholders`), with how many are left, by short name.
    let withheld: [String: Int]

    static let printTemplate = "timeline-print"
    static let printStylePath = "templates/timeline-print.css"

    /// Loads everything from the site's sources, reporting every problem at once. `baseURL`, when given,
    /// replaces `base_url` from the settings (it decides the QR code's address).
    public init(sources: SiteSources, baseURL: String? = nil) throws(DiagnosticError) {
        var log = DiagnosticLog()
        // A procedure still being written is left out, as the build leaves it out: the others' handouts are still made.
        let withheld = Placeholders.withheld(sources)
        let basics = SiteBasics.load(sources, withheld: Set(withheld.keys), log: &log)
        let (settings, strings, templates) = (basics.settings, basics.strings, basics.templates)
        let style = log.collect { () throws(DiagnosticError) in try sources.text(Self.printStylePath) }
        if let templates, !templates.names.contains(Self.printTemplate) {
            log.add(Diagnostic(file: "templates/\(Self.printTemplate).mustache", message: "the printed timeline template is missing"))
        }
        guard !log.hasErrors, let strings, let templates, let style else { throw DiagnosticError(log.diagnostics) }
        self.settings = settings
        self.strings = strings
        self.templates = templates
        self.procedures = basics.procedures
        self.calendar = settings.calendar
        self.printStyle = style
        self.typography = basics.typography
        self.withheld = withheld.mapValues(\.count)
        var codes: [String: [String: String]] = [:]
        let healing = HealingPageLink.pages(in: sources, languages: settings.languages) { path in
            withheld.keys.first { Placeholders.isPart(path, of: $0) } ?? basics.procedures.procedure(ofSource: path).slug
        }.filter { withheld[$0.key] == nil }
        if let base = baseURL ?? settings.baseURL {
            for (slug, pages) in healing {
                for (language, page) in pages {
                    let address = base + page.outputPath
                    codes[slug, default: [:]][language] = QRCode.svg(for: address, label: strings[language]["scan_to_read"] ?? address)
                }
            }
        }
        self.healingPages = healing
        self.qrCodes = codes
    }

    /// The site's languages; a patient's language must be one of them.
    public var languages: [String] { settings.languages }

    /// How the clinic writes dates in a patients CSV (`patient_dates` in `site.yml`).
    public var patientDates: PatientDateFormat { settings.patientDates }
    /// The language used when a patient has none.
    public var defaultLanguage: String { settings.defaultLanguage }

    /// Why a procedure date looks wrong although it can be used: it falls on a day the clinic is closed (a Sunday,
    /// a holiday), which is more often a typo or day and month swapped than a treatment on a closed day.
    public func closedDayProblem(_ date: CivilDate) -> String? {
        guard !calendar.isOpen(date) else { return nil }
        let day = calendar.closures.contains(date) ? "one of the clinic's closures" : "a \(date.weekday.rawValue.capitalized), a day the clinic is closed"
        return "\(date.iso) is \(day) (\(Settings.path))"
    }

    /// What to check when a procedure date falls on a closed day.
    public static let closedDayHint = "check the day and the month; the timeline was made as asked"

    /// The short names of the site's procedures, the main one first.
    public var procedureNames: [String] { procedures.all.map(\.slug) }

    /// Why a procedure name given for a patient cannot be used.
    public struct UnknownProcedure: Error, Sendable {
        /// What was given and that it is not one of the site's procedures.
        public var message: String
        /// The names that can be given.
        public var hint: String
    }

    /// The short name of the procedure `name` names (its short name or its name in any language, any case); with no
    /// name, the site's only procedure. Refused: a name no procedure has, and no name when the site has several.
    public func procedure(for name: String?) -> Result<String, UnknownProcedure> {
        let waiting = withheld.keys.sorted().map { "\($0) is not ready yet" }
        let known = "the procedures are: \(procedureNames.joined(separator: ", "))" + (waiting.isEmpty ? "" : " (\(waiting.joined(separator: ", ")))")
        guard let name, !name.trimmingSpaces.isEmpty else {
            return procedures.others.isEmpty ? .success(procedures.main.slug)
                : .failure(UnknownProcedure(message: "the procedure is missing, and this site has \(procedures.all.count)", hint: known))
        }
        guard let procedure = procedures.named(name) else {
            let slug = name.trimmingSpaces.lowercased()
            if let count = withheld[slug] {
                return .failure(UnknownProcedure(message: "'\(slug)' is not ready: \(count) placeholder\(count == 1 ? "" : "s") (TODO(clinic)) left in its files",
                                                 hint: "replace them with the clinic's own words and numbers (clinicsite check lists each), then make the timeline again"))
            }
            return .failure(UnknownProcedure(message: "unknown procedure '\(name)'", hint: known))
        }
        return .success(procedure.slug)
    }

    /// The procedure a patient had: the one named, else the site's main one.
    func procedure(of patient: Patient) -> Procedures.Procedure {
        patient.procedureName.flatMap(procedures.named) ?? procedures.main
    }

    /// The interface strings of a patient's language, with those that name their procedure.
    func texts(_ patient: Patient) -> [String: String] {
        strings[patient.language].merging(procedure(of: patient).strings[patient.language] ?? [:]) { $1 }
    }

    /// The timeline of a patient.
    public func timeline(for patient: Patient) -> Timeline {
        Timeline(procedure: patient.procedure, rules: procedure(of: patient).rules, calendar: calendar, sessions: patient.sessions)
    }

    /// One patient's timeline in `format`.
    public func render(_ patient: Patient, as format: Format) -> String {
        switch format {
        case .html: return html(patient)
        case .ics: return ics(patient)
        case .json: return json(patient)
        case .text: return text(patient)
        }
    }

    /// "Call the clinic if…" for a patient's own timeline: the redness's last day as a date, `brief` on a handout.
    func callClinic(_ patient: Patient, _ timeline: Timeline, words: TimelineWording, brief: Bool = false) -> CallClinic {
        let redAfter = CallClinic.lastRedDay(procedure(of: patient).rules).map { day in
            let date = timeline.procedure.adding(days: day - 1)
            return brief ? date.writtenBrief(in: words.language, sayingYearUnless: timeline.procedure.year) : date.written(in: words.language)
        }
        return CallClinic(settings: settings, words: words, redAfter: redAfter)
    }

    /// What a patient's handout and calendar were made from, for the consent record: the clinic, and the version and
    /// review date of its procedure's healing page in their language ("From Riverside Skin Clinic's information on
    /// healing (version 1.0, reviewed November 26, 2026)."); nil when the interface strings do not say it.
    func informationSource(_ patient: Patient, words: TimelineWording) -> String? {
        let text = texts(patient)
        guard text["information_source"] != nil, let page = healingPages[procedure(of: patient).slug]?[patient.language] else { return nil }
        var details: [String] = []
        if let version = page.version { details.append(words.filled("information_version", ["version": version])) }
        if let reviewed = page.reviewed { details.append(words.filled("information_reviewed", ["date": reviewed.written(in: patient.language)])) }
        guard !details.isEmpty else { return nil }
        let clinic = settings.clinicName.isEmpty ? (text["contact"] ?? "") : settings.clinicName
        return words.typeset(words.filled("information_source", ["clinic": clinic, "details": details.joined(separator: ", ")]))
    }

    func words(_ patient: Patient) -> TimelineWording {
        TimelineWording(language: patient.language, strings: texts(patient), typography: typography[patient.language] ?? .none)
    }
}

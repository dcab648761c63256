import Foundation
import RecoverySchedule

/// The clinic's site settings, read from `content/site.yml`.
public struct Settings: Sendable, Equatable {
    /// The clinic's name, shown in every page header and on printed timelines.
    public var clinicName: String
    /// A phone number as people dial it.
    public var phone: String
    /// A contact email address.
    public var email: String
    /// The postal address, one line.
    public var address: String
    /// Opening hours as people read them, by language code; the key `""` holds text for every language.
    public var hours: [String: String] = [:]
    /// What to do outside opening hours (another number, a service to call), by language code (`""`: every language).
    public var afterHours: [String: String] = [:]
    /// The name of the procedure the site is about, for structured data, by language code (`""`: every language).
    public var procedure: [String: String] = [:]
    /// Where the site is published, ending in `/` (for example `https://clinic.example/info/`); nil when unknown.
    public var baseURL: String?
    /// The language of the site root; one of `languages`.
    public var defaultLanguage: String
    /// Language codes, in menu order (for example `["en", "fr"]`).
    public var languages: [String]
    /// Whether raw HTML in Markdown is passed through. Off by default: staff text cannot inject markup.
    public var allowRawHTML: Bool
    /// After how many months a page's `reviewed` date counts as overdue.
    public var reviewMonths: Int
    /// The highest school grade a page's reading level may have (health-literacy guidance: 6 to 8).
    public var readingGrade: Double
    /// The days the clinic is closed (`closed_weekdays`, `closures`), which move appointments.
    public var calendar: ClinicCalendar
    /// How dates are written in the patients CSV (`patient_dates`).
    public var patientDates: PatientDateFormat = .iso

    /// Where the settings live, relative to the site root.
    public static let path = "content/site.yml"

    /// Creates settings; the defaults are those of an empty `site.yml`.
    public init(clinicName: String = "", phone: String = "", email: String = "", address: String = "",
                baseURL: String? = nil, defaultLanguage: String = "en", languages: [String] = ["en"],
                allowRawHTML: Bool = false, reviewMonths: Int = 12, readingGrade: Double = 8,
                calendar: ClinicCalendar = ClinicCalendar()) {
        self.clinicName = clinicName
        self.phone = phone
        self.email = email
        self.address = address
        self.baseURL = baseURL
        self.defaultLanguage = defaultLanguage
        self.languages = languages
        self.allowRawHTML = allowRawHTML
        self.reviewMonths = reviewMonths
        self.readingGrade = readingGrade
        self.calendar = calendar
    }

    /// The opening hours in `language`, or "" when none are set.
    public func hours(in language: String) -> String {
        Self.text(hours, in: language)
    }

    /// What to do outside opening hours in `language`, or "" when none is set.
    public func afterHours(in language: String) -> String {
        Self.text(afterHours, in: language)
    }

    /// The phone number as a `tel:` address (digits and `+` only), or "" when it has no digit.
    public var phoneHref: String {
        let dialable = phone.filter { $0.isASCII && ($0.isNumber || $0 == "+") }
        return dialable.contains(where: \.isNumber) ? "tel:\(dialable)" : ""
    }

    /// The procedure's name in `language`, or "" when none is set.
    public func procedure(in language: String) -> String {
        Self.text(procedure, in: language)
    }

    /// A setting written once or per language (see `textByLanguage`): the language's own line, else the shared one.
    private static func text(_ values: [String: String], in language: String) -> String {
        values[language] ?? values[""] ?? ""
    }

    static let keys = ["clinic_name", "phone", "email", "address", "hours", "after_hours", "procedure", "base_url", "default_language",
                       "languages", "allow_raw_html", "review_months", "reading_grade", "closed_weekdays", "closures", "patient_dates"]

    /// Reads settings from the text of `site.yml`, reporting every problem at once.
    public static func parse(_ text: String, file: String) throws(DiagnosticError) -> Settings {
        var log = DiagnosticLog()
        let settings = parse(text, file: file, log: &log)
        try log.throwIfErrors()
        return settings
    }

    /// Reads what it can, adding every problem to `log`, so a build can go on and report the pages' problems too.
    static func parse(_ text: String, file: String, log: inout DiagnosticLog) -> Settings {
        var settings = Settings()
        let parsed = log.collect { () throws(DiagnosticError) in try YAMLValue.parse(text, file: file) }
        guard let parsed else { return settings }
        guard let root = parsed else {
            log.add(Diagnostic(file: file, line: 1, message: "site.yml is empty", hint: "it needs at least clinic_name and languages"))
            return settings
        }
        let entries = root.mapping(named: "site.yml", allowed: keys, log: &log)
        var sawName = false
        for (key, value) in entries {
            log.collect { () throws(DiagnosticError) in
                switch key {
                case "clinic_name":
                    settings.clinicName = try value.string(named: "clinic_name")
                    sawName = true
                case "phone": settings.phone = try value.string(named: "phone")
                case "email": settings.email = try value.string(named: "email")
                case "address": settings.address = try value.string(named: "address")
                case "hours": settings.hours = try textByLanguage(value, named: "hours")
                case "after_hours": settings.afterHours = try textByLanguage(value, named: "after_hours")
                case "procedure": settings.procedure = try textByLanguage(value, named: "procedure")
                case "base_url": settings.baseURL = value.isNull ? nil : try parseBaseURL(value)
                case "default_language": settings.defaultLanguage = try languageCode(value, named: "default_language")
                case "languages":
                    let items = try value.sequence(named: "languages")
                    var codes: [String] = []
                    for item in items {
                        let code = try languageCode(item, named: "each language")
                        if codes.contains(code) { throw item.error("the language '\(code)' is listed twice") }
                        codes.append(code)
                    }
                    if codes.isEmpty { throw value.error("languages must list at least one language code, such as en") }
                    settings.languages = codes
                case "allow_raw_html": settings.allowRawHTML = try value.bool(named: "allow_raw_html")
                case "review_months": settings.reviewMonths = try value.int(named: "review_months", in: 1...120)
                case "reading_grade": settings.readingGrade = Double(try value.int(named: "reading_grade", in: 1...20))
                case "closed_weekdays": settings.calendar.closedWeekdays = try closedWeekdays(value)
                case "patient_dates":
                    let text = try value.string(named: "patient_dates").uppercased()
                    guard let format = PatientDateFormat(rawValue: text) else {
                        throw value.error("patient_dates must be one of \(PatientDateFormat.allCases.map(\.rawValue).joined(separator: ", ")), found \(value.shown)",
                                          hint: "French and British Excel write DD/MM/YYYY, American Excel MM/DD/YYYY")
                    }
                    settings.patientDates = format
                default: settings.calendar.closures = try closures(value)
                }
            }
        }
        if !sawName {
            log.add(Diagnostic(file: file, line: 1, message: "clinic_name is missing", hint: "add a line such as: clinic_name: Riverside Skin Clinic"))
        }
        if !log.hasErrors && !settings.languages.contains(settings.defaultLanguage) {
            let place = entries.first { $0.key == "default_language" }?.value ?? root
            log.add(contentsOf: place.error("default_language '\(settings.defaultLanguage)' is not in languages",
                                            hint: "add it to languages or choose one of: \(settings.languages.joined(separator: ", "))").diagnostics)
        }
        return settings
    }

    /// A setting that is one line of text, or one line per language (`en: Mon–Fri 9–17`).
    static func textByLanguage(_ value: YAMLValue, named what: String) throws(DiagnosticError) -> [String: String] {
        if case .mapping = value.node.content {
            var texts: [String: String] = [:]
            for (code, text) in try value.languageMapping(named: what) { texts[code] = try text.string(named: "\(what) in \(code)") }
            return texts
        }
        return ["": try value.string(named: what)]
    }

    private static func closedWeekdays(_ value: YAMLValue) throws(DiagnosticError) -> Set<Weekday> {
        var days = Set<Weekday>()
        for item in try value.sequence(named: "closed_weekdays") {
            let name = try item.string(named: "each closed weekday").lowercased()
            guard let day = Weekday(rawValue: name) else {
                throw item.error("'\(name)' is not a weekday", hint: "write weekdays in English: monday, tuesday, ... sunday")
            }
            days.insert(day)
        }
        if days.count == 7 { throw value.error("the clinic cannot be closed on every weekday") }
        return days
    }

    private static func closures(_ value: YAMLValue) throws(DiagnosticError) -> Set<CivilDate> {
        var dates = Set<CivilDate>()
        for item in try value.sequence(named: "closures") { dates.insert(try item.date(named: "each closure")) }
        return dates
    }

    private static func languageCode(_ value: YAMLValue, named what: String) throws(DiagnosticError) -> String {
        let code = try value.string(named: what)
        let valid = (2...3).contains(code.count) && code.allSatisfy { $0.isASCII && $0.isLowercase }
        guard valid else { throw value.error("\(what) must be a two-letter language code such as en or fr, found \(value.shown)") }
        return code
    }

    /// Checks and normalises a base URL (`SiteAddress`).
    static func parseBaseURL(_ value: YAMLValue) throws(DiagnosticError) -> String {
        let text = try value.string(named: "base_url")
        switch SiteAddress.normalised(text) {
        case .success(let url): return url
        case .failure(let problem):
            throw value.error("base_url \(problem.message), found \(value.shown)", hint: "for example: base_url: https://clinic.example/patients/")
        }
    }
}

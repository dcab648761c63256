import ArgumentParser
import Foundation
import RecoverySchedule
import SiteDisk
import SiteGenerator

struct TimelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "Make a patient's personal recovery timeline: a printable page, a calendar file, JSON or text.",
        discussion: """
        One patient:   clinicsite timeline --date 2026-12-01 --name "Ann Smith" --lang en --format html --output ann.html
        Many patients: clinicsite timeline --patients patients.csv --output timelines/
        The CSV has a header row with the columns id,name,date,lang,sessions,procedure (id and date required, procedure \
        too when the site has more than one; in French nom, langue, séances, soin are read too), separated by \
        commas, semicolons (French Excel) or tabs; each row gives ID.html and ID.ics. Dates are YYYY-MM-DD, or as \
        patient_dates in site.yml says (DD/MM/YYYY or MM/DD/YYYY). Personal timelines are never written inside the website folder.
        """
    )

    @OptionGroup var site: SiteRootOption

    @Option(name: .long, help: ArgumentHelp("The procedure date (Day 1), as YYYY-MM-DD.", valueName: "date"), transform: DateArgument.parse)
    var date: CivilDate?

    @Option(name: .long, help: ArgumentHelp("The patient's name, printed on the page (never used in file names).", valueName: "text"))
    var name: String?

    @Option(name: .long, help: ArgumentHelp("The language: one of the site's languages (default: the site's default).", valueName: "code"))
    var lang: LanguageCode?

    @Option(name: .long, help: ArgumentHelp("How many future sessions to plan, 1 to 10: the next one gets dates, the later ones are described from the one before.", valueName: "n"))
    var sessions: Int = 1

    @Option(name: .long, help: ArgumentHelp("The procedure, by its short name (the file name in content/procedures/, or the main one's) or its name; needed when the site has more than one.", valueName: "name"))
    var procedure: String?

    @Option(name: .long, help: ArgumentHelp("html (printable page), ics (calendar), json or text.", valueName: "format"))
    var format: PersonalTimelines.Format = .html

    @Option(name: .long, help: ArgumentHelp("A CSV of patients (id,name,date,lang,sessions); needs --output DIR.", valueName: "file"))
    var patients: String?

    @Option(name: .customLong("base-url"),
            help: ArgumentHelp("Where the site is published (default: base_url in site.yml); the handout's QR code opens its healing page.", valueName: "url"),
            transform: BaseURL.parse)
    var baseURL: BaseURL?

    @Option(name: .long, help: ArgumentHelp("Where to write: a file for one patient (default: standard output), a folder with --patients.", valueName: "path"))
    var output: String?

    @Flag(name: .customLong("confirm-dates"),
          help: "Make timelines for procedure dates more than 60 days ago or more than a year ahead (refused otherwise, as likely typos).")
    var confirmDates = false

    func validate() throws {
        if (date == nil) == (patients == nil) { throw ValidationError("give either --date for one patient or --patients FILE.csv for many") }
        if patients != nil && output == nil { throw ValidationError("--patients needs --output DIR, the folder for the files") }
        if !(1...Timeline.maximumSessions).contains(sessions) { throw ValidationError("--sessions must be from 1 to \(Timeline.maximumSessions)") }
    }

    func run() throws {
        let outputURL = output.map { URL(fileURLWithPath: $0) }
        let timelines = try Terminal.run { () throws(DiagnosticError) in
            if let outputURL { try OutputLocation.checkPrivate(output: outputURL, root: site.url) }
            return try PersonalTimelines(sources: SiteSources.load(root: site.url), baseURL: baseURL?.text)
        }
        if let patients, let outputURL {
            try runBatch(csv: patients, output: outputURL, timelines: timelines)
        } else if let date {
            try runOne(date: date, output: outputURL, timelines: timelines)
        }
    }

    private func runOne(date: CivilDate, output: URL?, timelines: PersonalTimelines) throws {
        if !confirmDates, let unusual = DateWindow(today: Terminal.today).problem(with: date) {
            Terminal.printError("clinicsite: --date \(unusual): is it right?\n    hint: \(DateWindow.hint)")
            throw ExitCode.validationFailure
        }
        let language = lang?.code ?? timelines.defaultLanguage
        guard timelines.languages.contains(language) else {
            Terminal.printError("clinicsite: --lang must be one of the site's languages: \(timelines.languages.joined(separator: ", "))")
            throw ExitCode.validationFailure
        }
        let chosen: String
        switch timelines.procedure(for: procedure) {
        case .success(let slug): chosen = slug
        case .failure(let reason):
            Terminal.printError("clinicsite: --procedure: \(reason.message)\n    hint: \(reason.hint)")
            throw ExitCode.validationFailure
        }
        if let closed = timelines.closedDayProblem(date) {
            Terminal.printError("clinicsite: warning: --date \(closed): is it right?\n    hint: \(PersonalTimelines.closedDayHint)")
        }
        let patient = Patient(name: name, procedure: date, language: language, sessions: sessions, procedureName: chosen)
        let text = timelines.render(patient, as: format)
        guard let output else {
            // The other formats escape or drop control characters themselves (and a calendar needs its CR LF).
            if format == .text { Terminal.printOutput(text) } else { FileHandle.standardOutput.write(Data(text.utf8)) }
            return
        }
        try Terminal.run { () throws(DiagnosticError) in try PrivateFile.write(text, to: output) }
    }

    private func runBatch(csv: String, output: URL, timelines: PersonalTimelines) throws {
        var lastShown = 0
        let report = try Terminal.run { () throws(DiagnosticError) in
            try PatientBatch.run(csv: URL(fileURLWithPath: csv), displayPath: csv, output: output, timelines: timelines,
                                 window: confirmDates ? nil : DateWindow(today: Terminal.today)) { done in
                if done - lastShown >= 1000 {
                    Terminal.printError("clinicsite: \(done) timelines written...")
                    lastShown = done
                }
            }
        }
        Terminal.report(report.warnings + report.problems)
        print("Wrote \(report.written) personal timelines (HTML and calendar) to \(output.path).")
        if !report.problems.isEmpty {
            let rows = report.problems.count == 1 ? "1 row" : "\(report.problems.count) rows"
            let held = report.written == 0 ? "no print-all.html was written"
                : "print-all.html holds the \(report.written) patient\(report.written == 1 ? "" : "s") written, not the \(rows) with problems"
            Terminal.printError("clinicsite: \(rows) could not be used; all other rows were written, and \(held).")
            throw ExitCode.failure
        }
    }
}

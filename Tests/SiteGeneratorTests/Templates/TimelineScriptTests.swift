import Foundation
import RecoverySchedule
import TestSupport
import Testing
@testable import SiteGenerator

/// The healing page's script must give exactly the dates the Swift module gives, in any time zone.
@Suite struct TimelineScriptTests {
    static let script = Fixture.repository.appendingPathComponent("templates/assets/timeline.js")

    /// Over 1,000 procedure dates: every 13th day from 1999 to 2040, plus leap days, month and year ends,
    /// and the daylight-saving weekends of America/Toronto and Europe/Paris with the days around them.
    static func procedureDates() -> [CivilDate] {
        var dates: [CivilDate] = []
        var day = CivilDate(iso: "1999-01-01")!
        while day < CivilDate(iso: "2040-12-31")! {
            dates.append(day)
            day = day.adding(days: 13)
        }
        for year in 2020...2032 {
            if CivilDate.isLeap(year: year) { dates.append(CivilDate(year: year, month: 2, day: 29)!) }
            for month in 1...12 { dates.append(CivilDate(year: year, month: month, day: CivilDate.daysIn(month: month, year: year))!) }
            dates.append(CivilDate(year: year, month: 1, day: 1)!)
        }
        for iso in ["2026-03-08", "2026-11-01", "2026-03-29", "2026-10-25", "2027-03-14", "2027-11-07", "2027-03-28", "2027-10-31"] {
            let change = CivilDate(iso: iso)!
            for offset in -2...2 { dates.append(change.adding(days: offset)) }
        }
        return dates
    }

    static func line(_ timeline: Timeline) -> String {
        func step(_ s: Timeline.DatedStep) -> String {
            "\(s.rule.id):" + [s.start, s.latestStart, s.end, s.latestEnd].map { $0?.iso ?? "-" }.joined(separator: ",")
        }
        let next = timeline.nextSession
        let nextSession: String = "next:" + [next.earliest, next.usual, next.spanFrom, next.spanTo].map(\.iso).joined(separator: ",")
        let later: [String] = timeline.laterSessions.map { "s\($0.number):\($0.after),\($0.minimumWeeks),\($0.usualWeeks)" }
        let steps: [String] = (timeline.phases + timeline.care).map(step)
        return ([timeline.procedure.iso] + steps + [nextSession] + later).joined(separator: "|")
    }

    static let nodeProgram = """
    const t = require(process.argv[1]);
    const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));
    const out = input.dates.map(function (iso) {
      const r = t.computeTimeline(input.data, iso, input.sessions);
      const step = function (s) { return s.id + ':' + [s.start, s.latestStart, s.end, s.latestEnd].map(function (v) { return v || '-'; }).join(','); };
      const n = r.nextSession;
      return [r.procedure].concat(r.phases.concat(r.care).map(step), ['next:' + [n.earliest, n.usual, n.spanFrom, n.spanTo].join(',')],
        r.laterSessions.map(function (s) { return 's' + s.number + ':' + [s.after, s.minimumWeeks, s.usualWeeks].join(','); })).join('|');
    });
    process.stdout.write(out.join('\\n'));
    """

    static func runNode(input: Data, timeZone: String) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["node", "-e", nodeProgram, script.path]
        process.environment = (ProcessInfo.processInfo.environment).merging(["TZ": timeZone]) { $1 }
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        stdin.fileHandleForWriting.write(input)
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return String(decoding: output, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    @Test(arguments: ["America/Toronto", "Europe/Paris", "UTC", "Pacific/Kiritimati"])
    func scriptAgreesWithSwift(timeZone: String) throws {
        let calendar = ClinicCalendar(closedWeekdays: [.sunday, .monday], closures: [CivilDate(iso: "2026-12-25")!, CivilDate(iso: "2027-01-12")!, CivilDate(iso: "2028-04-11")!])
        var rules = RecoveryRules.standard
        rules.spacing.spanToMonths = 7
        // Also rules the rules file refuses (usual before the minimum): both clamp "usually from" to "not before".
        var shortUsual = RecoveryRules.standard
        shortUsual.spacing.usualWeeks = 4
        let call = CallClinic(settings: Settings(), words: TimelineWording(language: "en", strings: [:]), redAfter: nil)
        let dates = Self.procedureDates()
        #expect(dates.count >= 1000)
        for rules in [rules, shortUsual] {
            let data = TimelineScriptData(language: "en", rules: rules, calendar: calendar, strings: [:], call: call)
            let payload = "{\"sessions\":3,\"dates\":[\(dates.map { "\"\($0.iso)\"" }.joined(separator: ","))],\"data\":\(data.scriptJSON())}"
            let fromNode = try Self.runNode(input: Data(payload.utf8), timeZone: timeZone)
            let fromSwift = dates.map { Self.line(Timeline(procedure: $0, rules: rules, calendar: calendar, sessions: 3)) }
            #expect(fromNode.count == fromSwift.count)
            for (js, swift) in zip(fromNode, fromSwift) where js != swift {
                Issue.record("JavaScript: \(js)\nSwift:      \(swift)")
                break
            }
        }
    }

    /// The calculator writes dates in words as the handout does (French "1er" and the typography rules
    /// included), in both languages.
    @Test(arguments: ["en", "fr"])
    func scriptWritesDatesAsSwiftDoes(language: String) throws {
        let dates = Self.procedureDates().filter { $0.year >= 2020 && $0.year <= 2032 }
        let program = """
        const t = require(process.argv[1]);
        const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));
        process.stdout.write(input.dates.map(function (iso) {
          return t.writtenDate(iso, input.language, t.LONG, input.rules) + '|' + t.briefDate(iso, input.language, '2026', input.rules);
        }).join('\\n'));
        """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["node", "-e", program, Self.script.path]
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        var log = DiagnosticLog()
        let typography = try #require(TypographyFile.load(sources: Fixture.shippedSources(), languages: [language], log: &log)[language])
        #expect(!typography.rules.isEmpty)
        let rules = String(decoding: try JSONEncoder().encode(typography.scriptRules), as: UTF8.self)
        stdin.fileHandleForWriting.write(Data("{\"language\":\"\(language)\",\"rules\":\(rules),\"dates\":[\(dates.map { "\"\($0.iso)\"" }.joined(separator: ","))]}".utf8))
        try stdin.fileHandleForWriting.close()
        let fromNode = String(decoding: stdout.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).split(separator: "\n").map(String.init)
        process.waitUntilExit()
        let fromSwift = dates.map { "\(typography.apply($0.written(in: language)))|\(typography.apply($0.writtenBrief(in: language, sayingYearUnless: 2026)))" }
        #expect(fromNode.count == fromSwift.count)
        let differing = zip(fromNode, fromSwift).filter { $0 != $1 }
        #expect(differing.isEmpty, "\(differing.count) differ, such as \(differing.prefix(3))")
    }
}

import Foundation
import RecoverySchedule
import TestSupport
import Testing
@testable import SiteGenerator

/// What a French reader sees: before ? ! ; : a no-break space (never an ordinary one, never none), and no
/// straight apostrophe, on every French page of the shipped site, French handouts, text output and calendar text.
@Suite struct FrenchTypographyTests {
    /// The text a reader sees in `html`: tags, scripts, styles and code left out, entities decoded.
    static func visibleText(_ html: String) -> String {
        var text = html
        for element in ["script", "style", "code", "pre"] {
            text = text.replacing(try! Regex("(?s)<\(element)\\b.*?</\(element)>"), with: " ")
        }
        text = text.replacing(/<[^>]*>/, with: " ")
        for (entity, character) in [("&#39;", "'"), ("&quot;", "\""), ("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text
    }

    /// Each fault with a little context around it: an ordinary space before `? ! ; :`, no space at all before
    /// one (but a time such as 9:30 or an address's `://`), and a straight apostrophe.
    static func faults(in html: String) -> [String] { textFaults(in: visibleText(html)) }

    static func textFaults(in text: String) -> [String] {
        let ordinary = text.matches(of: /\S{0,12}( [?!;:]|')\S{0,12}/).map { String(text[$0.range]) }
        let missing = text.matches(of: /\S{0,12}[^\s\u{A0}\u{202F}?!;:]([?!;]|:(?![\d\/]))\S{0,12}/)
            .filter { match in !(text[match.range].contains(/\d:\d/)) }
            .map { String(text[$0.range]) }
        return ordinary + missing
    }

    /// The text a calendar file shows: its SUMMARY, DESCRIPTION and LOCATION values, unfolded and unescaped.
    static func calendarText(_ ics: String) -> String {
        let unfolded = ics.replacingOccurrences(of: "\r\n ", with: "")
        return unfolded.components(separatedBy: "\r\n").compactMap { line -> String? in
            guard ["SUMMARY", "DESCRIPTION", "LOCATION"].contains(where: { line.hasPrefix($0) }), let colon = line.firstIndex(of: ":") else { return nil }
            return String(line[line.index(after: colon)...]).replacingOccurrences(of: "\\n", with: "\n")
                .replacingOccurrences(of: "\\;", with: ";").replacingOccurrences(of: "\\,", with: ",").replacingOccurrences(of: "\\\\", with: "\\")
        }.joined(separator: "\n")
    }

    @Test func everyFrenchPageOfTheShippedSite() throws {
        let site = try Fixture.build(Fixture.shippedSources())
        let french = site.files.filter { $0.path.hasPrefix("fr/") && $0.path.hasSuffix(".html") }
        #expect(french.count == 4)
        for file in french {
            let faults = Self.faults(in: String(decoding: file.data, as: UTF8.self))
            #expect(faults.isEmpty, "\(file.path): \(faults.prefix(5))")
        }
        // The pages for every language: their French parts.
        for path in ["index.html", "404.html"] {
            let html = try #require(Fixture.text(site, path))
            let frenchParts = html.matches(of: /(?s)<(section|li) lang="fr">.*?<\/(section|li)>/).map { String(html[$0.range]) }
            #expect(!frenchParts.isEmpty, "\(path) has French text")
            for part in frenchParts { #expect(Self.faults(in: part).isEmpty, "\(path): \(Self.faults(in: part))") }
        }
    }

    @Test func frenchHandoutsAndCalculatorWords() throws {
        let timelines = try Fixture.timelines()
        for sessions in [1, 3, 10] {
            let patient = Patient(name: "Élodie", procedure: CivilDate(iso: "2027-12-28")!, language: "fr", sessions: sessions)
            let faults = Self.faults(in: timelines.render(patient, as: .html))
            #expect(faults.isEmpty, "\(sessions) sessions: \(faults.prefix(5))")
            let text = timelines.render(patient, as: .text)
            #expect(Self.textFaults(in: text).isEmpty, "text: \(Self.textFaults(in: text).prefix(5))")
            let calendar = Self.calendarText(timelines.render(patient, as: .ics))
            #expect(calendar.contains("Pommade sur la peau traitée — jour\u{A0}1"))
            #expect(Self.textFaults(in: calendar).isEmpty, "calendar: \(Self.textFaults(in: calendar).prefix(5))")
        }
    }

    /// A French short date ends in a full stop ("avr."): no sentence may add a second one after it.
    @Test func noDoubleFullStopAfterAShortDate() throws {
        let timelines = try Fixture.timelines()
        for sessions in [1, 2] {
            let patient = Patient(procedure: CivilDate(iso: "2027-03-01")!, language: "fr", sessions: sessions)
            let text = Self.visibleText(timelines.render(patient, as: .html))
            let doubled = text.matches(of: /\S{0,20}\.\s*\./).map { String(text[$0.range]) }
            #expect(doubled.isEmpty, "\(sessions) sessions: \(doubled)")
        }
    }

    @Test func theCheckFindsWhatItLooksFor() throws {
        #expect(Self.faults(in: "<p>Qu'est-ce que c’est ?</p><code>l'eau ?</code>") == ["Qu'est-ce", "c’est ?"])
        #expect(Self.faults(in: "<p title=\"l'eau ?\">Nom&#39;s\u{A0}: x</p>") == ["Nom's"])
        // No space at all is a fault too: the footer's "Téléphone:" before this check looked for it.
        #expect(Self.faults(in: "<li>Téléphone: <a href=\"tel:+1\">+1</a></li>") == ["Téléphone:"])
        #expect(Self.textFaults(in: "Vraiment?! Oui; non") == ["Vraiment?!", "Oui;"])
        #expect(Self.textFaults(in: "de 9:30 à 17:00, https://clinique.example, Oui\u{202F}; non\u{202F}! Nom\u{A0}: x").isEmpty)
        // The footer as the template wrote it before: a literal colon after each label.
        let site = try Fixture.build(Fixture.shippedSources())
        let footer = try #require(Fixture.text(site, "fr/index.html")).firstMatch(of: /(?s)<footer.*<\/footer>/).map { String($0.output) } ?? ""
        #expect(footer.contains("Téléphone\u{A0}:"))
        #expect(!Self.faults(in: footer.replacingOccurrences(of: "Téléphone\u{A0}:", with: "Téléphone:")).isEmpty)
    }
}

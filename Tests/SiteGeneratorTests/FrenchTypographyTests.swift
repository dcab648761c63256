import Foundation
import RecoverySchedule
import TestSupport
import Testing
@testable import SiteGenerator

/// What a French reader sees: no ordinary space before ? ! ; : and no straight apostrophe, on every French
/// page of the shipped site and on French handouts.
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

    /// Each fault with a little context around it.
    static func faults(in html: String) -> [String] {
        let text = visibleText(html)
        return text.matches(of: /\S{0,12}( [?!;:]|')\S{0,12}/).map { String(text[$0.range]) }
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
            #expect(Self.faults(in: text).isEmpty, "text: \(Self.faults(in: text).prefix(5))")
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

    @Test func theCheckFindsWhatItLooksFor() {
        #expect(Self.faults(in: "<p>Qu'est-ce que c’est ?</p><code>l'eau ?</code>") == ["Qu'est-ce", "c’est ?"])
        #expect(Self.faults(in: "<p title=\"l'eau ?\">Nom&#39;s\u{A0}: x</p>") == ["Nom's"])
    }
}

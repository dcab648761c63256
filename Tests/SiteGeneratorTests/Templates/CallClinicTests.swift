import Foundation
import TestSupport
import Testing
@testable import SiteGenerator

/// "Call the clinic if…" stands beside the aftercare on the healing page, in each language, with the number as a
/// `tel:` link, the opening hours and, when set, what to do outside them; the calculator gets the same.
@Suite struct CallClinicTests {
    @Test func theHealingPagesSayWhenToCallWithTheNumberToTap() throws {
        let site = try Fixture.build(Fixture.shippedSources())
        let english = try #require(Fixture.text(site, "en/healing.html"))
        let block = try #require(english.firstMatch(of: /(?s)<section class="call-clinic".*?<\/section>/)).output
        #expect(block.contains("<h2 id=\"cs-call-title\">Call the clinic if:</h2>"))
        #expect(block.contains("<li>your skin is still red after Day\u{A0}4</li>\n<li>anything worries you</li>"))
        #expect(block.contains("<p class=\"call-phone\">Phone: <a href=\"tel:+15550100199\">+1 555 010 0199</a></p>"))
        #expect(block.contains("<p>Hours: Mon\u{2060}–\u{2060}Fri 9\u{A0}am\u{2060}–\u{2060}5\u{A0}pm, Sat 9\u{A0}am\u{2060}–\u{2060}1\u{A0}pm</p>"))
        #expect(!block.contains("Outside opening hours"), "not set in the shipped site")
        // Before the day-by-day table, right after the page's own text.
        #expect(english.range(of: "class=\"call-clinic\"")!.lowerBound < english.range(of: "class=\"timeline\"")!.lowerBound)
        let french = try #require(Fixture.text(site, "fr/guerison.html"))
        #expect(french.contains("<h2 id=\"cs-call-title\">Appelez la clinique si\u{A0}:</h2>"))
        #expect(french.contains("<li>votre peau est encore rouge après le jour\u{A0}4</li>"))
        #expect(french.contains("<p class=\"call-phone\">Téléphone\u{A0}: <a href=\"tel:+15550100199\">+1 555 010 0199</a></p>"))
        #expect(french.contains("<p>Horaires\u{A0}: lun.\u{2060}–\u{2060}ven. 9\u{A0}h\u{2060}–\u{2060}17\u{A0}h, sam. 9\u{A0}h\u{2060}–\u{2060}13\u{A0}h</p>"))
        // The calculator's data carries the number, its link and the hours.
        #expect(english.contains("\"phoneHref\":\"tel:+15550100199\""))
        #expect(english.contains("\"hours\":\"Mon\u{2060}–\u{2060}Fri"))
    }

    @Test func afterHoursIsShownInEachLanguageWhenSet() throws {
        var files = try Fixture.shippedSources().files
        let settings = String(decoding: try #require(files["content/site.yml"]), as: UTF8.self)
            + "after_hours:\n  en: \"If it cannot wait: call 111 <now>\"\n  fr: \"Si cela ne peut pas attendre : appelez le 15\"\n"
        files["content/site.yml"] = Data(settings.utf8)
        let site = try Fixture.build(SiteSources(files: files))
        #expect(Fixture.text(site, "en/healing.html")?.contains("<p>Outside opening hours: If it cannot wait: call 111 &lt;now&gt;</p>") == true)
        #expect(Fixture.text(site, "fr/guerison.html")?.contains("<p>En dehors des heures d’ouverture\u{A0}: Si cela ne peut pas attendre\u{A0}: appelez le 15</p>") == true)
        #expect(Fixture.text(site, "en/healing.html")?.contains("\"afterHours\":\"If it cannot wait: call 111 \\u003cnow\\u003e\"") == true)
    }

    @Test func aNumberWithoutDigitsIsNoLink() {
        #expect(Settings(phone: "+1 (555) 010-0199").phoneHref == "tel:+15550100199")
        #expect(Settings(phone: "ask at the desk").phoneHref == "")
        #expect(Settings(phone: "+").phoneHref == "")
    }
}

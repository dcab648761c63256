import Foundation
import TestSupport
import Testing
@testable import SiteGenerator

/// Blocks staff write that CommonMark has no element for: alert quotes become labelled callouts; tables are refused at their line.
@Suite struct StaffBlockTests {
    @Test func alertQuotesBecomeLabelledCallouts() {
        let markdown = "> [!WARNING]\n> Call the clinic.\n\n> [!tip]\n>\n> Two *paragraphs*.\n>\n> Here.\n\n> [!NOTE] not alone on its line\n\n> [!OTHER]\n> stays a quote\n"
        let html = CmarkDocument(markdown: markdown, calloutLabels: ["WARNING": "Important <now>", "TIP": "Conseil"]).renderHTML(allowRawHTML: false)
        #expect(html.contains("<div class=\"callout callout-warning\" role=\"note\">\n<p class=\"callout-label\">Important &lt;now&gt;</p>\n<p>Call the clinic.</p>\n</div>"))
        #expect(html.contains("<div class=\"callout callout-tip\" role=\"note\">\n<p class=\"callout-label\">Conseil</p>\n<p>Two <em>paragraphs</em>.</p>\n<p>Here.</p>\n</div>"))
        #expect(html.contains("<blockquote>\n<p>[!NOTE] not alone on its line</p>\n</blockquote>"))
        #expect(html.contains("<blockquote>\n<p>[!OTHER]\nstays a quote</p>\n</blockquote>"))
        #expect(!html.contains("[!WARNING]") && !html.contains("[!tip]"))
        // A site whose interface strings predate callouts still builds: the label is the word itself.
        let unlabelled = CmarkDocument(markdown: "> [!NOTE]\n> Keep it clean.\n").renderHTML(allowRawHTML: false)
        #expect(unlabelled.contains("<p class=\"callout-label\">Note</p>"))
    }

    @Test func theShippedSiteLabelsCalloutsInEachLanguage() throws {
        var files = try Fixture.shippedSources().files
        files["content/fr/notes.md"] = Data("---\ntitle: Notes\nreviewed: 2026-11-26\n---\n# Notes\n\n> [!NOTE]\n> Gardez la peau propre.\n".utf8)
        files["content/en/notes.md"] = Data("---\ntitle: Notes\nreviewed: 2026-11-26\n---\n# Notes\n\n> [!TIP]\n> Keep the skin clean.\n".utf8)
        let site = try SiteBuilder.build(SiteSources(files: files), options: BuildOptions(today: Fixture.today))
        let french = String(decoding: try #require(site.files.first { $0.path == "fr/notes.html" }).data, as: UTF8.self)
        #expect(french.contains("<p class=\"callout-label\">À noter</p>"))
        let english = String(decoding: try #require(site.files.first { $0.path == "en/notes.html" }).data, as: UTF8.self)
        #expect(english.contains("<div class=\"callout callout-tip\" role=\"note\">\n<p class=\"callout-label\">Tip</p>"))
    }

    @Test func aPipeTableIsAnErrorAtItsLine() throws {
        let page = "---\ntitle: Days\n---\n# Days\n\nHow it goes:\n\n| Day | What |\n|-----|:----:|\n| 1 | red |\n\n```\n| in | code |\n|----|------|\n```\n"
        let error = #expect(throws: DiagnosticError.self) { try Fixture.build(Fixture.site(pages: ["content/en/days.md": page])) }
        let problems = error?.diagnostics.filter { $0.file == "content/en/days.md" } ?? []
        #expect(problems.map(\.location) == ["content/en/days.md:8"])
        #expect(problems.first?.message.hasPrefix("this is a table, and tables are not supported") == true)
        #expect(problems.first?.hint?.contains("- **Days 1–2**:") == true)
        // Bars in text, or a table only inside a code block, are no table.
        let fine = "---\ntitle: Fine\n---\n# Fine\n\nChoose a | b.\n\n```\n| in | code |\n|----|------|\n```\n"
        #expect(throws: Never.self) { try Fixture.build(Fixture.site(pages: ["content/en/index.md": fine])) }
    }

    @Test func rawHTMLLeftOutIsAWarningAtItsLine() throws {
        let page = "---\ntitle: Raw\n---\n# Raw\n\n<div class=\"note\">Keep it clean.</div>\n\n<!-- a note to staff -->\n\nA line<br>break.\n"
        let site = try Fixture.build(Fixture.site(pages: ["content/en/raw.md": page]))
        let warnings = site.warnings.filter { $0.code == .rawHTMLLeftOut }
        #expect(warnings.map(\.location) == ["content/en/raw.md:6", "content/en/raw.md:10"])
        #expect(warnings.first?.message == "raw HTML is left out of the published page: <div class=\"note\">Keep it clean.</div>")
        let allowed = try Fixture.build(Fixture.site(pages: ["content/en/raw.md": page], settings: Fixture.settings + "\nallow_raw_html: true\n"))
        #expect(!allowed.warnings.contains { $0.code == .rawHTMLLeftOut })
    }

    /// A photo linked as week1.jpg when the phone named it Week1.JPG: the hint names the file as it is.
    @Test func aCaseOnlyMismatchNamesTheFile() throws {
        let page = "---\ntitle: Photos\n---\n# Photos\n\n![Week one](img/week1.jpg)\n"
        let error = #expect(throws: DiagnosticError.self) {
            try Fixture.build(Fixture.site(pages: ["content/en/photos.md": page], extra: ["content/en/img/Week1.JPG": "jpeg"]))
        }
        let problem = try #require(error?.diagnostics.first { $0.file == "content/en/photos.md" })
        #expect(problem.location == "content/en/photos.md:6:1")
        #expect(problem.hint == "the file is content/en/img/Week1.JPG: upper and lower case must match, since web servers tell them apart")
    }
}

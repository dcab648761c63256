import TestSupport
import Testing
@testable import SiteGenerator

@Suite struct FrontMatterTests {
    @Test func splitsFrontMatterAndCountsBodyLines() throws {
        let split = try FrontMatter.split("---\ntitle: Healing\norder: 3\nreviewed: 2026-01-05\n---\n# Body\n", file: "a.md")
        #expect(split.frontMatter.title == "Healing")
        #expect(split.frontMatter.order == 3)
        #expect(split.frontMatter.reviewed?.iso == "2026-01-05")
        #expect(split.body == "# Body\n")
        #expect(split.bodyLine == 6)
    }

    @Test func fileWithoutFrontMatterIsAllBody() throws {
        let split = try FrontMatter.split("# Only text\n\n---\n", file: "a.md")
        #expect(split.frontMatter == FrontMatter())
        #expect(split.body == "# Only text\n\n---\n")
        #expect(split.bodyLine == 1)
    }

    @Test func splitAgreesWithALineByLineReadingOnOddFiles() {
        // Files built from awkward lines; each is split by FrontMatter and by a plain line-by-line reading.
        let lines = ["---", "...", "--- ", "---\t", " ---", "title: A", "title: 'B: é'", "", "  ", "# Heading", "-- -", "…"]
        var state: UInt64 = 7
        for _ in 0..<400 {
            var text = "---\n"
            for _ in 0..<Int.random(in: 0...6, using: &state.generator) { text += lines.randomElement(using: &state.generator)! + "\n" }
            if Bool.random(using: &state.generator) { text.removeLast() }
            let expected = Self.lineByLine(text)
            do {
                let split = try FrontMatter.split(text, file: "a.md")
                #expect(expected != nil && String(split.body) == expected?.body && split.bodyLine == expected?.bodyLine, "\(text.debugDescription)")
            } catch {
                // Either the front matter is never closed, or its YAML is wrong: only the second may have a closing line.
                let unclosed = error.diagnostics.contains { $0.message.contains("never closed") }
                #expect(unclosed == (expected == nil), "\(text.debugDescription)")
            }
        }
    }

    /// The body and its first line number, found by splitting the whole file into lines; nil when unclosed.
    static func lineByLine(_ text: String) -> (body: String, bodyLine: Int)? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for index in lines.indices.dropFirst() {
            let trimmed = lines[index].reversed().drop { $0 == " " || $0 == "\t" }.reversed()
            if String(trimmed) == "---" || String(trimmed) == "..." {
                return (lines[(index + 1)...].joined(separator: "\n"), index + 2)
            }
        }
        return nil
    }

    @Test func emptyFrontMatterIsAllowed() throws {
        let split = try FrontMatter.split("---\n---\nText", file: "a.md")
        #expect(split.frontMatter == FrontMatter())
        #expect(split.body == "Text")
    }

    @Test func unknownKeyNamesLineAndSuggestsSpelling() {
        #expect(throws: DiagnosticError.self) { try FrontMatter.split("---\ntitle: A\ntitel: B\n---\n", file: "content/en/a.md") }
        do {
            _ = try FrontMatter.split("---\ntitle: A\ntitel: B\n---\n", file: "content/en/a.md")
        } catch {
            let diagnostic = error.diagnostics[0]
            #expect(diagnostic.description.hasPrefix("content/en/a.md:3:1: error: unknown key 'titel' in the front matter"))
            #expect(diagnostic.hint?.contains("did you mean 'title'?") == true)
        }
    }

    @Test func wrongTypesAreAllReportedWithLines() {
        do {
            _ = try FrontMatter.split("---\norder: first\ndraft: maybe\nreviewed: 2026-02-30\nslug: Not OK\n---\n", file: "p.md")
            Issue.record("expected an error")
        } catch {
            let lines = error.diagnostics.map(\.line)
            #expect(lines == [2, 3, 4, 5])
            #expect(error.diagnostics[0].message == "order must be a whole number, found 'first'")
            #expect(error.diagnostics[2].message.contains("YYYY-MM-DD"))
        }
    }

    @Test func unclosedFrontMatterIsAnError() {
        do {
            _ = try FrontMatter.split("---\ntitle: A\n# Body", file: "p.md")
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostics[0].location == "p.md:1:1")
            #expect(error.diagnostics[0].message.contains("never closed"))
        }
    }

    @Test func yamlSyntaxErrorHasFileLine() {
        do {
            _ = try FrontMatter.split("---\ntitle: A\ndescription: [unclosed\n---\n", file: "p.md")
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostics[0].file == "p.md")
            #expect(error.diagnostics[0].line >= 3)
            #expect(error.diagnostics[0].message.hasPrefix("invalid YAML"))
        }
    }
}

@Suite struct PageTitleTests {
    @Test func titleComesFromFrontMatterThenHeadingThenFileName() throws {
        let pages = [
            "content/en/a.md": "---\ntitle: From front matter\n---\n# Heading\n",
            "content/en/b.md": "Intro\n\n## Second level\n\n# First level heading\n",
            "content/en/after_care.md": "No heading at all.\n",
            "content/en/Odd Name.md": "Text\n",
        ]
        let site = try Fixture.build(Fixture.site(pages: pages))
        #expect(Fixture.text(site, "en/a.html")?.hasPrefix("<title>From front matter</title>") == true)
        #expect(Fixture.text(site, "en/b.html")?.hasPrefix("<title>First level heading</title>") == true)
        #expect(Fixture.text(site, "en/after-care.html")?.hasPrefix("<title>After care</title>") == true)
        #expect(Fixture.text(site, "en/odd-name.html")?.hasPrefix("<title>Odd Name</title>") == true)
    }

    @Test func twoPagesWithTheSameOutputNameAreAnError() {
        let errors = Fixture.errors(Fixture.site(pages: ["content/en/a.md": "A", "content/en/b.md": "---\nslug: a\n---\nB"]))
        #expect(errors.count == 1)
        #expect(errors.first?.message.contains("would be written to en/a.html") == true)
    }

    @Test func crlfAndByteOrderMarkAreAccepted() throws {
        let site = try Fixture.build(Fixture.site(pages: ["content/en/a.md": "\u{FEFF}---\r\ntitle: Windows\r\n---\r\n# Heading\r\n\r\n[home](index.md)\r\n"]))
        let html = try #require(Fixture.text(site, "en/a.html"))
        #expect(html.hasPrefix("<title>Windows</title>"))
        #expect(html.contains("<a href=\"index.html\">home</a>"))
    }
}

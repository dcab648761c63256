import Foundation
import RecoverySchedule
import TestSupport
import Testing
@testable import SiteGenerator

/// Inputs from the hostile pass of #11 that once crashed or misreported, kept fixed.
@Suite struct HardeningTests {
    @Test func aHeadingNestedThousandsOfLevelsDeepDoesNotOverflowTheStack() throws {
        let stars = String(repeating: "*", count: 150_000)
        let document = CmarkDocument(markdown: "# " + stars + "deep" + stars + "\n")
        let text = document.headings.first?.text ?? ""
        #expect(text == "deep", "the heading text has \(text.count) characters")
    }

    @Test func datesOutsideTheSupportedRangeAreClearErrors() {
        let errors = Fixture.errors(Fixture.site(pages: ["content/en/index.md": "---\nreviewed: 9999-06-01\n---\n# Home\n"]))
        #expect(errors.map(\.description) == ["content/en/index.md:2:11: error: reviewed must be a date from 1900-01-01 to 2999-12-31, found '9999-06-01'"])
        // Arithmetic itself never traps, even past year 9999, and old dates are not written on the wrong calendar.
        #expect(CivilDate(iso: "9999-12-31")!.adding(months: 6).iso == "10000-06-30")
        #expect(CivilDate(iso: "0001-01-01")!.adding(months: -1).iso == "0000-12-01")
        #expect(CivilDate(iso: "1582-10-04")!.written(in: "en") == "1582-10-04")
        #expect(CivilDate(iso: "2026-12-01")!.written(in: "en") == "Tuesday, December 1, 2026")
    }

    @Test func aClinicThatDropsALanguageKeepsItsRecoveryRules() throws {
        var files = try Fixture.shippedSources().files
        files["content/site.yml"] = Data("clinic_name: Solo\nlanguages: [en]\n".utf8)
        for path in files.keys where path.hasPrefix("content/fr/") { files[path] = nil }
        let site = try Fixture.build(SiteSources(files: files))
        #expect(site.pageCount == 4)
    }

    @Test func brokenSettingsAreReportedOnceWithoutACascade() throws {
        var files = try Fixture.shippedSources().files
        files["content/site.yml"] = Data("clinic_name: [unclosed\n".utf8)
        let errors = Fixture.errors(SiteSources(files: files))
        #expect(!errors.isEmpty)
        #expect(errors.allSatisfy { $0.file == "content/site.yml" }, "\(errors)")
    }

    @Test func rawHTMLKeepsTheURLFilter() throws {
        let page = "# Home\n\n[a](javascript:alert(1)) [b](VBScript:x) ![c](data:text/html;base64,PHN2Zz4=) [d](file:///etc/passwd) ![e](data:image/png;base64,AA==) <b>raw</b>\n"
        let site = try Fixture.build(Fixture.site(pages: ["content/en/index.md": page], settings: Fixture.settings + "\nallow_raw_html: true\n"))
        let html = try #require(Fixture.text(site, "en/index.html"))
        #expect(html.contains("<b>raw</b>"))
        for dangerous in ["javascript:", "VBScript:", "data:text/html", "file:"] { #expect(!html.contains(dangerous), "\(dangerous) went live") }
        #expect(html.contains("src=\"data:image/png;base64,AA==\""))
    }

    @Test func headingsCannotTakeTheLayoutsOwnIDs() throws {
        let layout = "<main id=\"main\"><div id=\"cs-recovery-data\"></div>{{{content}}}</main>"
        let page = "# Main\n\n## Data {#cs-recovery-data}\n"
        let site = try Fixture.build(Fixture.site(pages: ["content/en/index.md": page], extra: ["templates/page.mustache": layout]))
        let html = try #require(Fixture.text(site, "en/index.html"))
        #expect(html.components(separatedBy: "id=\"main\"").count == 2)
        #expect(html.components(separatedBy: "id=\"cs-recovery-data\"").count == 2)
        #expect(html.contains("<h1 id=\"main-2\">Main</h1>"))
        #expect(html.contains("<h2 id=\"cs-recovery-data-2\">Data</h2>"))
    }

    /// A "billion laughs" document: each level names the one before it nine times.
    static func aliasBomb(depth: Int) -> String {
        var yaml = "a0: &a0 [lol]\n"
        for level in 1...depth {
            yaml += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]\n"
        }
        return yaml + "? *a\(depth)\n: boom\n"
    }

    @Test(.timeLimit(.minutes(1))) func yamlAnchorsAndAliasesAreRefusedBeforeTheyAreExpanded() {
        let bomb = Self.aliasBomb(depth: 9)
        let inPage = Fixture.errors(Fixture.site(pages: ["content/en/index.md": "---\n" + bomb + "---\n# Home\n"]))
        #expect(inPage.map(\.description).first?.hasPrefix("content/en/index.md:2:5: error: YAML anchors and aliases are not accepted, found an anchor (&name)") == true, "\(inPage)")
        let inSettings = Fixture.errors(Fixture.site(pages: ["content/en/index.md": "# Home\n"], settings: Fixture.settings + "\n" + bomb))
        #expect(inSettings.contains { $0.file == "content/site.yml" && $0.message.contains("anchors and aliases are not accepted") }, "\(inSettings)")
        // An ampersand or asterisk inside text is still just text.
        let site = try? Fixture.build(Fixture.site(pages: ["content/en/index.md": "---\ntitle: \"*Care* & aftercare\"\ndescription: Before & after\n---\n# Home\n"]))
        let html = site.flatMap { Fixture.text($0, "en/index.html") } ?? ""
        #expect(html.contains("*Care* &amp; aftercare"), "\(html.prefix(600))")
    }

    @Test func controlCharactersNeverReachTheHTML() throws {
        let errors = Fixture.errors(Fixture.site(pages: ["content/en/index.md": "# Home\n\nPasted \u{0B}text\n"]))
        #expect(errors.map(\.description).first?.hasPrefix("content/en/index.md:3: error: this line contains an invisible control character (U+000B)") == true, "\(errors)")
        #expect(XMLText.escape("Ann\u{1B}[31m\u{07}\u{7F} <Lee>\tB\r\n") == "Ann[31m &lt;Lee&gt;\tB\r\n")
        let page = try Fixture.timelines().render(Patient(name: "Ann\u{1B}[2J", procedure: Fixture.today, language: "en", sessions: 1), as: .html)
        #expect(page.contains("Ann[2J"))
        #expect(!page.utf8.contains(0x1B))
    }

    /// Every control character is found at its line and named by its code point, wherever it sits and whatever
    /// surrounds it; tab, carriage return and the bytes of other characters are not control characters.
    @Test func controlCharactersAreFoundAtTheirLine() {
        var random = SeededGenerator(state: 11)
        let clean: [UInt8] = Array(0x20...0x7E) + [0x09, 0x0D, 0x0A, 0x0A, 0xC3, 0xA9, 0xE2, 0x80, 0xAF]
        let controls: [UInt8] = Array(0x00..<0x20).filter { ![0x09, 0x0A, 0x0D].contains($0) } + [0x7F]
        for round in 0..<4_000 {
            let length = Int.random(in: 0...40, using: &random)
            var bytes = (0..<length).map { _ in clean.randomElement(using: &random)! }
            #expect(ControlCharacter.firstLine(in: String(decoding: bytes, as: UTF8.self)) == nil, "clean round \(round): \(bytes)")
            guard length > 0 else { continue }
            let position = Int.random(in: 0..<length, using: &random)
            bytes[position] = controls[round % controls.count]
            let found = ControlCharacter.firstLine(in: String(decoding: bytes, as: UTF8.self))
            #expect(found?.number == 1 + bytes[..<position].count { $0 == 0x0A }, "round \(round): \(bytes)")
            #expect(found?.code == String(format: "U+%04X", bytes[position]), "round \(round): \(bytes)")
        }
    }

    /// A file's extension, read from the end of its path, is what splitting its name at every "." gives: trailing
    /// dots passed over, none for a name without a dot (a folder's dot is not the file's), upper case lowered.
    @Test func fileExtensionsAreReadAsSplittingReadThem() {
        let paths = ["content/en/a.md", "content/en/A.MD", "content/en/a.tar.gz", "content/en/a", "content/en/a.", "content/en/a..md",
                     "content/en/.md", "content/.hidden/a", "content/en.d/a", "...", ".", "", "a.md.", "a.md...", "content/fr/été.PNG",
                     "content/en/img.v2/photo", "content/en/x.Md", "content/en/README", "content/en/a.b/", "content/en/.htaccess"]
        for path in paths {
            // The file name's last part after a dot, trailing dots left out; none when the name has no dot.
            var name = path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? ""
            while name.hasSuffix(".") { name.removeLast() }
            let splitting = name.contains(".") ? name.split(separator: ".", omittingEmptySubsequences: false).last!.lowercased() : ""
            #expect(ContentFiles.fileExtension(of: path) == splitting, "\(path)")
        }
        #expect(ContentFiles.fileExtension(of: "content/en/README") == "")
        #expect(ContentFiles.fileExtension(of: "content/en.d/a") == "")
    }

    /// The byte search that finds layout slots and link placeholders gives what comparing at every position
    /// gives: first match at or after the start, none past the end, and needles at the very edges.
    @Test func byteSearchFindsWhatANaiveSearchFinds() {
        var random = SeededGenerator(state: 5)
        for _ in 0..<3_000 {
            let haystack = (0..<Int.random(in: 0...60, using: &random)).map { _ in UInt8.random(in: 0x22...0x24, using: &random) }
            let needle = (0..<Int.random(in: 1...4, using: &random)).map { _ in UInt8.random(in: 0x22...0x24, using: &random) }
            let start = Int.random(in: 0...max(0, haystack.count + 1), using: &random)
            let expected = start > haystack.count ? nil : (start..<max(start, haystack.count - needle.count + 1)).first {
                Array(haystack[$0..<($0 + needle.count)]) == needle
            }
            #expect(haystack.firstIndex(of: needle, from: start) == expected, "\(haystack) \(needle) \(start)")
        }
    }

    /// `containsByte` (memchr over the text's bytes) answers what Swift's loop over the UTF-8 view answers, for
    /// strings and for substrings that start and end inside them, accents and empty text included.
    @Test func byteCheckAgreesWithTheLoop() {
        var random = SeededGenerator(state: 9)
        let pieces = ["a", "<", "|", "é", "’", "\n", "<!--", "日本"]
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...12, using: &random)).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &random)] }.joined()
            let from = Int.random(in: 0...text.count, using: &random)
            let to = Int.random(in: from...text.count, using: &random)
            let part = text[text.index(text.startIndex, offsetBy: from)..<text.index(text.startIndex, offsetBy: to)]
            for byte in [UInt8(ascii: "<"), UInt8(ascii: "|"), 0xC3, 0] {
                #expect(text.containsByte(byte) == text.utf8.contains(byte), "\(text) \(byte)")
                #expect(part.containsByte(byte) == part.utf8.contains(byte), "\(part) \(byte)")
            }
        }
    }
}

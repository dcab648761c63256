import Foundation
import Testing
@testable import SiteGenerator

@Suite struct EscapingTests {
    @Test func textFromFrontMatterAndSettingsIsEscaped() throws {
        let settings = "clinic_name: \"<script>alert('c')</script>\"\nlanguages: [en, fr]\n"
        let pages = ["content/en/index.md": "---\ntitle: \"<img src=x onerror=alert(1)> & \\\"q\\\"\"\n---\nBody\n"]
        let site = try Fixture.build(Fixture.site(pages: pages, settings: settings))
        let html = try #require(Fixture.text(site, "en/index.html"))
        #expect(html.hasPrefix("<title>&lt;img src=x onerror=alert(1)&gt; &amp; &quot;q&quot;</title><h1>&lt;script&gt;alert(&#39;c&#39;)&lt;/script&gt;</h1>"))
        #expect(!html.contains("<script>"))
        #expect(!html.contains("<img"))
    }

    @Test func headingTextIsEscapedInsideTheIDBlock() {
        let html = MarkdownDocument(markdown: "# 5 < 6 & <b>x</b>\n").renderHTML(allowRawHTML: false)
        #expect(html == "<h1 id=\"5-6-x\">5 &lt; 6 &amp; <!-- raw HTML omitted -->x<!-- raw HTML omitted --></h1>\n")
    }

    @Test func aQuoteFollowedByACombiningAccentIsStillEscaped() throws {
        // One character to Swift ("\"" + U+0301), but to a browser a quote that ends the attribute.
        let pages = ["content/en/index.md": "---\ntitle: \"x\\\"\u{301} onmouseover=alert(1) <\u{338}b>\"\n---\nBody\n"]
        let site = try Fixture.build(Fixture.site(pages: pages, extra: ["templates/page.mustache": "<a title=\"{{title}}\">{{title}}</a>"]))
        let html = try #require(Fixture.text(site, "en/index.html"))
        #expect(html == "<a title=\"x&quot;\u{301} onmouseover=alert(1) &lt;\u{338}b&gt;\">x&quot;\u{301} onmouseover=alert(1) &lt;\u{338}b&gt;</a>")
    }

    @Test func escapingReplacesTheFiveCharactersAndKeepsEverythingElse() {
        #expect(XMLText.escape("Soins & \"crème\" <après> l'été 🧴") == "Soins &amp; &quot;crème&quot; &lt;après&gt; l&#39;été 🧴")
        #expect(XMLText.escape("plain text, é, 日本") == "plain text, é, 日本")
        #expect(XMLText.escape("") == "")
    }

    @Test func escapedTextHasNoMarkupLeftAndUnescapesToTheSameBytes() {
        let pieces = ["a", "é", "e\u{301}", "\"", "'", "<", ">", "&", "\u{301}", "\u{338}", "🧴", " ", "&amp;", "\n"]
        var state: UInt64 = 42
        for _ in 0..<500 {
            var text = ""
            for _ in 0..<Int.random(in: 0...12, using: &state.generator) { text += pieces.randomElement(using: &state.generator)! }
            let escaped = XMLText.escape(text)
            #expect(!escaped.utf8.contains { "<>\"'".utf8.contains($0) }, "\(text.debugDescription)")
            #expect(Self.unescapedBytes(escaped) == Array(text.utf8), "\(text.debugDescription)")
        }
    }

    /// Undoes the five entities on bytes (Foundation's string search would treat "&lt;" followed by an
    /// accent as a different character and miss it).
    static func unescapedBytes(_ text: String) -> [UInt8] {
        let entities: [([UInt8], UInt8)] = [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")]
            .map { (Array($0.0.utf8), $0.1.utf8.first!) }
        let bytes = Array(text.utf8)
        var result: [UInt8] = []
        var index = 0
        next: while index < bytes.count {
            for (entity, raw) in entities where bytes[index...].starts(with: entity) {
                result.append(raw)
                index += entity.count
                continue next
            }
            result.append(bytes[index])
            index += 1
        }
        return result
    }

    @Test func templatesRenderStandaloneLinesAsMustacheDefines() throws {
        // Values are escaped through a content-type line put before each template; it must leave no trace,
        // even when a template starts with an empty line or a section tag on its own line.
        let template = "\n{{#isHome}}\nHOME {{title}}\n{{/isHome}}\n{{> line}}<t>{{title}}</t>\n"
        let site = try Fixture.build(Fixture.site(extra: ["templates/page.mustache": template,
                                                          "templates/partials/line.mustache": "{{#menu}}\n{{/menu}}\n[{{lang}}]\n"]))
        #expect(Fixture.text(site, "en/index.html") == "\nHOME Home\n[en]\n<t>Home</t>\n")
    }
}

@Suite struct ContentSlotTests {
    static let page = ["content/en/index.md": "# Soins & <b>gras</b>\n\nTexte *important*.\n"]
    static let html = "<h1 id=\"soins-gras\">Soins &amp; <!-- raw HTML omitted -->gras<!-- raw HTML omitted --></h1>\n<p>Texte <em>important</em>.</p>\n"

    static func render(_ template: String) throws -> String? {
        let site = try Fixture.build(Fixture.site(pages: page, extra: ["templates/page.mustache": template]))
        return Fixture.text(site, "en/index.html")
    }

    @Test func contentIsPlacedRawOrEscapedAsTheTemplateAsks() throws {
        #expect(try Self.render("<main>{{{content}}}</main>{{{content}}}") == "<main>\(Self.html)</main>\(Self.html)")
        #expect(try Self.render("<pre>{{content}}</pre>") == "<pre>\(XMLText.escape(Self.html))</pre>")
        #expect(try Self.render("{{#content}}[{{{.}}}]{{/content}}") == "[\(Self.html)]")
    }

    @Test func transformsOfTheContentSeeTheRealText() throws {
        #expect(try Self.render("{{{uppercased(content)}}}") == Self.html.uppercased())
        #expect(try Self.render("{{#empty(content)}}none{{/empty(content)}}{{^empty(content)}}some{{/empty(content)}}") == "some")
    }

    @Test func theMarkerIsFoundOnlyWhole() {
        let slot = ContentSlot(nonce: "n1")
        #expect(slot.fill("a \(slot.marker) b", with: Array("<p>x</p>".utf8)) == Data("a <p>x</p> b".utf8))
        #expect(slot.fill("a &lt;clinicsite-content-n1&gt; b", with: Array("<p>x</p>".utf8)) == Data("a &lt;p&gt;x&lt;/p&gt; b".utf8))
        #expect(slot.fill("a [clinicsite-content-n1] b", with: Array("<p>x</p>".utf8)) == nil)
        #expect(slot.fill("no marker", with: Array("<p>x</p>".utf8)) == Data("no marker".utf8))
    }
}

import Foundation
import TestSupport
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
        let html = CmarkDocument(markdown: "# 5 < 6 & <b>x</b>\n").renderHTML(allowRawHTML: false)
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

@Suite struct LayoutSlotTests {
    static let page = ["content/en/index.md": "---\ntitle: \"Soins & <b>\\\"x\\\"\"\n---\n# Soins & <b>gras</b>\n\nTexte *important*.\n"]
    static let html = "<h1 id=\"soins-gras\">Soins &amp; <!-- raw HTML omitted -->gras<!-- raw HTML omitted --></h1>\n<p>Texte <em>important</em>.</p>\n"
    static let title = "Soins & <b>\"x\""

    static func render(_ template: String) throws -> String? {
        let site = try Fixture.build(Fixture.site(pages: page, extra: ["templates/page.mustache": template]))
        return Fixture.text(site, "en/index.html")
    }

    @Test func valuesArePlacedRawOrEscapedAsTheTemplateAsks() throws {
        #expect(try Self.render("<main>{{{content}}}</main>{{{content}}}") == "<main>\(Self.html)</main>\(Self.html)")
        #expect(try Self.render("<pre>{{content}}</pre>") == "<pre>\(XMLText.escape(Self.html))</pre>")
        #expect(try Self.render("{{#content}}[{{{.}}}]{{/content}}") == "[\(Self.html)]")
        #expect(try Self.render("<t>{{title}}</t><r>{{{title}}}</r>{{#title}}({{.}}){{/title}}") ==
                "<t>\(XMLText.escape(Self.title))</t><r>\(Self.title)</r>(\(XMLText.escape(Self.title)))")
    }

    @Test func transformsSeeTheRealText() throws {
        #expect(try Self.render("{{{uppercased(content)}}}") == Self.html.uppercased())
        #expect(try Self.render("{{#empty(content)}}none{{/empty(content)}}{{^empty(content)}}some{{/empty(content)}}") == "some")
        #expect(try Self.render("{{{lowercased(title)}}}") == Self.title.lowercased())
    }

    @Test func theMarkerIsFoundOnlyWhole() {
        let slots = LayoutSlots(nonce: "n1")
        let values: [LayoutSlots.Value] = [Array("<p>x</p>".utf8)[...], Array("a&b".utf8)[...]]
        #expect(slots.marker(1) == "<clinicsite-slot-n1-1>")
        #expect(slots.fill("a \(slots.marker(0)) b \(slots.marker(1))", with: values) == Data("a <p>x</p> b a&b".utf8))
        #expect(slots.fill("a &lt;clinicsite-slot-n1-0&gt; b &lt;clinicsite-slot-n1-1&gt;", with: values)
                == Data("a &lt;p&gt;x&lt;/p&gt; b a&amp;b".utf8))
        #expect(slots.fill("a [clinicsite-slot-n1-0] b", with: values) == nil)
        #expect(slots.fill("a <clinicsite-slot-n1-7> b", with: values) == nil)
        #expect(slots.fill("no marker", with: values) == Data("no marker".utf8))
    }

    /// Every page of a site, built with layouts rendered once per shape and with every page rendered on its
    /// own, must come out byte for byte the same.
    static func expectSameBothWays(_ sources: SiteSources, baseURL: String? = nil) throws {
        let options = BuildOptions(baseURL: baseURL, today: Fixture.today)
        let reused = try SiteBuilder.run(sources, options: options, reusesLayouts: true).site
        let direct = try SiteBuilder.run(sources, options: options, reusesLayouts: false).site
        #expect(reused.files.map(\.path) == direct.files.map(\.path))
        for (one, other) in zip(reused.files, direct.files) {
            #expect(one.data == other.data, "\(one.path)")
        }
    }

    @Test func reusedLayoutsGiveTheSameBytesOnTheShippedSite() throws {
        let sources = try Fixture.shippedSources()
        try Self.expectSameBothWays(sources)
        try Self.expectSameBothWays(sources, baseURL: "https://clinic.example/info/")
    }

    @Test func reusedLayoutsGiveTheSameBytesForPagesOfEveryShape() throws {
        // Pages in and out of the menu, in folders, with and without translations and review dates,
        // with hostile titles, sharing one layout that uses each value raw, escaped and in sections.
        var pages: [String: String] = [:]
        for index in 0..<12 {
            let order = index % 3 == 0 ? "order: \(index)\n" : ""
            let reviewed = index % 2 == 0 ? "reviewed: 2026-0\(index % 9 + 1)-1\(index % 10)\n" : ""
            let title = ["Plain", "A & B", "<script>x</script>", "Quote \\\" é\u{301}", "l'été"][index % 5]
            let body = "---\ntitle: \"\(title) \(index)\"\ndescription: \"About \(index) & more\"\n\(order)\(reviewed)---\n# H \(index)\n\n[home](\(index >= 6 ? "../" : "")index.md)\n"
            pages["content/en/\(index >= 6 ? "care/" : "")p\(index).md"] = body
            if index % 4 == 0 { pages["content/fr/\(index >= 6 ? "care/" : "")p\(index).md"] = body }
        }
        let layout = """
        <html lang="{{lang}}"><title>{{title}}</title>{{#description}}<meta content="{{description}}">{{/description}}
        {{#canonical}}<link href="{{canonical}}">{{/canonical}}{{#isHome}}HOME{{/isHome}}
        {{#menu}}<a href="{{href}}"{{#current}} aria-current="page"{{/current}}>{{title}}</a>{{/menu}}
        {{#languages}}<a href="{{href}}" hreflang="{{code}}"{{#current}} class="current"{{/current}}>{{name}}</a>{{#absolute}}[{{absolute}}]{{/absolute}}{{/languages}}
        {{#hasAlternates}}{{#alternates}}<link rel="alternate" href="{{href}}">{{/alternates}}{{/hasAlternates}}
        <h1>{{{title}}}</h1><main>{{{content}}}</main>{{#reviewed}}<time datetime="{{iso}}">{{text}}</time>{{/reviewed}}
        <a href="{{homeHref}}">{{clinic.name}}</a> {{root}}
        """
        let sources = Fixture.site(pages: pages, extra: ["templates/page.mustache": layout])
        try Self.expectSameBothWays(sources)
        try Self.expectSameBothWays(sources, baseURL: "https://clinic.example/")
        // Inside an indented partial, Mustache indents the token after a newline unless it renders nothing:
        // empty values and the content's final newline must come out the same.
        pages["content/en/empty.md"] = "---\ntitle: Empty\n---\n"
        pages["content/en/nodescription.md"] = "---\ntitle: \"x\"\ndescription: \"\"\n---\nOne line.\n"
        let indented = Fixture.site(pages: pages, extra: [
            "templates/page.mustache": "<body>\n  {{> body}}\n</body>\n",
            "templates/partials/body.mustache": "{{{content}}}\n{{description}}\n<p>{{title}}</p>\n{{#content}}{{{.}}}{{/content}}\n{{content}}\n",
        ])
        try Self.expectSameBothWays(indented)
        let built = try Fixture.build(sources, baseURL: "https://clinic.example/")
        #expect(Fixture.text(built, "en/p3.html")?.contains("<title>Quote &quot; é\u{301} 3</title>") == true)
        #expect(Fixture.text(built, "en/p0.html")?.contains("aria-current=\"page\">Plain 0</a>") == true)
    }
}

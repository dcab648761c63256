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
}

import Foundation
import TestSupport
import Testing
@testable import SiteGenerator

@Suite struct LinkTests {
    static let pages = [
        "content/en/healing.md": "---\ntitle: Healing\nslug: recovery\n---\n# Healing\n\n## Redness\n",
        "content/en/care/ointment.md": "# Ointment\n\nBack to [healing](../healing.md#redness) and [home](../index.md).\n",
        "content/fr/healing.md": "---\nslug: guerison\n---\n# Guérison\n\n## Rougeur\n",
    ]

    @Test func markdownLinksBecomeRelativeOutputURLs() throws {
        var pages = Self.pages
        pages["content/en/index.md"] = "# Home\n\n[Heal](healing.md#redness) [Care](care/ointment.md) [FR](../fr/healing.md#rougeur) [ext](https://a.example/x.md) [mail](mailto:a@b.c) [top](#home)\n"
        let site = try Fixture.build(Fixture.site(pages: pages))
        let home = try #require(Fixture.text(site, "en/index.html"))
        #expect(home.contains("<a href=\"recovery.html#redness\">Heal</a>"))
        #expect(home.contains("<a href=\"care/ointment.html\">Care</a>"))
        #expect(home.contains("<a href=\"../fr/guerison.html#rougeur\">FR</a>"))
        #expect(home.contains("<a href=\"https://a.example/x.md\">ext</a>"))
        #expect(home.contains("<a href=\"mailto:a@b.c\">mail</a>"))
        let ointment = try #require(Fixture.text(site, "en/care/ointment.html"))
        #expect(ointment.contains("<a href=\"../recovery.html#redness\">healing</a>"))
        #expect(ointment.contains("<a href=\"../index.html\">home</a>"))
    }

    /// A query and a fragment are kept as written after the rewritten path, in either order of appearance.
    @Test func queriesAndFragmentsFollowTheRewrittenPath() throws {
        var pages = Self.pages
        pages["content/en/index.md"] = "# Home\n\n[a](healing.md?from=home#redness) [b](healing.md?print=1) [c](care/ointment.md#) [d](healing.md#redness)\n"
        let site = try Fixture.build(Fixture.site(pages: pages))
        let home = try #require(Fixture.text(site, "en/index.html"))
        #expect(home.contains("<a href=\"recovery.html?from=home#redness\">a</a>"))
        #expect(home.contains("<a href=\"recovery.html?print=1\">b</a>"))
        #expect(home.contains("<a href=\"care/ointment.html#\">c</a>"))
        #expect(home.contains("<a href=\"recovery.html#redness\">d</a>"))
    }

    /// A link that is only a query, or a query and a fragment, on the same page is published as written, never as
    /// the placeholder the fast path put in its place (it used to leak "clinicsite-link:…", a new one every build).
    @Test func aLinkThatIsOnlyAQueryIsPublishedAsWritten() throws {
        var pages = Self.pages
        pages["content/en/index.md"] = "# Home\n\n## Top\n\n[fr](?lang=fr) [both](?a=1&b=2#top) [empty](?)\n"
        let site = try Fixture.build(Fixture.site(pages: pages))
        let home = try #require(Fixture.text(site, "en/index.html"))
        #expect(home.contains("<a href=\"?lang=fr\">fr</a>"))
        #expect(home.contains("<a href=\"?a=1&amp;b=2#top\">both</a>"))
        #expect(home.contains("<a href=\"?\">empty</a>"))
        #expect(!home.contains("clinicsite-link"))
        #expect(try Fixture.text(Fixture.build(Fixture.site(pages: pages)), "en/index.html") == home, "the same every build")
    }

    @Test func brokenLinksFailWithFileLineColumn() {
        var pages = Self.pages
        pages["content/en/index.md"] = "---\ntitle: Home\n---\n# Home\n\nSee [gone](missing.md) and\n[bad anchor](healing.md#nowhere), [abs](/en/healing.html), [up](../../x.md), [self](#nope)\n"
        let errors = Fixture.errors(Fixture.site(pages: pages))
        #expect(errors.map(\.location) == [
            "content/en/index.md:6:5", "content/en/index.md:7:1", "content/en/index.md:7:35",
            "content/en/index.md:7:60", "content/en/index.md:7:78",
        ])
        #expect(errors[0].message == "the link 'missing.md' points to content/en/missing.md, which does not exist")
        #expect(errors[1].message == "content/en/healing.md has no heading with the anchor '#nowhere'")
        #expect(errors[1].hint == "anchors on that page: #healing, #redness")
        #expect(errors[2].message.contains("starts with '/'"))
        #expect(errors[3].message.contains("leads outside the content folder"))
        #expect(errors[4].message.contains("no heading with the anchor '#nope' on this page"))
    }

    @Test func linkToDraftIsAnError() {
        let pages = ["content/en/secret.md": "---\ndraft: true\n---\n# Secret\n", "content/en/index.md": "[s](secret.md)\n"]
        let errors = Fixture.errors(Fixture.site(pages: pages))
        #expect(errors.count == 1)
        #expect(errors.first?.message.contains("draft") == true)
    }

    @Test func draftsAreNotPublished() throws {
        let site = try Fixture.build(Fixture.site(pages: ["content/en/secret.md": "---\ndraft: true\n---\n# Secret\n"]))
        #expect(!site.files.contains { $0.path.contains("secret") })
    }

    @Test func imagesAreCheckedAndCopied() throws {
        let pages = ["content/en/index.md": "![Diagram](img/skin%20layers.png)\n"]
        var files = Fixture.site(pages: pages).files
        files["content/en/img/skin layers.png"] = TestPhotos.editedPNG
        let site = try Fixture.build(SiteSources(files: files))
        #expect(site.files.first { $0.path == "en/img/skin layers.png" }?.data.starts(with: PNGCleaning.signature) == true)
        #expect(Fixture.text(site, "en/index.html")?.contains("src=\"img/skin%20layers.png\"") == true)
        let missing = Fixture.errors(Fixture.site(pages: ["content/en/index.md": "![x](nope.png)\n"]))
        #expect(missing.map(\.location) == ["content/en/index.md:1:1"])
    }

    @Test func relativeURLs() {
        #expect(RelativePath.url(from: "en/a.html", to: "en/b.html") == "b.html")
        #expect(RelativePath.url(from: "en/care/a.html", to: "en/b.html") == "../b.html")
        #expect(RelativePath.url(from: "index.html", to: "fr/x/y.html") == "fr/x/y.html")
        #expect(RelativePath.url(from: "en/a.html", to: "assets/s.css") == "../assets/s.css")
        #expect(RelativePath.url(from: "en/care/a.html", to: "en/care/b.html") == "b.html")
        #expect(RelativePath.url(from: "en/care/a.html", to: "en/cares/b.html") == "../cares/b.html")
        #expect(RelativePath.url(from: "en/ca/a.html", to: "en/care/b.html") == "../care/b.html")
        #expect(RelativePath.url(from: "a.html", to: "b.html") == "b.html")
        #expect(RelativePath.url(from: "fr/a.html", to: "index.html") == "../index.html")
        #expect(RelativePath.url(from: "fr/été/a.html", to: "fr/été/b.html") == "b.html")
        // The same folder written with a composed and a decomposed é: still the same folder.
        #expect(RelativePath.url(from: "fr/\u{E9}t\u{E9}/a.html", to: "fr/e\u{301}te\u{301}/b.html") == "b.html")
        #expect(RelativePath.toRoot(from: "en/care/a.html") == "../../")
        #expect(RelativePath.resolve("../../x", inFolder: "content/en") == "x")
        #expect(RelativePath.resolve("../../../x", inFolder: "content/en") == nil)
    }

    @Test func linksWrittenLikePlaceholdersAreLeftAlone() throws {
        let rendered = CmarkDocument(markdown: "[a](b.md) [c](clinicsite-link:guess:0) [d](clinicsite-link:n:99999999999999999999999)\n")
            .renderWithPlaceholders(allowRawHTML: false, nonce: "n")
        let html = String(decoding: rendered.filled(with: [0: "b.html"]), as: UTF8.self)
        #expect(html == "<p><a href=\"b.html\">a</a> <a href=\"clinicsite-link:guess:0\">c</a> <a href=\"clinicsite-link:n:99999999999999999999999\">d</a></p>\n")
    }

    /// A picture or link whose address has a space is read by cmark as text, and would show its brackets where the
    /// picture should be: an error at its line, in the page or in a block it includes, with the two ways to write it.
    /// Brackets that are not link syntax, and a real link with a title, are left alone.
    @Test func linkSyntaxReadAsTextIsAnError() {
        var pages = Self.pages
        pages["content/en/index.md"] = "# Home\n\nBefore.\n\n![Week 1](my photo.jpg)\n\n<!-- include: forms -->\n\nSee [healing](healing.md \"Healing\"), [a] (b), [1](c).\n"
        let site = Fixture.site(pages: pages, extra: ["content/blocks/en/forms.md": "Forms:\n\n- the [consent form](consent form.pdf).\n"])
        let errors = Fixture.errors(site)
        #expect(errors.map(\.description) == [
            "content/blocks/en/forms.md:3: error: [consent form](consent form.pdf) was not read as a link: its address has a space in it\n"
                + "    hint: rename the file without spaces (consent-form.pdf) and write that name, or put the address in angle brackets: [consent form](<consent form.pdf>)",
            "content/en/index.md:5: error: ![Week 1](my photo.jpg) was not read as a link: its address has a space in it\n"
                + "    hint: rename the file without spaces (my-photo.jpg) and write that name, or put the address in angle brackets: ![Week 1](<my photo.jpg>)",
        ], "\(errors)")
        #expect(CmarkDocument.unreadLink(in: "a ](b c) d") == nil)
        #expect(CmarkDocument.unreadLink(in: "[a](b)") == nil)
    }
}

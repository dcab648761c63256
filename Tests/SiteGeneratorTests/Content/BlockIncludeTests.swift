import Foundation
import TestSupport
import Testing
@testable import SiteGenerator

/// Shared blocks: `<!-- include: NAME -->` replaced by `content/blocks/LANG/NAME.md`, problems at the line that asks.
@Suite struct BlockIncludeTests {
    private static func site(_ blocks: [String: String], page: String) -> SiteSources {
        Fixture.site(pages: ["content/en/a.md": page, "content/en/b.md": "# B\n\n## Target\n"],
                     extra: Dictionary(uniqueKeysWithValues: blocks.map { ("content/blocks/en/\($0.key).md", $0.value) }))
    }

    /// A block's Markdown in place, blocks in blocks followed, the syntax shown in a code block left alone, and no
    /// block published on its own.
    @Test func blocksAreIncludedWhereAsked() throws {
        let page = "# A\n\nBefore.\n<!-- include: call -->\nAfter.\n\n```\n<!-- include: call -->\n```\n"
        let built = try Fixture.build(Self.site(["call": "Call **us**.\n\n<!-- include: hours.md -->\n", "hours": "Open 9–5."], page: page))
        let html = try #require(Fixture.text(built, "en/a.html"))
        #expect(html.contains("<p>Before.</p>\n<p>Call <strong>us</strong>.</p>\n<p>Open 9–5.</p>\n<p>After.</p>"), "\(html)")
        #expect(html.contains("<code>&lt;!-- include: call --&gt;\n</code>"))
        #expect(!built.files.contains { $0.path.contains("blocks") })
    }

    /// A missing block and a block that includes itself are errors at the including line; a broken link written in a
    /// block is reported in the block's file at its line, once however many pages include it.
    @Test func problemsAreNamedWhereTheyAreWritten() {
        let missing = Fixture.errors(Self.site([:], page: "# A\n\n<!-- include: nothere -->\n"))
        #expect(missing.map(\.description) == ["content/en/a.md:3: error: there is no block content/blocks/en/nothere.md to include\n"
            + "    hint: create content/blocks/en/nothere.md, or correct the name after include:"])
        let loop = Fixture.errors(Self.site(["one": "x\n<!-- include: two -->\n", "two": "<!-- include: one -->\n"], page: "# A\n<!-- include: one -->\n"))
        #expect(loop.map(\.location) == ["content/blocks/en/two.md:1"])
        #expect(loop.first?.message == "the block 'one' includes itself (one → two → one)")
        var pages = Self.site(["call": "Line one.\n\nSee [b](b.md#nowhere).\n"], page: "# A\n\n<!-- include: call -->\n").files
        pages["content/en/c.md"] = Data("# C\n\n<!-- include: call -->\n".utf8)
        let broken = Fixture.errors(SiteSources(files: pages))
        #expect(broken.map(\.location) == ["content/blocks/en/call.md:3:5"], "\(broken)")
    }

    /// An include that cannot be followed is an error at its line, never dropped in silence: a name no block file can
    /// have (a path, spaces), and an include inside a list or a quote. `Include:` and `.md` are read as meant.
    @Test func includesThatCannotBeFollowedAreErrors() throws {
        let page = "# A\n\n<!-- include: ../../site.yml -->\n\n<!-- include: when to call -->\n\n- Item\n\n  <!-- include: call -->\n\n> <!-- include: call -->\n"
        let errors = Fixture.errors(Self.site(["call": "Call us."], page: page))
        #expect(errors.map(\.description) == [
            "content/en/a.md:3: error: '../../site.yml' is not the name of a block: a block is named by its file in content/blocks/<language>/, without .md\n"
                + "    hint: write the file's name with letters, digits, - and _ only, for example <!-- include: when-to-call -->",
            "content/en/a.md:5: error: 'when to call' is not the name of a block: a block is named by its file in content/blocks/<language>/, without .md\n"
                + "    hint: write the file's name with letters, digits, - and _ only, for example <!-- include: when-to-call -->",
            "content/en/a.md:9: error: the include of 'call' is inside a list or a quote, where a block cannot go\n"
                + "    hint: put <!-- include: call --> on a line of its own, not indented, with a blank line before and after it",
            "content/en/a.md:11: error: the include of 'call' is inside a list or a quote, where a block cannot go\n"
                + "    hint: put <!-- include: call --> on a line of its own, not indented, with a blank line before and after it",
        ], "\(errors)")
        let empty = Fixture.errors(Self.site([:], page: "# A\n\n<!-- include: -->\n"))
        #expect(empty.map(\.description) == ["content/en/a.md:3: error: this include names no block\n"
            + "    hint: write the block's file name after include:, for example <!-- include: when-to-call -->"])
        let built = try Fixture.build(Self.site(["call": "Call **us**."], page: "# A\n\n<!--Include: call.md-->\n\n<!-- a note -->\n"))
        #expect(try #require(Fixture.text(built, "en/a.html")).contains("<p>Call <strong>us</strong>.</p>"))
    }
}

import TestSupport
import Testing
import Yams
@testable import SiteGenerator

/// Front matter composed straight from libyaml's events must be exactly what Yams composes: the same text,
/// quoting, lines and columns; anything else is left to Yams.
@Suite struct FlatYAMLTests {
    static let flat = [
        "title: Healing\n",
        "title: \"Page 1 – care day\"\ndescription: \"Ointment care été guérison.\"\n",
        "title: 'It''s fine'\norder: 3\ndraft: false\nreviewed: 2026-01-05\n",
        "title:\ndescription: ~\norder: null\n",
        "  title: indented\n  slug: a-b\n",
        "# a comment\ntitle: x # trailing comment\n\n\nlayout: page\n",
        "title: >\n  folded\n  text\ndescription: |\n  literal\n  text\n",
        "title: \"escapes \\t \\u00e9 \\\" \\\\ \\0 end\"\n",
        "\"quoted key\": 1\n'single': 2\n",
        "title: 2026-01-05\norder: 0x1F\ndraft: yes\n",
        "%YAML 1.1\n---\ntitle: directive\n",
        "? explicit\n: key\n",
    ]

    static let leftToYams = [
        "", "# only a comment\n", "title: a\ntitle: b\n", "title: &a x\nslug: *a\n", "title: !!str 3\n", "- a\n- b\n",
        "title:\n  nested: x\n", "just text\n", "title: [a, b]\n", "title: a\n---\ntitle: b\n", "title: \"unclosed\n",
        "title: plain: with colon\n", "title: {\"a\": 1}\n",
    ]

    @Test(arguments: flat)
    func flatFrontMatterIsComposedAsYamsComposesIt(yaml: String) throws {
        let flat = try #require(FlatYAML.compose(yaml))
        let yams = try #require(try Yams.compose(yaml: yaml, .basic, Constructor.default, .utf8))
        #expect(flat == YAMLNode(yams))
    }

    @Test(arguments: leftToYams)
    func anythingElseIsLeftToYams(yaml: String) {
        #expect(FlatYAML.compose(yaml) == nil)
    }

    /// Random texts built from awkward pieces: whenever the flat reading gives a node, Yams gives the same
    /// one; whenever Yams refuses the text, so does the flat reading.
    @Test func randomTextsAgreeWithYams() {
        let keys = ["title", "description", "\"q\"", "'s'", "order", "a b", "é", "? k", "- x", "", "title"]
        let values = ["x", "\"a: b\"", "'it''s'", "~", "", "3", "a # c", "\"\\u00e9\\n\"", ">\n  folded", "|\n  kept", "[1]", "&a x", "*a",
                      "!!str y", "a: b", "\"open", "{}", "null", "2026-01-05", "- z", "\t", "\u{2028}"]
        var generator = SeededGenerator(state: 11)
        for _ in 0..<3000 {
            var text = ""
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                let indent = Bool.random(using: &generator) ? "" : " "
                text += "\(indent)\(keys.randomElement(using: &generator)!): \(values.randomElement(using: &generator)!)\n"
            }
            let yams = (try? Yams.compose(yaml: text, .basic, Constructor.default, .utf8)).flatMap { $0 }.map(YAMLNode.init)
            guard let flat = FlatYAML.compose(text) else { continue }
            #expect(flat == yams, Comment(rawValue: text.debugDescription))
        }
    }
}

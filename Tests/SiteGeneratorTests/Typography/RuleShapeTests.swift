import Foundation
import TestSupport
import Testing
@testable import SiteGenerator

/// Typography rules that can backtrack without bound are refused when the rules are read, at the rule's line,
/// so no page can stall a build or the preview.
@Suite struct RuleShapeTests {
    @Test(arguments: ["(a+)+$", "^(\\w+\\s?)*$", "(a|ab)*c", "(?:x*y)+z", "((a)+){2,}", "(a{1,3})*b", "([a-z]+[0-9]?)+!"])
    func catastrophicShapesAreFound(pattern: String) {
        #expect(RuleShape.unboundedBacktracking(in: pattern) != nil, "\(pattern)")
    }

    @Test(arguments: ["(a+)", "(?:er|re|e)?", "([;!?]+)", "(?>a+)+$", "(a++)+$", "(a+)*+", "[(a+)+]", "\\(a+\\)+", "\\Q(a+)+\\E",
                      "(?:abc)+d", "(?i)(?:day)+", "\\p{L}+(?<name>x)*", "(a|b){2}", "(?=(?:semaines?|mois))"])
    func safeShapesAreAccepted(pattern: String) {
        #expect(RuleShape.unboundedBacktracking(in: pattern) == nil, "\(pattern)")
    }

    @Test func everyShippedRuleIsAccepted() throws {
        let sources = try Fixture.shippedSources()
        for language in ["en", "fr"] {
            var log = DiagnosticLog()
            let rules = TypographyFile.load(sources: sources, languages: [language], log: &log)[language]?.rules ?? []
            #expect(log.diagnostics.isEmpty)
            #expect(!rules.isEmpty)
            for rule in rules { #expect(RuleShape.unboundedBacktracking(in: rule.find) == nil, "\(rule.find)") }
        }
    }

    /// A scratch site with `rule` (YAML of one rule) added to the French typography and a French page holding
    /// `page`, built by the real executable: its errors, the line where the rule starts, and how long it took.
    static func build(adding rule: String, page: String) throws -> (errors: String, status: Int32, line: Int, elapsed: Duration) {
        let root = try Fixture.scratchSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let rules = root.appendingPathComponent("templates/typography/fr.yml")
        let text = try String(contentsOf: rules, encoding: .utf8)
        try (text + rule).write(to: rules, atomically: true, encoding: .utf8)
        try ("# Page\n\n" + page + "\n").write(to: root.appendingPathComponent("content/fr/slow.md"), atomically: true, encoding: .utf8)
        var run: Executable.Run?
        let elapsed = try ContinuousClock().measure { run = try Executable.run(["build", "--root", root.path]) }
        return (run?.errors ?? "", run?.status ?? -1, text.split(separator: "\n", omittingEmptySubsequences: false).count, elapsed)
    }

    /// The build with such a rule fails at once, at the rule's line, through the real executable (a page that
    /// would make it run for seconds is there too: the rule never runs).
    @Test func aBuildWithSuchARuleFailsAtItsLineAtOnce() throws {
        let result = try Self.build(adding: "- name: stalls\n  when: \"a\"\n  find: \"(a+)+$\"\n  replace: \"b\"\n",
                                    page: String(repeating: "a", count: 40) + "!")
        #expect(result.status == 1)
        #expect(result.errors.contains("templates/typography/fr.yml:\(result.line + 2):9: error: the pattern '(a+)+$' can take minutes on some text: "
                                       + "a repeated group holds a repeat of its own, such as (a+)+"), "\(result.errors)")
        #expect(result.elapsed < .seconds(20))
    }

    /// A rule the shape check lets through can still be slow on some text (repeats side by side): it is stopped
    /// after `Typography.budget` on that text, left out, and the build fails naming its line and the page.
    @Test func aSlowRuleIsStoppedAndReportedWithItsLineAndPage() throws {
        let result = try Self.build(adding: "- name: slow\n  when: \"a\"\n  find: \"\\\\w*\\\\w*\\\\w*\\\\w*\\\\w*\\\\w*\\\\w*\\\\w*$\"\n  replace: \"b\"\n",
                                    page: String(repeating: "a", count: 60) + "!")
        #expect(result.status == 1)
        #expect(result.errors.contains("templates/typography/fr.yml:\(result.line): error: the rule 'slow' took more than 0.3 seconds on a text of "
                                       + "content/fr/slow.md, so it was stopped"), "\(result.errors)")
        #expect(result.elapsed < .seconds(20), "without the budget this rule runs for minutes")
        let expression = try NSRegularExpression(pattern: "\\w*\\w*\\w*\\w*\\w*\\w*\\w*\\w*$")
        #expect(RegexReplacement.replacing(expression, in: String(repeating: "a", count: 60) + "!", with: "b", budget: .milliseconds(50)) == .stalled)
        #expect(RegexReplacement.replacing(expression, in: "ab", with: "c", budget: .seconds(1)) == .replaced("cc"))
    }
}

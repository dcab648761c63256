/// Decides whether an SVG from `content/` may be published.
///
/// An SVG is a document, not just a picture: opened on its own it can run scripts, load HTML, or follow
/// links to `javascript:`. Clinic drawings and logos need none of that, so files that could are refused,
/// each with the line of the first thing found. The rules deny by construct rather than parse the XML,
/// and err on the side of refusing; the fix for a refused file is to export it again as a plain drawing,
/// or as PNG.
enum SVGPolicy {
    private struct Rule {
        let pattern: Regex<Substring>
        let problem: String
    }

    // Tested against the file in lower case; a namespace prefix (`html:script`) does not get around them.
    // Made per call: `Regex` is not `Sendable`, and an SVG is checked once per build.
    private static var rules: [Rule] { [
        Rule(pattern: /<(?:[a-z0-9._-]+:)?(?:script|foreignobject|iframe|embed|object|handler|listener)\b/, problem: "it contains a script or embedded document"),
        Rule(pattern: /[\s:"'\/]on[a-z]+\s*=/, problem: "it has an event handler (an attribute such as onload)"),
        Rule(pattern: /http:\/\/www\.w3\.org\/1999\/xhtml/, problem: "it contains HTML"),
        Rule(pattern: /<!entity/, problem: "it declares XML entities"),
        Rule(pattern: /<\?xml-stylesheet/, problem: "it loads a style sheet program (xml-stylesheet)"),
        Rule(pattern: /attributename\s*=\s*["']\s*(?:[a-z]+:)?(?:href|base)/, problem: "it animates a link"),
        Rule(pattern: /xml:base\s*=/, problem: "it changes where its links point (xml:base)"),
        // The prefix is taken only from the start of a name, so a long run of letters is read once, not once per letter.
        Rule(pattern: /(?:^|[^a-z0-9._-])(?:[a-z0-9._-]++:)?href\s*=\s*(?:"\s*+(?!#|data:image\/(?:png|jpeg|gif|webp);)[^"]*"|'\s*+(?!#|data:image\/(?:png|jpeg|gif|webp);)[^']*')/,
             problem: "it links to another file or address (only links inside the drawing, #name, are allowed)"),
        Rule(pattern: /url\s*\(\s*+(?!['"]?\s*#)/, problem: "its styles load a file or address (only url(#name) is allowed)"),
        Rule(pattern: /@import/, problem: "its styles import a style sheet (@import)"),
        Rule(pattern: /javascript\s*:/, problem: "it contains a javascript: address"),
        Rule(pattern: /<!doctype[^>\[]*?\b(?:system|public)\b/, problem: "its DOCTYPE names an outside file (delete the <!DOCTYPE …> line)"),
        Rule(pattern: /href\s*=\s*["'][^"']*&/, problem: "a link in it is written with character references"),
    ] }

    /// The first reason `data` may not be published, or nil when it may.
    static func problem(in data: [UInt8], file: String) -> Diagnostic? {
        func refuse(_ reason: String, line: Int) -> Diagnostic {
            Diagnostic(file: file, line: line, message: "this SVG is not published: \(reason)",
                       hint: "export it again as a plain drawing (without scripts, links or embedded HTML), or save it as PNG")
        }
        // UTF-16 (or anything with NUL bytes) would slip past every rule below.
        if data.starts(with: [0xFE, 0xFF]) || data.starts(with: [0xFF, 0xFE]) || data.contains(0) {
            return refuse("it is not saved as UTF-8 text", line: 1)
        }
        let text = String(decoding: data, as: UTF8.self).lowercased()
        // A match may begin with the space before an attribute; the line is where the construct itself starts.
        let found = rules.compactMap { rule in
            text.firstMatch(of: rule.pattern).map { (offset: $0.output.firstIndex { !$0.isWhitespace } ?? $0.range.lowerBound, problem: rule.problem) }
        }
        guard let first = found.min(by: { $0.offset < $1.offset }) else { return nil }
        let line = text[..<first.offset].utf8.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
        return refuse(first.problem, line: line)
    }
}

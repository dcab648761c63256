import Foundation
import SiteGenerator

/// What every output must keep, whatever the input: no script elements beyond the templates' own, no
/// event-handler attributes or `javascript:` addresses, no control characters in HTML.
enum Escaping {
    static func scripts(in data: Data) -> Int {
        String(decoding: data, as: UTF8.self).lowercased().components(separatedBy: "<script").count - 1
    }

    static func check(_ file: OutputFile, baseline: [String: Int]) {
        guard file.path.hasSuffix(".html") else { return }
        // A page may choose any layout in its front matter, so the most any template has is the bound.
        if scripts(in: file.data) > (baseline.values.max() ?? 0) {
            fail("\(file.path) has a <script> that the templates do not")
        }
        let text = String(decoding: file.data, as: UTF8.self).lowercased()
        if text.contains("href=\"javascript:") || text.contains("src=\"javascript:") || hasEventHandler(text) {
            fail("\(file.path) has a live javascript: address or event handler")
        }
        checkNoControls(file.data, path: file.path)
    }

    /// Whether a tag has an `on…=` attribute. Quoted attribute values are left out first: an escaped title
    /// such as `content="a&lt;img onerror=x&gt;"` is text, not an attribute (the output writes `"` inside a
    /// value as `&quot;`, so a value cannot end early).
    static func hasEventHandler(_ html: String) -> Bool {
        for tag in html.matches(of: /<[a-z][^>]*>?/) {
            let names = String(tag.output).replacing(/"[^"]*"|'[^']*'/, with: "\"\"")
            if names.firstMatch(of: /\son[a-z]+\s*=/) != nil { return true }
        }
        return false
    }

    static func checkNoControls(_ data: Data, path: String) {
        if data.contains(where: { ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D) || $0 == 0x7F }) {
            fail("\(path) contains a control character")
        }
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("escaping broken: \(message)\n".utf8))
        abort()
    }
}

/// A page's Markdown rendered to HTML, with its headings and links, and placeholders where relative
/// links go until every page has been read and the links can be checked and rewritten.
struct RenderedMarkdown: Sendable {
    /// HTML with `"<placeholderPrefix><link index>"` where each relative link's destination goes.
    let html: String
    /// The headings, with their ids.
    let headings: [MarkdownDocument.Heading]
    /// Every link and image, as written.
    let links: [MarkdownDocument.Link]
    /// Starts every placeholder; it carries a fingerprint of the page, so page text cannot forge one.
    let placeholderPrefix: String
    /// Indexes (into `links`) of the links that have a placeholder.
    let placeholders: [Int]

    /// The HTML with each placeholder replaced by its final URL (`urls` by link index), escaped for an attribute.
    func filled(with urls: [Int: String]) -> String {
        guard !placeholders.isEmpty else { return html }
        var result = ""
        result.reserveCapacity(html.utf8.count + 64)
        var rest = html[...]
        let marker = "\"" + placeholderPrefix
        while let start = rest.range(of: marker) {
            result += rest[..<start.lowerBound]
            var digitsEnd = start.upperBound
            while digitsEnd < rest.endIndex, rest[digitsEnd].isASCII, rest[digitsEnd].isNumber { digitsEnd = rest.index(after: digitsEnd) }
            if let index = Int(rest[start.upperBound..<digitsEnd]), let url = urls[index], digitsEnd < rest.endIndex, rest[digitsEnd] == "\"" {
                result += "\"" + Self.escapeHref(url) + "\""
                rest = rest[rest.index(after: digitsEnd)...]
            } else {
                result += marker
                rest = rest[start.upperBound...]
            }
        }
        result += rest
        return result
    }

    /// Escapes a URL for an href or src attribute as cmark does: bytes outside URL characters are
    /// percent-encoded, and `&`, `'` become character references.
    static func escapeHref(_ url: String) -> String {
        var result = ""
        for byte in url.utf8 {
            switch byte {
            case UInt8(ascii: "&"): result += "&amp;"
            case UInt8(ascii: "'"): result += "&#x27;"
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                if "-_.+!*(),%#@?=;:/$~".utf8.contains(byte) {
                    result.unicodeScalars.append(Unicode.Scalar(byte))
                } else {
                    let hex = String(byte, radix: 16, uppercase: true)
                    result += "%" + (hex.count == 1 ? "0" + hex : hex)
                }
            }
        }
        return result
    }
}

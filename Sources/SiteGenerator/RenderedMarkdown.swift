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
        let source = Array(html.utf8)
        let marker = Array(("\"" + placeholderPrefix).utf8)
        var output: [UInt8] = []
        output.reserveCapacity(source.count + 256)
        var position = 0
        var copiedUpTo = 0
        while position + marker.count <= source.count {
            guard source[position] == marker[0], source[position..<(position + marker.count)].elementsEqual(marker) else {
                position += 1
                continue
            }
            var end = position + marker.count
            var index = 0
            while end < source.count, source[end] >= UInt8(ascii: "0"), source[end] <= UInt8(ascii: "9") {
                index = index * 10 + Int(source[end] - UInt8(ascii: "0"))
                end += 1
            }
            guard end > position + marker.count, end < source.count, source[end] == UInt8(ascii: "\""), let url = urls[index] else {
                position += 1
                continue
            }
            output.append(contentsOf: source[copiedUpTo..<position])
            output.append(UInt8(ascii: "\""))
            output.append(contentsOf: Self.escapeHref(url).utf8)
            output.append(UInt8(ascii: "\""))
            position = end + 1
            copiedUpTo = position
        }
        output.append(contentsOf: source[copiedUpTo...])
        return String(decoding: output, as: UTF8.self)
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

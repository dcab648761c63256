import Foundation

/// The fast path of links: every page's Markdown is rendered once, at once, with placeholders where relative
/// links go, and its cmark tree freed; when every page's anchors are known the placeholders are filled in.
/// Keeping rendered bytes instead of trees is what lets a 10,000-page site build in a fraction of the memory.
///
/// The slow equivalent keeps the tree, sets each link's destination (`CmarkDocument.setDestination`) and
/// renders then; `MarkdownTests.placeholdersGiveWhatSettingTheDestinationGives` checks they agree byte for byte.
extension MarkdownBody {
    /// The HTML with each placeholder replaced by its final URL (`urls` by link index), escaped for an attribute;
    /// a picture whose size is known (`sizes` by link index) gets its `width` and `height` (`ImageSize.attributes`).
    func filled(with urls: [Int: String], sizes: [Int: ImageSize] = [:]) -> [UInt8] {
        guard !placeholders.isEmpty else { return html }
        let marker = Array(("\"" + placeholderPrefix).utf8)
        var output: [UInt8] = []
        output.reserveCapacity(html.count + 256)
        var position = 0
        var copiedUpTo = 0
        var pictures = 0
        while let found = html.firstIndex(of: marker, from: position) {
            position = found
            guard let (index, end) = html.decimalNumber(at: position + marker.count), end < html.count,
                  html[end] == UInt8(ascii: "\""), let url = urls[index] else {
                position += 1
                continue
            }
            output.append(contentsOf: html[copiedUpTo..<position])
            output.append(UInt8(ascii: "\""))
            Self.appendEscapedHref(url, to: &output)
            output.append(UInt8(ascii: "\""))
            if let size = sizes[index] {
                output.append(contentsOf: size.attributes(lazy: pictures > 0 || position > ImageSize.firstScreenBytes).utf8)
                pictures += 1
            }
            position = end + 1
            copiedUpTo = position
        }
        output.append(contentsOf: html[copiedUpTo...])
        return output
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    /// Escapes a URL for an href or src attribute as cmark does: bytes outside URL characters are
    /// percent-encoded, and `&`, `'` become character references.
    private static func appendEscapedHref(_ url: String, to output: inout [UInt8]) {
        for byte in url.utf8 {
            switch byte {
            case UInt8(ascii: "&"): output.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "'"): output.append(contentsOf: "&#x27;".utf8)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "+"), UInt8(ascii: "!"), UInt8(ascii: "*"),
                 UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: ","), UInt8(ascii: "%"), UInt8(ascii: "#"), UInt8(ascii: "@"),
                 UInt8(ascii: "?"), UInt8(ascii: "="), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "/"), UInt8(ascii: "$"),
                 UInt8(ascii: "~"):
                output.append(byte)
            default:
                output.append(UInt8(ascii: "%"))
                output.append(hexDigits[Int(byte >> 4)])
                output.append(hexDigits[Int(byte & 15)])
            }
        }
    }
}

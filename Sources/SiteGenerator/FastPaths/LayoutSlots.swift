import Foundation

/// The values that differ from page to page (title, description, links to translations, the Markdown HTML),
/// stood in for by markers while a layout renders, so one rendering of a layout serves every page of the
/// same shape and each page only has its values put in.
///
/// A marker is `<clinicsite-slot-NONCE-N>`, with a number drawn for the build, so no page text can forge
/// one. Where a template prints a value escaped (`{{title}}`) the marker comes out as
/// `&lt;clinicsite-slot-…&gt;` and the value goes in escaped; where it prints it raw (`{{{content}}}`) the
/// value goes in as it is. Any other trace of a marker (a transform that changed it) makes `fill` return
/// nil, and the caller renders the page the ordinary way.
struct LayoutSlots: Sendable {
    /// A value for a slot, as UTF-8: text, or HTML already made (the page's Markdown). A slice, so a final newline
    /// left out of the slot costs no copy of the page.
    typealias Value = ArraySlice<UInt8>

    private let nonce: String
    private let token: [UInt8]
    private static let open = Array("<".utf8), close = Array(">".utf8)
    private static let escapedOpen = Array("&lt;".utf8), escapedClose = Array("&gt;".utf8)

    init(nonce: String = String(UInt64.random(in: .min ... .max), radix: 36)) {
        self.nonce = nonce
        token = Array("clinicsite-slot-\(nonce)-".utf8)
    }

    /// The marker for slot number `index`.
    func marker(_ index: Int) -> String {
        "<clinicsite-slot-\(nonce)-\(index)>"
    }

    /// `layout` with every marker replaced by its value, or nil when a marker was used in a way this cannot
    /// account for.
    func fill(_ layout: String, with values: [Value]) -> Data? {
        fill(Array(layout.utf8), with: values)
    }

    /// `fill` for a layout kept as its UTF-8 bytes.
    func fill(_ bytes: [UInt8], with values: [Value]) -> Data? {
        var output = Data(capacity: bytes.count + values.reduce(0) { $0 + $1.count })
        var copiedUpTo = 0
        var position = 0
        while let found = bytes.firstIndex(of: token, from: position) {
            guard let (index, end) = bytes.decimalNumber(at: found + token.count), index < values.count else { return nil }
            let escaped: Bool
            if bytes.has(Self.open, endingAt: found), bytes.has(Self.close, startingAt: end) {
                output.append(contentsOf: bytes[copiedUpTo..<(found - Self.open.count)])
                copiedUpTo = end + Self.close.count
                escaped = false
            } else if bytes.has(Self.escapedOpen, endingAt: found), bytes.has(Self.escapedClose, startingAt: end) {
                output.append(contentsOf: bytes[copiedUpTo..<(found - Self.escapedOpen.count)])
                copiedUpTo = end + Self.escapedClose.count
                escaped = true
            } else {
                return nil
            }
            if escaped {
                output.append(contentsOf: XMLText.escape(String(decoding: values[index], as: UTF8.self)).utf8)
            } else {
                output.append(contentsOf: values[index])
            }
            position = copiedUpTo
        }
        output.append(contentsOf: bytes[copiedUpTo...])
        return output
    }
}

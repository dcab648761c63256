import Foundation

/// Where a page's Markdown HTML goes in its layout. The layout is rendered with a short marker as its
/// `content`, and the HTML's bytes are put in place of the marker afterwards, so the largest value of every
/// page is never converted to a `String`, checked again, and copied through Mustache.
///
/// The marker carries a number drawn for the build, so no page text can forge it. A layout that prints
/// `{{content}}` (escaped) gets the HTML escaped, as Mustache would; any other use of the marker, such as a
/// transform that changes it, makes `fill` return nil and the caller renders the page the ordinary way.
struct ContentSlot: Sendable {
    /// The value given to the template as `content`.
    let marker: String
    private let token: [UInt8]
    private static let open = Array("<".utf8), close = Array(">".utf8)
    private static let escapedOpen = Array("&lt;".utf8), escapedClose = Array("&gt;".utf8)

    init(nonce: String = String(UInt64.random(in: .min ... .max), radix: 36)) {
        let token = "clinicsite-content-\(nonce)"
        self.token = Array(token.utf8)
        marker = "<\(token)>"
    }

    /// `layout` with the marker replaced by `html`, or nil when the layout used the marker in a way this
    /// cannot account for.
    func fill(_ layout: String, with html: [UInt8]) -> Data? {
        var layout = layout
        return layout.withUTF8 { bytes -> Data? in
            var output = Data(capacity: bytes.count + html.count)
            var copiedUpTo = 0
            var position = 0
            while let found = find(token, in: bytes, from: position) {
                let before = bytes[..<found], after = bytes[(found + token.count)...]
                if before.ends(with: Self.open), after.starts(with: Self.close) {
                    output.append(UnsafeBufferPointer(rebasing: bytes[copiedUpTo..<(found - Self.open.count)]))
                    output.append(contentsOf: html)
                    copiedUpTo = found + token.count + Self.close.count
                } else if before.ends(with: Self.escapedOpen), after.starts(with: Self.escapedClose) {
                    output.append(UnsafeBufferPointer(rebasing: bytes[copiedUpTo..<(found - Self.escapedOpen.count)]))
                    output.append(contentsOf: XMLText.escape(String(decoding: html, as: UTF8.self)).utf8)
                    copiedUpTo = found + token.count + Self.escapedClose.count
                } else {
                    return nil
                }
                position = copiedUpTo
            }
            output.append(UnsafeBufferPointer(rebasing: bytes[copiedUpTo...]))
            return output
        }
    }

    private func find(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = bytes.baseAddress, let first = needle.first else { return nil }
        var position = start
        while position + needle.count <= bytes.count {
            guard let hit = memchr(base + position, Int32(first), bytes.count - position) else { return nil }
            position = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
            if position + needle.count <= bytes.count, memcmp(base + position, needle, needle.count) == 0 { return position }
            position += 1
        }
        return nil
    }
}

private extension Slice where Base == UnsafeBufferPointer<UInt8> {
    func ends(with suffix: [UInt8]) -> Bool {
        count >= suffix.count && self[(endIndex - suffix.count)...].elementsEqual(suffix)
    }
}

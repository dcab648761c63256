/// A picture's size in pixels as a browser shows it (a JPEG's EXIF orientation applied), read from its header
/// without decoding it: for `width` and `height` on `<img>`, so the page does not jump as pictures arrive.
struct ImageSize: Equatable, Sendable {
    var width: Int
    var height: Int

    init(width: Int, height: Int) {
        (self.width, self.height) = (width, height)
    }

    /// The size of the JPEG, PNG, GIF or WebP picture in `bytes`; nil for anything else.
    init?(of bytes: [UInt8]) {
        if let jpeg = JPEGSegments(bytes, headersOnly: true), let stored = jpeg.storedSize(in: bytes) {
            let exif = jpeg.segments.first { $0.marker == 0xE1 && JPEGSegments.payload(of: $0, in: bytes, startsWith: "Exif\0") }
            let turned = exif.map { ExifBlock(bytes[$0.payload]).orientation >= 5 } ?? false
            (width, height) = turned ? (stored.height, stored.width) : stored
        } else if let chunks = PNGCleaning.chunks(bytes), let stored = PNGCleaning.size(bytes, chunks: chunks) {
            (width, height) = stored
        } else if bytes.count >= 10, bytes.starts(with: Array("GIF8".utf8)) {
            (width, height) = (Int(bytes[6]) | Int(bytes[7]) << 8, Int(bytes[8]) | Int(bytes[9]) << 8)
        } else if let stored = Self.webP(bytes) {
            (width, height) = stored
        } else {
            return nil
        }
        guard width > 0, height > 0 else { return nil }
    }

    /// How far into a page's text a picture may start and still be on a phone's first screen: the first picture
    /// of a page within it is loaded at once, every other one only as the reader scrolls near it.
    static let firstScreenBytes = 800

    /// ` width="…" height="…"`, with ` loading="lazy"` when `lazy`, for `<img>`.
    func attributes(lazy: Bool) -> String {
        " width=\"\(width)\" height=\"\(height)\"" + (lazy ? " loading=\"lazy\"" : "")
    }

    /// A WebP's canvas (extended format) or frame size (simple lossy or lossless format).
    private static func webP(_ bytes: [UInt8]) -> (Int, Int)? {
        guard bytes.count >= 30, bytes.starts(with: Array("RIFF".utf8)), bytes[8..<12].elementsEqual("WEBP".utf8) else { return nil }
        func little(_ at: Int, _ count: Int) -> Int { (0..<count).reduce(0) { $0 | Int(bytes[at + $1]) << (8 * $1) } }
        switch String(decoding: bytes[12..<16], as: UTF8.self) {
        case "VP8X": return (little(24, 3) + 1, little(27, 3) + 1)
        case "VP8 ": return (little(26, 2) & 0x3FFF, little(28, 2) & 0x3FFF)
        case "VP8L":
            let bits = little(21, 4)
            return (bits & 0x3FFF + 1, (bits >> 14) & 0x3FFF + 1)
        default: return nil
        }
    }
}

/// The published copy of a WebP: its RIFF chunks without `EXIF` and `XMP ` (and the extended header's flags for them
/// cleared), every other chunk copied whole. A turned WebP would lose its turn; phones do not write them.
enum WebPCleaning {
    /// The copy and what was left out; nil when `bytes` is not a WebP clinicsite can read.
    static func clean(_ bytes: [UInt8]) -> (bytes: [UInt8], removed: [String])? {
        guard bytes.count >= 12, bytes.starts(with: Array("RIFF".utf8)), bytes[8..<12].elementsEqual("WEBP".utf8) else { return nil }
        let declared = Int(bytes[4]) | Int(bytes[5]) << 8 | Int(bytes[6]) << 16 | Int(bytes[7]) << 24
        let end = min(bytes.count, 8 + declared)
        var kept = Array(bytes[0..<12])
        var removed: [String] = []
        var index = 12
        while index + 8 <= end {
            let type = String(decoding: bytes[index..<index + 4], as: UTF8.self)
            let size = Int(bytes[index + 4]) | Int(bytes[index + 5]) << 8 | Int(bytes[index + 6]) << 16 | Int(bytes[index + 7]) << 24
            let next = index + 8 + size + size % 2
            guard next <= end || index + 8 + size == end else { return nil }
            switch type {
            case "EXIF":
                let exif = ExifBlock(Array("Exif\0\0".utf8)[...] + bytes[index + 8..<index + 8 + size])
                removed.append(exif.contents.isEmpty ? "EXIF" : "EXIF (\(exif.contents.joined(separator: ", ")))")
            case "XMP ": removed.append("XMP")
            default:
                kept.append(contentsOf: bytes[index..<min(next, end)])
                // The extended header says which metadata chunks follow: neither does any more.
                if type == "VP8X", size >= 1 { kept[kept.count - min(next, end) + index + 8] &= ~UInt8(0x0C) }
            }
            index = next
        }
        if end < bytes.count { removed.append("data after the picture") }
        let length = kept.count - 8
        kept.replaceSubrange(4..<8, with: [UInt8(length & 0xFF), UInt8(length >> 8 & 0xFF), UInt8(length >> 16 & 0xFF), UInt8(length >> 24 & 0xFF)])
        return (kept, removed)
    }
}

/// The published copy of a GIF: its blocks without comments and application data (XMP among them), the looping
/// instruction of an animation (`NETSCAPE2.0`) and every image and its control block copied whole.
enum GIFCleaning {
    /// The copy and what was left out; nil when `bytes` is not a GIF clinicsite can read.
    static func clean(_ bytes: [UInt8]) -> (bytes: [UInt8], removed: [String])? {
        guard bytes.count >= 13, bytes.starts(with: Array("GIF8".utf8)) else { return nil }
        var index = 13 + colourTableSize(bytes[10])
        guard index <= bytes.count else { return nil }
        var kept = Array(bytes[0..<index])
        var removed: [String] = []
        while index < bytes.count {
            switch bytes[index] {
            case 0x3B:
                kept.append(0x3B)
                if index + 1 < bytes.count { removed.append("data after the picture") }
                return (kept, removed)
            case 0x2C:
                guard index + 10 <= bytes.count else { return nil }
                let start = index
                index += 10 + colourTableSize(bytes[index + 9]) + 1
                guard let end = subBlocksEnd(bytes, from: index) else { return nil }
                kept.append(contentsOf: bytes[start..<end])
                index = end
            case 0x21:
                guard index + 2 < bytes.count, let end = subBlocksEnd(bytes, from: index + 2) else { return nil }
                let label = bytes[index + 1]
                let looping = label == 0xFF && index + 14 <= bytes.count && bytes[index + 3..<index + 14].elementsEqual("NETSCAPE2.0".utf8)
                if label == 0xFE {
                    if !removed.contains("comment") { removed.append("comment") }
                } else if label == 0xFF && !looping {
                    if !removed.contains("application data (XMP and the like)") { removed.append("application data (XMP and the like)") }
                } else {
                    kept.append(contentsOf: bytes[index..<end])
                }
                index = end
            default:
                return nil
            }
        }
        return nil
    }

    /// The bytes of a colour table a packed field announces (none when its top bit is clear).
    private static func colourTableSize(_ packed: UInt8) -> Int {
        packed & 0x80 == 0 ? 0 : 3 << (Int(packed & 0x07) + 1)
    }

    /// Where the sub-blocks starting at `index` end (after their zero-length terminator).
    private static func subBlocksEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            let size = Int(bytes[index])
            index += 1 + size
            if size == 0 { return index <= bytes.count ? index : nil }
        }
        return nil
    }
}

/// The published copy of a PNG: the original's chunks that make the picture (header, palette, data, colour and
/// transparency, animation), without those that describe it (text, XMP, EXIF, the time it was changed, private
/// chunks). Each chunk kept is copied whole, its checksum with it, so the picture is never encoded again.
enum PNGCleaning {
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// Ancillary chunks that change how the picture looks: everything else ancillary is left out.
    private static let shown: Set<String> = ["tRNS", "cHRM", "gAMA", "iCCP", "sBIT", "sRGB", "cICP", "mDCv", "cLLi", "bKGD", "hIST",
                                             "pHYs", "sPLT", "acTL", "fcTL", "fdAT"]

    /// One chunk: its type and its bytes (length, type, data and checksum).
    struct Chunk {
        var type: String
        var range: Range<Int>
        var data: Range<Int>
    }

    /// The chunks of `bytes` up to and including `IEND`; nil when it is not a PNG or a chunk runs past the end.
    static func chunks(_ bytes: [UInt8]) -> [Chunk]? {
        guard bytes.count >= 8, bytes[..<8].elementsEqual(signature) else { return nil }
        var chunks: [Chunk] = []
        var index = 8
        while index + 12 <= bytes.count {
            let length = bytes[index..<index + 4].reduce(0) { $0 << 8 | Int($1) }
            let type = String(decoding: bytes[index + 4..<index + 8], as: UTF8.self)
            guard length <= bytes.count - index - 12 else { return nil }
            chunks.append(Chunk(type: type, range: index..<index + 12 + length, data: index + 8..<index + 8 + length))
            index += 12 + length
            if type == "IEND" { return chunks }
        }
        return nil
    }

    /// The width and height in the header.
    static func size(_ bytes: [UInt8], chunks: [Chunk]) -> (width: Int, height: Int)? {
        guard let header = chunks.first, header.type == "IHDR", header.data.count >= 8 else { return nil }
        let start = header.data.lowerBound
        return (bytes[start..<start + 4].reduce(0) { $0 << 8 | Int($1) }, bytes[start + 4..<start + 8].reduce(0) { $0 << 8 | Int($1) })
    }

    /// The copy and what was left out, in plain words; nil when `bytes` is not a PNG clinicsite can read.
    static func clean(_ bytes: [UInt8]) -> (bytes: [UInt8], removed: [String])? {
        guard let chunks = chunks(bytes) else { return nil }
        var kept = signature
        kept.reserveCapacity(bytes.count)
        var removed: [String] = []
        for chunk in chunks {
            let critical = chunk.type.first?.isUppercase ?? true
            if critical || shown.contains(chunk.type) {
                kept.append(contentsOf: bytes[chunk.range])
                continue
            }
            let item = description(of: chunk, in: bytes)
            if !removed.contains(item) { removed.append(item) }
        }
        if chunks.last?.range.upperBound ?? bytes.count < bytes.count { removed.append("data after the picture") }
        return (kept, removed)
    }

    private static func description(of chunk: Chunk, in bytes: [UInt8]) -> String {
        switch chunk.type {
        case "tEXt", "zTXt", "iTXt":
            let keyword = String(decoding: bytes[chunk.data].prefix(79).prefix { $0 != 0 }, as: UTF8.self)
            return keyword == "XML:com.adobe.xmp" ? "XMP" : "text (\(keyword))"
        case "eXIf":
            let exif = ExifBlock(Array("Exif\0\0".utf8)[...] + bytes[chunk.data])
            return exif.contents.isEmpty ? "EXIF" : "EXIF (\(exif.contents.joined(separator: ", ")))"
        case "tIME": return "time last changed"
        default: return "private data (\(chunk.type))"
        }
    }
}

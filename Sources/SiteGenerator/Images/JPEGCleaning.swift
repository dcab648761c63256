/// The published copy of a JPEG: the original's segments that make the picture (frame, tables, scans, the JFIF
/// header, the colour profile, Adobe's colour transform), without those that describe it (EXIF, XMP, IPTC,
/// comments, a phone's extra pictures and what follows the picture), plus a new EXIF block holding only the
/// orientation when the picture is stored turned. The picture's data is copied byte for byte.
enum JPEGCleaning {
    /// The copy and what was left out, in plain words; nil when `bytes` is not a JPEG clinicsite can read.
    static func clean(_ bytes: [UInt8]) -> (bytes: [UInt8], removed: [String])? {
        guard let structure = JPEGSegments(bytes) else { return nil }
        var kept: [UInt8] = []
        kept.reserveCapacity(bytes.count)
        var removed: [String] = []
        var orientation = 1
        for segment in structure.segments {
            if let kind = removal(of: segment, in: bytes) {
                if kind == "EXIF" {
                    let exif = ExifBlock(bytes[segment.payload])
                    orientation = exif.orientation
                    removed.append(exif.contents.isEmpty ? "EXIF" : "EXIF (\(exif.contents.joined(separator: ", ")))")
                } else {
                    removed.append(kind)
                }
                continue
            }
            kept.append(contentsOf: bytes[segment.range])
        }
        if orientation != 1 { kept.insert(contentsOf: orientationSegment(orientation), at: insertionPoint(kept)) }
        if structure.end < bytes.count { removed.append("data after the picture (\(bytes.count - structure.end) bytes)") }
        var unique: [String] = []
        for item in removed where !unique.contains(item) { unique.append(item) }
        return (kept, unique)
    }

    /// What a segment is when it is left out of the copy (nil when it is kept).
    private static func removal(of segment: JPEGSegments.Segment, in bytes: [UInt8]) -> String? {
        func starts(_ signature: String) -> Bool { JPEGSegments.payload(of: segment, in: bytes, startsWith: signature) }
        switch segment.marker {
        case 0xE0: return starts("JFIF\0") ? nil : "preview picture (JFXX)"
        case 0xE1: return starts("Exif\0") ? "EXIF" : starts("http://ns.adobe.com/") ? "XMP" : "application data"
        case 0xE2: return starts("ICC_PROFILE\0") ? nil : starts("MPF\0") ? "extra pictures (MPF)" : "application data"
        case 0xED: return "IPTC"
        case 0xEE: return starts("Adobe") ? nil : "application data"
        case 0xE3...0xEF: return "application data"
        case 0xFE: return "comment"
        default: return nil
        }
    }

    /// After the JFIF header when there is one (which must come first), else right after the start of image.
    private static func insertionPoint(_ kept: [UInt8]) -> Int {
        guard kept.count > 6, kept[2] == 0xFF, kept[3] == 0xE0 else { return 2 }
        return 4 + (Int(kept[4]) << 8 | Int(kept[5]))
    }

    private static func orientationSegment(_ orientation: Int) -> [UInt8] {
        let payload = ExifBlock.orientationOnly(orientation)
        let length = payload.count + 2
        return [0xFF, 0xE1, UInt8(length >> 8), UInt8(length & 0xFF)] + payload
    }
}

/// A JPEG file cut into its segments (ITU-T T.81, annex B): each marker with its length-prefixed payload, and
/// the entropy-coded data after each start of scan as one piece. Nothing is decoded: the published copy is made
/// of whole segments of the original, so the picture is never encoded again.
struct JPEGSegments {
    /// One marker and its bytes (from the `FF` to the end of its payload), or entropy-coded data (`marker` 0).
    struct Segment {
        var marker: UInt8
        var range: Range<Int>
        /// The payload after the two length bytes (empty for markers that stand alone and for scan data).
        var payload: Range<Int>
    }

    /// The segments in file order, ending with the end-of-image marker when the file has one.
    private(set) var segments: [Segment] = []
    /// Where the picture ends: bytes after it (a phone's second picture, a motion photo's video) are not part of it.
    private(set) var end = 0

    static let startOfFrame: Set<UInt8> = [0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF]

    /// The segments of `bytes`; with `headersOnly`, only those before the first scan (enough for the size and the
    /// EXIF). Nil when `bytes` is not a JPEG or a segment runs past the end of the file.
    init?(_ bytes: [UInt8], headersOnly: Bool = false) {
        guard bytes.count >= 4, bytes[0] == 0xFF, bytes[1] == 0xD8 else { return nil }
        segments.append(Segment(marker: 0xD8, range: 0..<2, payload: 2..<2))
        var index = 2
        while index < bytes.count {
            guard bytes[index] == 0xFF else { return nil }
            var markerAt = index + 1
            while markerAt < bytes.count, bytes[markerAt] == 0xFF { markerAt += 1 }
            guard markerAt < bytes.count else { return nil }
            let marker = bytes[markerAt]
            if marker == 0xD9 {
                segments.append(Segment(marker: marker, range: index..<markerAt + 1, payload: markerAt + 1..<markerAt + 1))
                end = markerAt + 1
                return
            }
            if (0xD0...0xD7).contains(marker) || marker == 0x01 {
                segments.append(Segment(marker: marker, range: index..<markerAt + 1, payload: markerAt + 1..<markerAt + 1))
                index = markerAt + 1
                continue
            }
            guard markerAt + 2 < bytes.count else { return nil }
            let length = Int(bytes[markerAt + 1]) << 8 | Int(bytes[markerAt + 2])
            let next = markerAt + 1 + length
            guard length >= 2, next <= bytes.count else { return nil }
            segments.append(Segment(marker: marker, range: index..<next, payload: markerAt + 3..<next))
            index = next
            guard marker == 0xDA else { continue }
            if headersOnly { return }
            let dataEnd = Self.endOfScan(bytes, from: index)
            segments.append(Segment(marker: 0, range: index..<dataEnd, payload: index..<index))
            index = dataEnd
        }
        // No end-of-image marker: browsers show such a file as far as it goes, so it is kept as it is.
        guard segments.contains(where: { $0.marker == 0xDA }) else { return nil }
        end = bytes.count
    }

    /// The first byte of the marker after the entropy-coded data at `start`: an `FF` followed by anything but a
    /// stuffed zero, a restart marker or another `FF`.
    private static func endOfScan(_ bytes: [UInt8], from start: Int) -> Int {
        var index = start
        while index + 1 < bytes.count {
            if bytes[index] == 0xFF {
                let next = bytes[index + 1]
                if next != 0x00, next != 0xFF, !(0xD0...0xD7).contains(next) { return index }
            }
            index += 1
        }
        return bytes.count
    }

    /// The width and height stored in the frame header, before any orientation.
    func storedSize(in bytes: [UInt8]) -> (width: Int, height: Int)? {
        guard let frame = segments.first(where: { Self.startOfFrame.contains($0.marker) }), frame.payload.count >= 5 else { return nil }
        let start = frame.payload.lowerBound
        return (Int(bytes[start + 3]) << 8 | Int(bytes[start + 4]), Int(bytes[start + 1]) << 8 | Int(bytes[start + 2]))
    }

    /// Whether the payload of `segment` starts with `signature`.
    static func payload(of segment: Segment, in bytes: [UInt8], startsWith signature: String) -> Bool {
        let expected = Array(signature.utf8)
        return segment.payload.count >= expected.count && bytes[segment.payload.prefix(expected.count)].elementsEqual(expected)
    }
}

import CLibExif

/// A photo's EXIF block, read with libexif: which way up the picture is, and what in it can identify a person
/// or a place, in plain words for the build's note. The published copy keeps none of it but the orientation
/// (`orientationOnly`), so a phone's upright photo stays upright in the browser.
struct ExifBlock {
    /// EXIF orientation, 1 (as stored) to 8; 1 when the block does not say.
    private(set) var orientation = 1
    /// What the block holds, in plain words ("GPS position", "date and time taken", …), in a fixed order.
    private(set) var contents: [String] = []

    /// Reads an APP1 payload that starts with `Exif\0\0` (or a PNG `eXIf` chunk's TIFF data).
    init(_ payload: ArraySlice<UInt8>) {
        guard let data = exif_data_new() else { return }
        defer { exif_data_unref(data) }
        // Keep every tag as found: the default options drop unknown tags and add "mandatory" ones.
        exif_data_unset_option(data, EXIF_DATA_OPTION_IGNORE_UNKNOWN_TAGS)
        exif_data_unset_option(data, EXIF_DATA_OPTION_FOLLOW_SPECIFICATION)
        let bytes = Array(payload)
        exif_data_load_data(data, bytes, UInt32(bytes.count))
        let order = exif_data_get_byte_order(data)
        var tags: Set<UInt32> = []
        var found: [String] = []
        for ifd in [EXIF_IFD_0, EXIF_IFD_1, EXIF_IFD_EXIF, EXIF_IFD_GPS, EXIF_IFD_INTEROPERABILITY] {
            guard let content = clinicsite_exif_ifd(data, ifd) else { continue }
            for index in 0..<Int(content.pointee.count) {
                guard let entry = content.pointee.entries[index] else { continue }
                let tag = entry.pointee.tag.rawValue
                if ifd == EXIF_IFD_GPS { found.append("GPS position") }
                if ifd == EXIF_IFD_0, tag == EXIF_TAG_ORIENTATION.rawValue, entry.pointee.size >= 2, let bytes = entry.pointee.data {
                    orientation = (1...8).contains(Int(exif_get_short(bytes, order))) ? Int(exif_get_short(bytes, order)) : 1
                }
                tags.insert(tag)
            }
        }
        for (words, group) in Self.groups where !tags.isDisjoint(with: group.map(\.rawValue)) { found.append(words) }
        if data.pointee.data != nil, data.pointee.size > 0 { found.append("preview picture") }
        let named = Set(Self.groups.flatMap { $0.tags.map(\.rawValue) } + [EXIF_TAG_ORIENTATION.rawValue])
        if !tags.subtracting(named).isEmpty { found.append("camera settings") }
        contents = Self.order.filter(found.contains)
    }

    private static let groups: [(words: String, tags: [ExifTag])] = [
        ("date and time taken", [EXIF_TAG_DATE_TIME, EXIF_TAG_DATE_TIME_ORIGINAL, EXIF_TAG_DATE_TIME_DIGITIZED]),
        ("camera make and model", [EXIF_TAG_MAKE, EXIF_TAG_MODEL, EXIF_TAG_LENS_MAKE, EXIF_TAG_LENS_MODEL]),
        ("owner and serial numbers", [EXIF_TAG_ARTIST, EXIF_TAG_CAMERA_OWNER_NAME, EXIF_TAG_BODY_SERIAL_NUMBER,
                                      EXIF_TAG_LENS_SERIAL_NUMBER, EXIF_TAG_IMAGE_UNIQUE_ID]),
        ("maker notes", [EXIF_TAG_MAKER_NOTE]),
    ]

    private static let order = ["GPS position", "date and time taken", "camera make and model", "owner and serial numbers", "maker notes",
                                "preview picture", "camera settings"]

    /// An APP1 payload (`Exif\0\0` and a TIFF header) holding only `orientation`, written by libexif.
    static func orientationOnly(_ orientation: Int) -> [UInt8] {
        var block = [UInt8](repeating: 0, count: 256)
        let length = clinicsite_exif_orientation_block(ExifShort(orientation), &block, UInt32(block.count))
        return Array(block.prefix(Int(length)))
    }
}

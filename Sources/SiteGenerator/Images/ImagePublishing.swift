import Foundation

/// How a picture from `content/` is published: JPEG, PNG, GIF and WebP without the metadata that can identify a patient
/// or a place (the source file is never changed), with a note of what was left out; a warning when it is
/// heavy for a phone; an error for a file that is not the picture its name says (a HEIC renamed .jpg).
enum ImagePublishing {
    /// The published bytes, with the notes and warnings about them.
    struct Published {
        var data: Data
        var notes: [Diagnostic] = []
        var warnings: [Diagnostic] = []
    }

    /// Above these, a picture is worth making smaller.
    static let (largeBytes, largePixels) = (500_000, 2_000)

    private static let pictureExtensions: Set<String> = ["jpg", "jpeg", "png", "gif", "webp"]

    /// The copy of the picture in `bytes` without what describes it, by its kind (from its first bytes, whatever its
    /// name says); nil for a kind clinicsite does not know or a file it cannot read through.
    static func cleaned(_ bytes: [UInt8]) -> (bytes: [UInt8], removed: [String])? {
        if bytes.starts(with: [0xFF, 0xD8]) { return JPEGCleaning.clean(bytes) }
        if bytes.starts(with: PNGCleaning.signature) { return PNGCleaning.clean(bytes) }
        if bytes.starts(with: Array("GIF8".utf8)) { return GIFCleaning.clean(bytes) }
        if bytes.starts(with: Array("RIFF".utf8)) { return WebPCleaning.clean(bytes) }
        return nil
    }

    /// Whether `path` names a picture whose size and metadata clinicsite reads.
    static func isPicture(_ path: String) -> Bool {
        pictureExtensions.contains(ContentFiles.fileExtension(of: path))
    }

    /// The published copy of `path`, or nil when it is not a picture (it is then published as it is).
    static func publish(_ path: String, data: Data) -> Result<Published, DiagnosticError>? {
        guard isPicture(path) else { return nil }
        let bytes = [UInt8](data)
        guard let size = ImageSize(of: bytes), let cleaned = cleaned(bytes) else {
            return .failure(DiagnosticError(Diagnostic(file: path, message: "this file is not a picture clinicsite can read (JPEG, PNG, GIF or WebP)"
                + (isHEIF(bytes) ? ": it is a HEIC picture with another name" : ""),
                hint: "open it in a photo editor and save it again as JPEG or PNG")))
        }
        var published = Published(data: Data(cleaned.bytes))
        if !cleaned.removed.isEmpty {
            let removed = cleaned.removed
            published.notes.append(Diagnostic(file: path, severity: .note,
                message: "published without its \(removed.joined(separator: "; ")); the file in content/ keeps them"))
        }
        if published.data.count > largeBytes || max(size.width, size.height) > largePixels {
            published.warnings.append(.warning(file: path,
                "this picture is \(byteText(published.data.count)) and \(size.width) × \(size.height) pixels: slow to open on a phone",
                hint: "make it at most \(largePixels) pixels on its longest side and save it as JPEG at about 80% quality "
                    + "(Windows Photos: Resize; macOS Preview: Tools > Adjust Size): it will then be well under 500 KB", code: .largeImage))
        }
        return .success(published)
    }

    private static func isHEIF(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 12 && bytes[4..<8].elementsEqual("ftyp".utf8)
            && ["heic", "heix", "mif1", "msf1", "heim", "heis"].contains(String(decoding: bytes[8..<12], as: UTF8.self))
    }

    /// `620 KB`, `8.1 MB`.
    static func byteText(_ count: Int) -> String {
        count >= 1_000_000 ? String(format: "%.1f MB", Double(count) / 1_000_000) : "\((count + 500) / 1_000) KB"
    }
}

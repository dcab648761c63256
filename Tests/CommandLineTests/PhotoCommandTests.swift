import Foundation
import TestSupport
import Testing

/// Photos as staff add them, built by the real executable and read back with exiftool, an independent reader.
@Suite struct PhotoCommandTests {
    /// What exiftool reads in `file`: one `Group:Tag=value` per line.
    private static func exiftool(_ file: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["exiftool", "-a", "-G1", "-s", "-n", "-f", "-q", "-q", "-x", "System:all", "-x", "ExifTool:all", file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// A phone's JPEG and an edited PNG: published without GPS, dates, camera, owner, preview, XMP, IPTC, comments or
    /// text, the JPEG still upright (orientation kept), the sources untouched, the build saying what it left out, and
    /// each `<img>` given the size it is shown at.
    @Test func aPhonePhotoIsPublishedWithoutWhatIdentifies() throws {
        let root = try Fixture.scratchSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("content/en/img")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try TestPhotos.phoneJPEG.write(to: folder.appendingPathComponent("week1.jpg"))
        try TestPhotos.editedPNG.write(to: folder.appendingPathComponent("scar.png"))
        try "---\ntitle: Photos\n---\n# Photos\n\n![Week one](img/week1.jpg)\n\n\(String(repeating: "Some words. ", count: 80))\n\n![A scar](img/scar.png)\n"
            .write(to: root.appendingPathComponent("content/en/photos.md"), atomically: true, encoding: .utf8)
        let before = try Self.exiftool(folder.appendingPathComponent("week1.jpg"))
        #expect(before.contains("GPSLatitude") && before.contains("Phonemaker"), "the fixture is not what this test needs: \(before)")

        let run = try Executable.run(["build", "--root", root.path])
        #expect(run.status == 0, "\(run.errors)")
        let published = root.appendingPathComponent("public/en/img/week1.jpg")
        let jpeg = try Self.exiftool(published)
        for identifying in ["GPS", "Make", "Model", "DateTime", "SerialNumber", "Thumbnail", "XMP", "IPTC", "Comment", "Trailer"] {
            #expect(!jpeg.contains(identifying), "\(identifying) is still in the published JPEG:\n\(jpeg)")
        }
        #expect(jpeg.contains("[IFD0]          Orientation                     : 6"), "\(jpeg)")
        #expect(jpeg.contains("ImageWidth                      : 64"))
        let png = try Self.exiftool(root.appendingPathComponent("public/en/img/scar.png"))
        for identifying in ["GPS", "Make", "Comment", "XMP", "Creator"] {
            #expect(!png.contains(identifying), "\(identifying) is still in the published PNG:\n\(png)")
        }
        #expect(try Data(contentsOf: folder.appendingPathComponent("week1.jpg")) == TestPhotos.phoneJPEG)
        #expect(run.errors.contains("content/en/img/week1.jpg: note: published without its EXIF (GPS position, date and time taken, "
            + "camera make and model, owner and serial numbers, preview picture, camera settings); IPTC; XMP; comment; data after the picture"))
        #expect(run.errors.contains("content/en/img/scar.png: note: published without its text (Comment); XMP; EXIF (GPS position, camera make and model"))
        let html = try String(contentsOf: root.appendingPathComponent("public/en/photos.html"), encoding: .utf8)
        #expect(html.contains("<img src=\"img/week1.jpg\" width=\"48\" height=\"64\" alt=\"Week one\" />"))
        #expect(html.contains("<img src=\"img/scar.png\" width=\"64\" height=\"48\" loading=\"lazy\" alt=\"A scar\" />"))
    }

    /// GIF and WebP too: published without comments, XMP, EXIF or GPS, the picture itself untouched.
    @Test func gifAndWebPArePublishedWithoutWhatIdentifies() throws {
        let root = try Fixture.scratchSite()
        defer { try? FileManager.default.removeItem(at: root) }
        try TestPhotos.taggedGIF.write(to: root.appendingPathComponent("content/en/scar.gif"))
        try TestPhotos.taggedWebP.write(to: root.appendingPathComponent("content/en/scar.webp"))
        let before = try Self.exiftool(root.appendingPathComponent("content/en/scar.gif")) + Self.exiftool(root.appendingPathComponent("content/en/scar.webp"))
        #expect(before.contains("patient 1234") && before.contains("Phonemaker") && before.contains("GPSLatitude"), "the fixtures are not what this test needs")
        let run = try Executable.run(["build", "--root", root.path])
        #expect(run.status == 0, "\(run.errors)")
        let gif = try Self.exiftool(root.appendingPathComponent("public/en/scar.gif"))
        let webP = try Self.exiftool(root.appendingPathComponent("public/en/scar.webp"))
        for identifying in ["Comment", "XMP", "Creator", "Make", "GPS", "EXIF"] {
            #expect(!gif.contains(identifying) && !webP.contains(identifying), "\(identifying) is still published:\n\(gif)\n\(webP)")
        }
        #expect(gif.contains("ImageWidth                      : 40") && webP.contains("ImageWidth                      : 40"))
        #expect(run.errors.contains("content/en/scar.gif: note: published without its comment; application data (XMP and the like)"))
        #expect(run.errors.contains("content/en/scar.webp: note: published without its EXIF (GPS position, camera make and model"), "\(run.errors)")
    }

    /// A picture heavy for a phone is a warning with how to make it smaller, kept by a rebuild that does not copy it
    /// again; a page showing a picture whose size changed is laid out again with the new size.
    @Test func aHeavyPhotoIsAWarningThatRebuildsKeep() throws {
        let root = try Fixture.scratchSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let picture = root.appendingPathComponent("content/en/big.png")
        try Self.png(width: 4032, height: 3024, padding: 600_000).write(to: picture)
        try "---\ntitle: Big\n---\n# Big\n\n![Big](big.png)\n".write(to: root.appendingPathComponent("content/en/big.md"), atomically: true, encoding: .utf8)
        let warning = "content/en/big.png: warning: this picture is 600 KB and 4032 × 3024 pixels: slow to open on a phone"
        let first = try Executable.run(["build", "--root", root.path])
        #expect(first.status == 0, "\(first.errors)")
        #expect(first.errors.contains(warning))
        #expect(first.errors.contains("hint: make it at most 2000 pixels on its longest side"))
        try "---\ntitle: Big\n---\n# Big page\n\n![Big](big.png)\n".write(to: root.appendingPathComponent("content/en/big.md"), atomically: true, encoding: .utf8)
        let second = try Executable.run(["build", "--root", root.path])
        #expect(second.output.contains("Rebuilt"), "\(second.output)")
        #expect(second.errors.contains(warning), "\(second.errors)")
        try Self.png(width: 1200, height: 900, padding: 1000).write(to: picture)
        let third = try Executable.run(["build", "--root", root.path])
        #expect(!third.errors.contains("big.png: warning"), "\(third.errors)")
        let html = try String(contentsOf: root.appendingPathComponent("public/en/big.html"), encoding: .utf8)
        #expect(html.contains("<img src=\"big.png\" width=\"1200\" height=\"900\" alt=\"Big\" />"), "\(html)")
    }

    /// A PNG's header and `padding` bytes of data (never decoded by the build), its chunks' checksums left at zero.
    private static func png(width: Int, height: Int, padding: Int) -> Data {
        func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
            let length = UInt32(data.count)
            return [UInt8(length >> 24), UInt8(length >> 16 & 0xFF), UInt8(length >> 8 & 0xFF), UInt8(length & 0xFF)] + Array(type.utf8) + data + [0, 0, 0, 0]
        }
        func be(_ value: Int) -> [UInt8] { [UInt8(value >> 24 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)] }
        let header = chunk("IHDR", be(width) + be(height) + [8, 2, 0, 0, 0])
        let total = padding - 8 - header.count - 12 - 12
        return Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + header + chunk("IDAT", Array(repeating: 7, count: total)) + chunk("IEND", []))
    }
}

import Foundation
import TestSupport
import Testing
@testable import SiteGenerator

/// Pictures published from `content/`: what their copies keep, the size pages give them, and what is refused.
@Suite struct ImageTests {
    /// The published JPEG is the original's picture byte for byte (every segment kept appears in the original, in
    /// order), with one new EXIF block that holds only the orientation.
    @Test func aCleanedJPEGKeepsThePictureAndOnlyItsOrientation() throws {
        let original = [UInt8](TestPhotos.phoneJPEG)
        let (copy, _) = try #require(JPEGCleaning.clean(original))
        let kept = try #require(JPEGSegments(copy)).segments
        let source = try #require(JPEGSegments(original)).segments
        let added = kept.filter { segment in !source.contains { original[$0.range].elementsEqual(copy[segment.range]) } }
        #expect(added.count == 1 && added.first?.marker == 0xE1)
        let exif = ExifBlock(copy[try #require(added.first).payload])
        #expect(exif.orientation == 6 && exif.contents.isEmpty)
        for marker: UInt8 in [0xDB, 0xC4, 0xC0, 0xDA, 0] {
            #expect(kept.filter { $0.marker == marker }.map { copy[$0.range] } == source.filter { $0.marker == marker }.map { original[$0.range] })
        }
        #expect(!kept.contains { [0xE2, 0xED, 0xFE].contains($0.marker) })
        #expect(copy.last == 0xD9)
    }

    /// Sizes as a browser shows them, read from headers only: a JPEG stored turned is taller than wide.
    @Test func sizesFollowTheOrientation() {
        #expect(ImageSize(of: [UInt8](TestPhotos.phoneJPEG)) == ImageSize(width: 48, height: 64))
        #expect(ImageSize(of: [UInt8](TestPhotos.editedPNG)) == ImageSize(width: 64, height: 48))
        let gif: [UInt8] = Array("GIF89a".utf8) + [0x40, 0x01, 0xF0, 0x00, 0, 0, 0]
        #expect(ImageSize(of: gif) == ImageSize(width: 320, height: 240))
        let webP = Array("RIFF".utf8) + [0, 0, 0, 0] + Array("WEBPVP8X".utf8) + [10, 0, 0, 0, 0, 0, 0, 0] + [0x3F, 0x01, 0x00, 0xEF, 0x00, 0x00]
            + [UInt8](repeating: 0, count: 4)
        #expect(ImageSize(of: webP) == ImageSize(width: 320, height: 240))
        #expect(ImageSize(of: Array("not a picture".utf8)) == nil)
    }

    /// A HEIC saved with a .jpg name and a JPEG cut short are errors naming the file, never published as they are.
    @Test func picturesThatCannotBeCleanedAreRefused() {
        var heic = Data([0, 0, 0, 0x18]) + Data("ftypheic".utf8)
        heic.append(Data(repeating: 0, count: 40))
        let sources = Fixture.site()
        var files = sources.files
        files["content/en/a.jpg"] = heic
        files["content/en/b.jpg"] = TestPhotos.phoneJPEG.prefix(300)
        let errors = Fixture.errors(SiteSources(files: files))
        #expect(errors.contains { $0.file == "content/en/a.jpg" && $0.message.hasSuffix(": it is a HEIC picture with another name") })
        #expect(errors.contains { $0.file == "content/en/b.jpg" && $0.message.hasPrefix("this file is not a picture clinicsite can read") })
    }

    /// The first picture of a page near its top is loaded at once; a later one, or one far down, only when scrolled to.
    @Test func onlyAPictureOnTheFirstScreenLoadsAtOnce() throws {
        var files = Fixture.site(pages: ["content/en/p.md": "# P\n\n![A](a.png)\n\n![B](a.png)\n",
                                         "content/en/q.md": "# Q\n\n\(String(repeating: "Words and words. ", count: 60))\n\n![A](a.png)\n"]).files
        files["content/en/a.png"] = TestPhotos.editedPNG
        let site = try Fixture.build(SiteSources(files: files))
        let p = try #require(Fixture.text(site, "en/p.html"))
        #expect(p.contains("<img src=\"a.png\" width=\"64\" height=\"48\" alt=\"A\" />"))
        #expect(p.contains("<img src=\"a.png\" width=\"64\" height=\"48\" loading=\"lazy\" alt=\"B\" />"))
        #expect(try #require(Fixture.text(site, "en/q.html")).contains("<img src=\"a.png\" width=\"64\" height=\"48\" loading=\"lazy\" alt=\"A\" />"))
    }
}

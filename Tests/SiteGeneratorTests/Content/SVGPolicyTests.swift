import Foundation
import TestSupport
import Testing
@testable import SiteGenerator

/// SVGs are documents that can run code when opened on their own; only plain drawings are published.
@Suite struct SVGPolicyTests {
    static let plain = """
    <?xml version="1.0" encoding="UTF-8"?>
    <!DOCTYPE svg>
    <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">
      <defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient></defs>
      <rect width="10" height="10" fill="url(#g)"/><use xlink:href="#g"/><use href = ' #g'/>
      <image href="data:image/png;base64,AA=="/><text font-family="Lotion">Skin needling</text>
      <style>.a { fill: url(#g); stroke: url( '#g' ) }</style><circle style="fill:url(#g)" r="1"/>
    </svg>

    """

    static func refusal(_ svg: String) -> String? {
        SVGPolicy.problem(in: Array(svg.utf8), file: "content/en/logo.svg")?.description
    }

    @Test func aPlainDrawingIsPublishedByteForByte() throws {
        let site = try Fixture.build(Fixture.site(extra: ["content/en/logo.svg": Self.plain]))
        #expect(site.files.first { $0.path == "en/logo.svg" }?.data == Data(Self.plain.utf8))
    }

    @Test(arguments: [
        ("<svg>\n<script>alert(1)</script></svg>", 2, "it contains a script or embedded document"),
        ("<svg xmlns:h='http://www.w3.org/1999/xhtml'>\n<h:SCRIPT>alert(1)</h:SCRIPT></svg>", 1, "it contains HTML"),
        ("<svg>\n\n<foreignObject><div/></foreignObject></svg>", 3, "it contains a script or embedded document"),
        ("<svg onload=\"alert(1)\"/>", 1, "it has an event handler (an attribute such as onload)"),
        ("<svg><rect\nONCLICK = 'x'/></svg>", 2, "it has an event handler (an attribute such as onload)"),
        ("<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>", 1, "it links to another file or address (only links inside the drawing, #name, are allowed)"),
        ("<svg><a href='jav&#x61;script:x'/></svg>", 1, "it links to another file or address (only links inside the drawing, #name, are allowed)"),
        ("<svg><a href='#&#x61;'/></svg>", 1, "a link in it is written with character references"),
        ("<svg><image href=\"https://tracker.example/p.png\"/></svg>", 1, "it links to another file or address (only links inside the drawing, #name, are allowed)"),
        ("<svg><image href=\"data:text/html;base64,PHNjcmlwdD4=\"/></svg>", 1, "it links to another file or address (only links inside the drawing, #name, are allowed)"),
        ("<svg><a><set attributeName=\"href\" to=\"javascript:alert(1)\"/></a></svg>", 1, "it animates a link"),
        ("<!DOCTYPE svg [\n<!ENTITY s \"&#60;script&#62;\">]><svg>&s;</svg>", 2, "it declares XML entities"),
        ("<?xml-stylesheet type=\"text/xsl\" href=\"#x\"?><svg/>", 1, "it loads a style sheet program (xml-stylesheet)"),
        ("<svg xml:base=\"javascript:\"><a href=\"#x\"/></svg>", 1, "it changes where its links point (xml:base)"),
        ("<svg><style>\n@import url(https://evil.example/x.css);</style></svg>", 2, "its styles import a style sheet (@import)"),
        ("<svg><style>rect { fill: url(https://evil.example/p.svg#a) }</style></svg>", 1, "its styles load a file or address (only url(#name) is allowed)"),
        ("<svg><rect style=\"fill:URL( 'https://evil.example/p' )\"/></svg>", 1, "its styles load a file or address (only url(#name) is allowed)"),
        ("<svg><rect style=\"fill:url(javascript:alert(1))\"/></svg>", 1, "its styles load a file or address (only url(#name) is allowed)"),
        ("<svg><text>\nJavaScript : alert(1)</text></svg>", 2, "it contains a javascript: address"),
        ("<!DOCTYPE svg SYSTEM \"https://evil.example/x.dtd\">\n<svg/>", 1, "its DOCTYPE names an outside file (delete the <!DOCTYPE …> line)"),
        ("<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\"><svg/>", 1,
         "its DOCTYPE names an outside file (delete the <!DOCTYPE …> line)"),
    ])
    func scriptCapableSVGsAreRefusedWithTheirLine(svg: String, line: Int, problem: String) {
        #expect(Self.refusal(svg) == "content/en/logo.svg:\(line): error: this SVG is not published: \(problem)\n" +
            "    hint: export it again as a plain drawing (without scripts, links or embedded HTML), or save it as PNG")
    }

    /// The rules read a file in time linear in its size: a quarter of a megabyte of text in a drawing is checked in
    /// well under a second, even in a debug build on a busy machine (a rule that tried a name prefix at every letter
    /// took 7 s for 20 KB, so about 20 minutes for this).
    @Test func aQuarterMegabyteOfTextIsCheckedQuickly() {
        let words = String(repeating: "lorem ipsum dolor sit amet consectetur adipiscing elit on monday ", count: 3_000)
        let svg = "<svg><text>" + String(repeating: "a", count: 50_000) + words + "</text></svg>"
        #expect(svg.utf8.count > 240_000)
        let clock = ContinuousClock()
        let elapsed = clock.measure { #expect(Self.refusal(svg) == nil) }
        #expect(elapsed < .seconds(3), "\(elapsed)")
    }

    @Test func utf16WouldHideEverythingSoItIsRefused() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "<svg onload='x'/>".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        #expect(SVGPolicy.problem(in: bytes, file: "x.svg")?.message == "this SVG is not published: it is not saved as UTF-8 text")
    }

    @Test func aRefusedSVGFailsTheBuildAndIsNotPublished() {
        let errors = Fixture.errors(Fixture.site(extra: ["content/en/logo.svg": "<svg onload='alert(1)'/>"]))
        #expect(errors.map(\.location) == ["content/en/logo.svg:1"])
    }
}

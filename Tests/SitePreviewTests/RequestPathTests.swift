import Testing
import SitePreview

@Suite struct RequestPathTests {
    @Test func pathsInsideTheSiteResolve() {
        #expect(RequestPath.resolve("/", subpath: "/") == .file("index.html"))
        #expect(RequestPath.resolve("/en/healing.html", subpath: "/") == .file("en/healing.html"))
        #expect(RequestPath.resolve("/en/", subpath: "/") == .file("en/index.html"))
        #expect(RequestPath.resolve("/clinic", subpath: "/clinic/") == .file("index.html"))
        #expect(RequestPath.resolve("/clinic/fr/gu%C3%A9rison.html", subpath: "/clinic/") == .file("fr/guérison.html"))
        #expect(RequestPath.resolve("/clinic/img/a%20b.png", subpath: "/clinic") == .file("img/a b.png"))
    }

    @Test func everySpellingOfLeavingTheSiteIsRefused() {
        for path in ["/../etc/passwd", "/en/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/%2E%2E/x", "/en/..%2f..%2fetc%2fpasswd",
                     "/%2fetc%2fpasswd", "/en/%5c..%5cx", "/a%00.html", "//etc/passwd", "etc/passwd", "/bad%zz", "/%ff%fe.html", "/./x"] {
            #expect(RequestPath.resolve(path, subpath: "/") == .refused, "\(path)")
        }
    }

    @Test func pathsOutsideTheSubpathAreNotFound() {
        #expect(RequestPath.resolve("/", subpath: "/clinic/") == .outsideSubpath)
        #expect(RequestPath.resolve("/clinicx/a.html", subpath: "/clinic/") == .outsideSubpath)
        #expect(RequestPath.resolve("/en/index.html", subpath: "/clinic/") == .outsideSubpath)
    }

    @Test func contentTypes() {
        #expect(ContentTypes.forPath("a/b.html") == "text/html; charset=utf-8")
        #expect(ContentTypes.forPath("assets/style.1a.css") == "text/css; charset=utf-8")
        #expect(ContentTypes.forPath("assets/timeline.2b.js") == "text/javascript; charset=utf-8")
        #expect(ContentTypes.forPath("assets/favicon.svg") == "image/svg+xml")
        #expect(ContentTypes.forPath("x.ics") == "text/calendar; charset=utf-8")
        #expect(ContentTypes.forPath("sitemap.xml") == "application/xml; charset=utf-8")
        #expect(ContentTypes.forPath("unknown.bin") == "application/octet-stream")
    }
}

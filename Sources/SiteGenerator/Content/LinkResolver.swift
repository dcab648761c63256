import Foundation

/// Checks every link in the content and rewrites links between Markdown files to the output pages'
/// relative URLs. Anything that would be a broken link on the published site is an error here instead.
enum LinkResolver {
    /// The URL to write for `link` on `page`, whose source is in `folder` (`content/en`) and whose own
    /// heading ids are `anchors`; nil to leave it as written. What it learns of other pages comes through `reads`.
    static func resolve(_ link: CmarkDocument.Link, on page: Page, in markdown: MarkdownBody, folder: String, anchors: [String],
                        reads: Reads) throws(DiagnosticError) -> String? {
        let destination = link.destination
        let place = markdown.place(ofLine: link.line, source: page.source, bodyLine: page.bodyLine)
        func failure(_ message: String, hint: String? = nil) -> DiagnosticError {
            DiagnosticError(Diagnostic(file: place.file, line: place.line, column: link.column, message: message, hint: hint))
        }
        if destination.isEmpty {
            throw failure("this link has no destination", hint: "write the page it should open between the brackets: [text](healing.md)")
        }
        if Self.hasScheme(destination) || destination.hasPrefix("//") { return nil }
        if destination.hasPrefix("/") {
            throw failure("the link '\(destination)' starts with '/', which breaks when the site is not at the root of its domain",
                          hint: "link to the Markdown file relative to this one, for example healing.md or ../fr/healing.md")
        }
        let (rawPath, fragment) = Self.parts(of: destination)
        if rawPath.isEmpty {
            if let fragment, !fragment.isEmpty, !anchors.contains(Self.decoded(fragment)) {
                throw failure("there is no heading with the anchor '#\(fragment)' on this page", hint: Self.anchorHint(anchors))
            }
            // Only a query (and perhaps a fragment) on this page: published as written. It is a URL to write, not
            // nil, since the rendered HTML already holds a placeholder for every relative link.
            return destination
        }
        let path = Self.decoded(rawPath)
        guard let resolved = RelativePath.resolve(path, inFolder: folder),
              resolved.hasPrefix("content/") else {
            throw failure("the link '\(destination)' leads outside the content folder", hint: "link only to files inside content/")
        }
        // The query and fragment as written: everything from the first "?" or "#" (a "?" after the "#" is the fragment's).
        let suffix = destination.utf8.firstIndex { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }.map { destination[$0...] } ?? ""
        if resolved.hasSuffix(".md") {
            return try pageURL(resolved, destination: destination, suffix: suffix, from: page, reads: reads) { failure($0, hint: $1) }
        }
        if reads.isPublishedFile(resolved) {
            let output = String(resolved.dropFirst("content/".count))
            let url = RelativePath.url(from: page.outputPath, to: output)
            var encoded = url.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? url
            encoded.append(contentsOf: suffix)
            return encoded
        }
        let kind = link.isImage ? "image" : "link"
        let type = ContentFiles.fileExtension(of: resolved)
        if !type.isEmpty, !["md", "html", "htm"].contains(type), !ContentFiles.publishedExtensions.contains(type) {
            // Said from the path alone: whether or not the file is there, a file of this type is never published.
            throw failure("the \(kind) '\(destination)' points to \(resolved), and files of type .\(type) are not published",
                          hint: ContentFiles.unpublishedHint(type))
        }
        let hint = reads.publishedFile(spelledLike: resolved).map { "the file is \($0): upper and lower case must match, since web servers tell them apart" }
            ?? (link.isImage ? "put the image file in that folder, or correct the file name" : nearestPageHint(resolved, reads: reads))
        throw failure("the \(kind) '\(destination)' points to \(resolved), which does not exist", hint: hint)
    }

    /// The URL of the page `resolved` (a Markdown source) from `page`, the query and fragment as written (`suffix`).
    private static func pageURL(_ resolved: String, destination: String, suffix: Substring, from page: Page, reads: Reads,
                                failure: (String, String?) -> DiagnosticError) throws(DiagnosticError) -> String {
        let fragment = parts(of: destination).fragment
        if let slug = reads.withheldProcedure(containing: resolved) {
            throw failure("the link '\(destination)' points to a page of '\(slug)', which is not published while \(Placeholders.marker) placeholders are left in it",
                          "replace its placeholders (clinicsite check lists them), or remove this link until then")
        }
        guard let target = reads.linkTarget(resolved) else {
            throw failure("the link '\(destination)' points to \(resolved), which does not exist", nearestPageHint(resolved, reads: reads))
        }
        if target.draft {
            throw failure("the link '\(destination)' points to a draft page, which is not published",
                          "publish \(resolved) (remove draft: true) or remove the link")
        }
        if let fragment, !fragment.isEmpty, target.hasAnchor(Self.decoded(fragment)) == false {
            throw failure("\(resolved) has no heading with the anchor '#\(fragment)'", Self.anchorHint(target.anchorsForHint))
        }
        var url = RelativePath.url(from: page.outputPath, to: target.outputPath)
        url.append(contentsOf: suffix)
        return url
    }

    /// The source path a relative link points at (`content/en/healing.md`, `content/en/img/a.png`); nil for
    /// links left as written, and for paths that lead outside `content/`. What a page's output depends on.
    static func targetPath(of destination: String, on page: Page) -> String? {
        guard isRelative(destination) else { return nil }
        let rawPath = parts(of: destination).path
        guard !rawPath.isEmpty else { return nil }
        return RelativePath.resolve(decoded(rawPath), inFolder: RelativePath.folder(of: page.source))
    }

    /// The anchor a destination asks for on the page it points at (`healing.md#care` → `care`, decoded);
    /// nil when it names none.
    static func anchor(of destination: String) -> String? {
        guard let fragment = parts(of: destination).fragment, !fragment.isEmpty else { return nil }
        return decoded(fragment)
    }

    private static func nearestPageHint(_ path: String, reads: Reads) -> String {
        let folder = RelativePath.folder(of: path)
        let siblings = reads.pageNames(in: folder)
        let name = String(path.dropFirst(folder.count + 1))
        if let near = Spelling.nearest(name, in: siblings.sorted()) { return "did you mean \(near)?" }
        return siblings.isEmpty ? "check the folder name" : "pages in that folder: \(siblings.sorted().joined(separator: ", "))"
    }

    private static func anchorHint(_ anchors: some Collection<String>) -> String {
        anchors.isEmpty ? "that page has no headings to link to"
            : "anchors on that page: \(anchors.sorted().map { "#\($0)" }.joined(separator: ", "))"
    }

    /// Whether a destination is a relative path (`healing.md`, `img/a.png`, `../fr/x.md#y`): the links
    /// this resolver rewrites. Anchors alone, absolute paths and URLs with a scheme are left as written.
    static func isRelative(_ destination: String) -> Bool {
        !destination.isEmpty && !destination.hasPrefix("#") && !destination.hasPrefix("/") && !hasScheme(destination)
    }

    static func hasScheme(_ text: String) -> Bool {
        let bytes = text.utf8
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), let first = bytes.first,
              (first | 0x20) >= UInt8(ascii: "a") && (first | 0x20) <= UInt8(ascii: "z") else { return false }
        return bytes[..<colon].allSatisfy { byte in
            let lower = byte | 0x20
            return (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
        }
    }

    /// A destination's path (as written, without its query) and fragment. The query is only copied along
    /// (see `resolve`), so it is not kept here.
    private static func parts(of destination: String) -> (path: String, fragment: String?) {
        let (pathAndQuery, fragment) = splitOff("#", destination)
        return (splitOff("?", pathAndQuery).0, fragment)
    }

    private static func splitOff(_ separator: Character, _ text: String) -> (String, String?) {
        guard let byte = separator.asciiValue, let index = text.utf8.firstIndex(of: byte) else { return (text, nil) }
        return (String(text[..<index]), String(text[text.utf8.index(after: index)...]))
    }

    private static func decoded(_ text: String) -> String {
        text.utf8.contains(UInt8(ascii: "%")) ? (text.removingPercentEncoding ?? text) : text
    }
}

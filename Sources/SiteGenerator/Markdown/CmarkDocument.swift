import CCmark
import Foundation

/// One Markdown file parsed by cmark: headings get ids, links can be rewritten, then it renders to HTML once.
///
/// The cmark tree is owned by this object and freed when it goes away. It is not `Sendable`: each document
/// is made, rendered and dropped by one worker.
final class CmarkDocument {
    /// A heading with the id its anchor gets.
    struct Heading: Equatable {
        var level: Int
        var text: String
        var id: String
        var line: Int
    }

    /// A link or image destination as written, with its position in the Markdown body.
    struct Link: Equatable {
        var destination: String
        var isImage: Bool
        var line: Int
        var column: Int
    }

    private let root: OpaquePointer
    private var linkNodes: [OpaquePointer] = []
    private var headingNodes: [OpaquePointer] = []
    /// The headings in document order, after id assignment.
    private(set) var headings: [Heading] = []
    /// Every link and image, in document order.
    private(set) var links: [Link] = []
    /// The line (in the Markdown) of the first pipe table, which cmark cannot render; nil when there is none.
    private(set) var tableLine: Int?
    /// Block quotes that open with `[!NOTE]` and the like, found by the walk and made callouts after it.
    private var callouts: [(quote: OpaquePointer, kind: String, marker: [OpaquePointer])] = []
    /// Raw HTML, comments left out: its line and its first line of text.
    private(set) var rawHTML: [(line: Int, text: String)] = []
    /// Link syntax cmark read as text (`![Week 1](my photo.jpg)`: a space in the address): its line and the text.
    private(set) var unreadLinks: [(line: Int, text: String)] = []
    /// Where each paragraph starts and ends, for finding tables.
    private var paragraphLines: [(start: Int, end: Int)] = []

    /// Parses `markdown`, with smart punctuation unless `smart` is false (the CommonMark spec check turns it
    /// off). Heading ids are assigned at once, so `headings` is complete. `typography` is applied to the
    /// text (never to code, addresses or raw HTML) after the ids are made, so anchors do not move with it.
    /// `calloutLabels` names each callout kind (`NOTE`: "Note") in the page's language.
    init<Text: StringProtocol>(markdown: Text, smart: Bool = true, reservedIDs: Set<String> = [], typography: Typography = .none,
                               calloutLabels: [String: String] = [:]) {
        // Swift strings are always valid UTF-8, so cmark need not check it again.
        let options = smart ? CMARK_OPT_SMART : CMARK_OPT_DEFAULT
        func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> OpaquePointer {
            bytes.withMemoryRebound(to: CChar.self) { cmark_parse_document($0.baseAddress, $0.count, options) }
        }
        if let parsed = markdown.utf8.withContiguousStorageIfAvailable(parse) {
            root = parsed
        } else {
            var copy = String(markdown)
            root = copy.withUTF8(parse)
        }
        // Only text with a bar can hold a table: other pages need not note where their paragraphs are.
        let typeset = readTree(typography: typography, findingTables: markdown.containsByte(UInt8(ascii: "|")))
        for callout in callouts {
            Self.makeCallout(callout.quote, kind: callout.kind, marker: callout.marker,
                             label: calloutLabels[callout.kind] ?? callout.kind.prefix(1) + callout.kind.dropFirst().lowercased())
        }
        callouts = []
        if !paragraphLines.isEmpty {
            let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map { Substring($0) }
            tableLine = paragraphLines.lazy.compactMap { Self.tableLine(in: lines, start: $0.start, end: $0.end) }.first
        }
        assignHeadingIDs(reserved: reservedIDs)
        if typeset { for index in headings.indices { headings[index].text = plainText(of: headingNodes[index]).trimmingSpaces } }
    }

    /// A heading's explicit id and text as written, read before typography touches its text.
    private var headingSources: [(explicit: String?, text: String)] = []

    /// One walk over the tree: finds the links and the headings (each heading's id source is read as the walk
    /// enters it, before its text nodes are reached), and applies `typography` to every text node. True when
    /// typography changed some text.
    private func readTree(typography: Typography, findingTables: Bool) -> Bool {
        var typeset = false
        let setsText = !typography.rules.isEmpty
        walk { node, event in
            guard event == CMARK_EVENT_ENTER else { return }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_TEXT:
                guard let literal = cmark_node_get_literal(node) else { return }
                if strstr(literal, "](") != nil, let unread = Self.unreadLink(in: String(cString: literal)) {
                    unreadLinks.append((Int(cmark_node_get_start_line(node)), unread))
                }
                guard setsText else { return }
                // Read as bytes first: most text nodes need nothing, and then no string is made.
                let mayChange = literal.withMemoryRebound(to: UInt8.self, capacity: 1) {
                    typography.mayChange(UnsafeBufferPointer(start: $0, count: strlen(literal)).span)
                }
                guard mayChange else { return }
                let text = String(cString: literal)
                let set = typography.apply(text)
                if set != text {
                    cmark_node_set_literal(node, set)
                    typeset = true
                }
            case CMARK_NODE_HEADING:
                headingNodes.append(node)
                let explicit = takeExplicitID(from: node)
                headingSources.append((explicit, plainText(of: node).trimmingSpaces))
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                let text = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
                let first = text.prefix { $0 != "\n" }.trimmingSpaces
                if !first.hasPrefix("<!--"), !first.isEmpty { rawHTML.append((Int(cmark_node_get_start_line(node)), String(first.prefix(60)))) }
            case CMARK_NODE_BLOCK_QUOTE:
                if let found = Self.callout(in: node) { callouts.append((node, found.kind, found.marker)) }
            case CMARK_NODE_PARAGRAPH where findingTables:
                paragraphLines.append((Int(cmark_node_get_start_line(node)), Int(cmark_node_get_end_line(node))))
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                linkNodes.append(node)
                links.append(Link(destination: url, isImage: cmark_node_get_type(node) == CMARK_NODE_IMAGE,
                                  line: Int(cmark_node_get_start_line(node)), column: Int(cmark_node_get_start_column(node))))
            default:
                return
            }
        }
        return typeset
    }

    deinit { cmark_node_free(root) }

    /// cmark's own version string.
    static var libraryVersion: String { cmark_version_string().map { String(cString: $0) } ?? "unknown" }

    /// Replaces the destination of link number `index` (an index into `links`).
    func setDestination(_ destination: String, ofLink index: Int) {
        cmark_node_set_url(linkNodes[index], destination)
    }

    /// Renders now, with every relative link's destination replaced by a placeholder, so the cmark tree
    /// can be freed at once and the links filled in later, when every page's anchors are known. Keeping
    /// rendered text instead of trees is what lets a 10,000-page site build in a fraction of the memory.
    func renderWithPlaceholders(allowRawHTML: Bool, nonce: String, keepingProse: Bool = false) -> MarkdownBody {
        let prose = keepingProse ? paragraphs() : []
        let prefix = "clinicsite-link:\(nonce):"
        var placeholders: [Int] = []
        for (index, link) in links.enumerated() where LinkResolver.isRelative(link.destination) {
            setDestination("\(prefix)\(index)", ofLink: index)
            placeholders.append(index)
        }
        let html = renderHTMLBytes(allowRawHTML: allowRawHTML)
        return MarkdownBody(html: html, headings: headings, links: links, placeholderPrefix: prefix, placeholders: placeholders, prose: prose,
                            tableLine: tableLine, rawHTML: rawHTML, unreadLinks: unreadLinks)
    }

    /// Renders the tree to HTML, once: headings are swapped for their rendered HTML with ids on the way.
    /// Raw HTML is replaced by a comment unless `allowRawHTML` is set.
    func renderHTML(allowRawHTML: Bool) -> String {
        String(decoding: renderHTMLBytes(allowRawHTML: allowRawHTML), as: UTF8.self)
    }

    /// `renderHTML` as cmark's UTF-8 bytes, which the build passes on to the output file without
    /// converting them to a `String` and back.
    func renderHTMLBytes(allowRawHTML: Bool) -> [UInt8] {
        let options = allowRawHTML ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT
        // cmark's unsafe mode, which passes raw HTML, also stops it removing dangerous link destinations:
        // with raw HTML allowed, they are removed here as cmark's safe mode would.
        if allowRawHTML {
            for node in linkNodes {
                if let url = cmark_node_get_url(node).map({ String(cString: $0) }), Self.isDangerous(url) { cmark_node_set_url(node, "") }
            }
        }
        for (node, heading) in zip(headingNodes, headings) { replace(heading: node, level: heading.level, id: heading.id) }
        headingNodes = []
        linkNodes = []
        return Self.render(root, options: options)
    }

    /// cmark's own rule for destinations it drops in safe mode: `javascript:`, `vbscript:`, `file:`, and `data:`
    /// other than PNG, GIF, JPEG and WebP images.
    static func isDangerous(_ url: String) -> Bool {
        let lower = url.trimmingSpaces.lowercased()
        if lower.hasPrefix("data:") {
            return !["image/png", "image/gif", "image/jpeg", "image/webp"].contains { lower.dropFirst(5).hasPrefix($0) }
        }
        return ["javascript:", "vbscript:", "file:"].contains { lower.hasPrefix($0) }
    }

    private static func render(_ node: OpaquePointer, options: Int32) -> [UInt8] {
        guard let html = cmark_render_html(node, options) else { return [] }
        defer { free(html) }
        return html.withMemoryRebound(to: UInt8.self, capacity: 1) { Array(UnsafeBufferPointer(start: $0, count: strlen(html))) }
    }

    func walk(_ visit: (OpaquePointer, cmark_event_type) -> Void) {
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            if let node = cmark_iter_get_node(iterator) { visit(node, event) }
        }
    }

    /// Gives every heading a unique id and swaps it for a custom block that renders `<hN id="…">`,
    /// because cmark's own heading output has no attributes.
    private func assignHeadingIDs(reserved: Set<String>) {
        // Ids the layout itself uses (`main`, the calculator's) count as taken, so no heading can steal one.
        var used = Dictionary(uniqueKeysWithValues: reserved.map { ($0, 1) })
        used.reserveCapacity(reserved.count + headingNodes.count)
        for (node, (explicit, text)) in zip(headingNodes, headingSources) {
            var id = explicit ?? Slug.make(from: text, fallback: "section")
            if let count = used[id] {
                var next = count + 1
                while used["\(id)-\(next)"] != nil { next += 1 }
                used[id] = next
                id = "\(id)-\(next)"
            }
            used[id] = used[id] ?? 1
            let level = Int(cmark_node_get_heading_level(node))
            headings.append(Heading(level: level, text: text, id: id, line: Int(cmark_node_get_start_line(node))))
        }
    }

    /// cmark's heading output has no attributes, so each heading is swapped for a custom block holding a custom
    /// inline that writes `<hN id="…">` and `</hN>` around the heading's own children: cmark renders it to
    /// exactly the bytes of the heading with an id, in the one rendering of the document.
    private func replace(heading node: OpaquePointer, level: Int, id: String) {
        guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK), let inline = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) else { return }
        cmark_node_set_on_enter(block, "")
        cmark_node_set_on_exit(block, "")
        // The id comes from Slug and contains only [a-z0-9-], so it needs no escaping.
        cmark_node_set_on_enter(inline, "<h\(level) id=\"\(id)\">")
        cmark_node_set_on_exit(inline, "</h\(level)>")
        while let child = cmark_node_first_child(node) { cmark_node_append_child(inline, child) }
        cmark_node_append_child(block, inline)
        cmark_node_replace(node, block)
        cmark_node_free(node)
    }

    /// Removes a trailing `{#some-id}` from a heading and returns the id, so authors can keep anchors stable
    /// when they reword a heading or translate it.
    private func takeExplicitID(from heading: OpaquePointer) -> String? {
        guard let last = cmark_node_last_child(heading), cmark_node_get_type(last) == CMARK_NODE_TEXT,
              let literal = cmark_node_get_literal(last) else { return nil }
        // Most headings have no id written: their last byte, read in place, is not "}".
        let length = strlen(literal)
        guard length > 0, UInt8(bitPattern: literal[length - 1]) == UInt8(ascii: "}") else { return nil }
        let text = String(cString: literal)
        guard text.hasSuffix("}"), let open = text.range(of: "{#", options: .backwards) else { return nil }
        let id = String(text[open.upperBound..<text.index(before: text.endIndex)])
        guard !id.isEmpty, id == Slug.make(from: id, fallback: "") else { return nil }
        let remaining = String(text[..<open.lowerBound]).trimmingTrailingSpaces
        cmark_node_set_literal(last, remaining)
        return id
    }

    /// The text of a heading, walked with cmark's iterator rather than by recursion, so a heading nested
    /// thousands of levels deep cannot overflow the stack.
    private func plainText(of node: OpaquePointer) -> String {
        var text = ""
        guard let iterator = cmark_iter_new(node) else { return text }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let current = cmark_iter_get_node(iterator), current != node else { continue }
            let type = cmark_node_get_type(current)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE {
                if let literal = cmark_node_get_literal(current) { text += String(cString: literal) }
            } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                text += " "
            }
        }
        return text
    }
}

import CCmark
import Foundation

/// Blocks staff write that CommonMark has no element for: GitHub's alert quotes (`> [!NOTE]`, `> [!WARNING]`,
/// `> [!TIP]`), which stay plain CommonMark and become labelled callouts, and pipe tables, which cmark would
/// print as a paragraph of bars and dashes and so are refused at their line.
extension CmarkDocument {
    /// The callout kinds, by the word in `[!WORD]`: the interface string that labels each (optional, so sites
    /// made before callouts still build; without it the label is the word itself, "Note").
    static let calloutKinds = ["NOTE": "callout_note", "WARNING": "callout_warning", "TIP": "callout_tip"]

    /// The kind (`NOTE`, `WARNING`, `TIP`) of a block quote that opens with `[!KIND]` on its own line, and the
    /// nodes that spell it (cmark splits the brackets into text nodes of their own).
    static func callout(in quote: OpaquePointer) -> (kind: String, marker: [OpaquePointer])? {
        guard let paragraph = cmark_node_first_child(quote), cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH else { return nil }
        var text = ""
        var marker: [OpaquePointer] = []
        var node = cmark_node_first_child(paragraph)
        while let current = node, cmark_node_get_type(current) == CMARK_NODE_TEXT, text.count < 12 {
            text += cmark_node_get_literal(current).map { String(cString: $0) } ?? ""
            marker.append(current)
            if text.hasSuffix("]") { break }
            node = cmark_node_next(current)
        }
        guard text.hasPrefix("[!"), text.hasSuffix("]") else { return nil }
        let kind = text.dropFirst(2).dropLast().uppercased()
        guard calloutKinds[kind] != nil else { return nil }
        // The marker must be all of its line: what follows is a line break or nothing.
        if let after = cmark_node_next(marker[marker.count - 1]) {
            let type = cmark_node_get_type(after)
            guard type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK else { return nil }
            marker.append(after)
        }
        return (kind, marker)
    }

    /// Turns the block quote into a callout: a custom block that writes `<div class="callout …" role="note">` and
    /// its visible label (`label`, escaped here), around the quote's own content less the marker.
    static func makeCallout(_ quote: OpaquePointer, kind: String, marker: [OpaquePointer], label: String) {
        guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return }
        let name = kind.lowercased()
        cmark_node_set_on_enter(block, "<div class=\"callout callout-\(name)\" role=\"note\">\n<p class=\"callout-label\">\(XMLText.escape(label))</p>")
        cmark_node_set_on_exit(block, "</div>")
        let paragraph = cmark_node_parent(marker[0])
        for node in marker { cmark_node_free(node) }
        if let paragraph, cmark_node_first_child(paragraph) == nil { cmark_node_free(paragraph) }
        while let child = cmark_node_first_child(quote) { cmark_node_append_child(block, child) }
        cmark_node_replace(quote, block)
        cmark_node_free(quote)
    }

    /// The first line (in the Markdown body) of a pipe table inside the paragraph running from `start` to `end`:
    /// a line of cells, then a line of dashes between bars (`|---|---|`); nil when there is none.
    static func tableLine(in lines: [Substring], start: Int, end: Int) -> Int? {
        guard start >= 1, end <= lines.count, start < end else { return nil }
        for index in start..<end where isDelimiterRow(lines[index]) && lines[index - 1].contains("|") {
            return index
        }
        return nil
    }

    /// `|---|:--:|`, `--- | ---`: dashes (with optional colons) between bars, at least one bar.
    private static func isDelimiterRow(_ line: Substring) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard trimmed.contains("|"), trimmed.contains("-") else { return false }
        let cells = trimmed.split(separator: "|", omittingEmptySubsequences: true).map { $0.trimmingCharacters(in: .whitespaces) }
        return !cells.isEmpty && cells.allSatisfy { cell in
            let inner = cell.drop { $0 == ":" }.reversed().drop { $0 == ":" }
            return inner.count >= 1 && inner.allSatisfy { $0 == "-" }
        }
    }
}

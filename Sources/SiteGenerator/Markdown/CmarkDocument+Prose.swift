import CCmark

extension CmarkDocument {
    /// The prose of the page, one string per paragraph (list items included; headings and code left out),
    /// for reading-level checks.
    func paragraphs() -> [String] {
        var result: [String] = []
        var current = ""
        var depth = 0
        walk { node, event in
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_PARAGRAPH {
                if event == CMARK_EVENT_ENTER {
                    depth += 1
                } else {
                    depth -= 1
                    let text = current.trimmingSpaces
                    if !text.isEmpty { result.append(text) }
                    current = ""
                }
                return
            }
            guard depth > 0, event == CMARK_EVENT_ENTER else { return }
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE, let literal = cmark_node_get_literal(node) {
                current += String(cString: literal)
            } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                current += " "
            }
        }
        return result
    }

    /// `[text](address)` or `![text](address)` left in a text node: cmark reads link syntax as text when the address
    /// has a space in it, and the page would show the brackets and lose the picture or the link.
    /// Nil for anything else (`](` on its own, or brackets around an address without a space).
    static func unreadLink(in text: String) -> String? {
        guard let middle = text.range(of: "](") else { return nil }
        guard let open = text[..<middle.lowerBound].lastIndex(of: "["),
              let close = text[middle.upperBound...].firstIndex(of: ")"), text[middle.upperBound..<close].contains(" ") else { return nil }
        let start = open > text.startIndex && text[text.index(before: open)] == "!" ? text.index(before: open) : open
        return String(text[start...close])
    }
}

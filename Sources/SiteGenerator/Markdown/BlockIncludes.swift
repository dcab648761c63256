import CCmark

/// Text written once and shown on many pages (how to reach the clinic, when to call): a line
/// `<!-- include: NAME -->` in a page is replaced by the Markdown of `content/blocks/LANG/NAME.md`. An HTML comment
/// keeps the page plain CommonMark: anything that does not know includes shows nothing there. Only comments cmark
/// reads as a whole HTML block count, so the syntax written inside a code block stays as written.
struct BlockIncludes: Sendable {
    /// Where a line of the expanded text was written: a line of the page's body (`file` nil) or of a block file.
    struct Origin: Sendable, Equatable {
        var file: String?
        var line: Int

        /// The file and line to name: the block's own, or the page's (`source`, whose body starts at `bodyLine`).
        func place(source: String, bodyLine: Int) -> (file: String, line: Int) {
            file.map { ($0, line) } ?? (source, bodyLine + line - 1)
        }
    }

    /// An include that cannot be followed, at the line that asks for it.
    struct Problem: Sendable {
        var origin: Origin
        var message: String
        var hint: String
    }

    private(set) var text = ""
    /// The origin of each line of `text` (empty when the page includes nothing: every line is its own).
    private(set) var origins: [Origin] = []
    /// The block files included, directly or through another block, in path order.
    private(set) var blocks: [String] = []
    private(set) var problems: [Problem] = []

    /// The folder of a language's blocks.
    static func folder(_ language: String) -> String { "content/blocks/\(language)/" }

    /// `body` with every include replaced, its blocks read through `read` (a path's text, nil when there is none).
    static func expand(_ body: Substring, language: String, read: (String) -> String?) -> BlockIncludes {
        var result = BlockIncludes()
        guard body.containsByte(UInt8(ascii: "<")), body.contains("<!--") else {
            result.text = String(body)
            return result
        }
        var lines: [String] = []
        var included: Set<String> = []
        result.add(String(body), file: nil, chain: [], language: language, read: read, lines: &lines, included: &included)
        guard !included.isEmpty || !result.problems.isEmpty else {
            (result.text, result.origins) = (String(body), [])
            return result
        }
        result.text = lines.joined(separator: "\n")
        result.blocks = included.sorted()
        return result
    }

    private mutating func add(_ text: String, file: String?, chain: [String], language: String, read: (String) -> String?,
                              lines: inout [String], included: inout Set<String>) {
        let includes = Self.includeLines(text)
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let origin = Origin(file: file, line: index + 1)
            guard let include = includes[index + 1] else {
                lines.append(String(line))
                origins.append(origin)
                continue
            }
            guard case .block(let name) = include else {
                if case .refused(let message, let hint) = include { problems.append(Problem(origin: origin, message: message, hint: hint)) }
                continue
            }
            let path = Self.folder(language) + name + ".md"
            if chain.contains(name) || (file == path) {
                problems.append(Problem(origin: origin, message: "the block '\(name)' includes itself (\((chain + [name]).joined(separator: " → ")))",
                                        hint: "remove this include: a block cannot contain itself"))
            } else if let block = read(path) {
                included.insert(path)
                // Blank lines around the block, so it neither joins the paragraph before it nor the one after.
                lines.append("")
                origins.append(origin)
                add(block, file: path, chain: chain + [name], language: language, read: read, lines: &lines, included: &included)
                lines.append("")
                origins.append(origin)
            } else {
                problems.append(Problem(origin: origin, message: "there is no block \(path) to include",
                                        hint: "create \(path), or correct the name after include:"))
            }
        }
    }

    /// What an HTML comment that starts with `include:` asks for.
    enum Include: Equatable {
        /// A block, by name.
        case block(String)
        /// An include that cannot be followed: dropping it in silence would leave a page without the text it promises.
        case refused(message: String, hint: String)
    }

    /// The lines (1-based) of include comments, as cmark reads the text: whole HTML blocks of the page, and any
    /// written inside a list or a quote (refused: the block's lines could not keep the list's indentation).
    private static func includeLines(_ text: String) -> [Int: Include] {
        guard text.range(of: "include", options: .caseInsensitive) != nil else { return [:] }
        var found: [Int: Include] = [:]
        var copy = text
        guard let root = copy.withUTF8({ bytes in
            bytes.withMemoryRebound(to: CChar.self) { cmark_parse_document($0.baseAddress, $0.count, CMARK_OPT_DEFAULT) }
        }) else { return [:] }
        defer { cmark_node_free(root) }
        let walk = cmark_iter_new(root)
        defer { cmark_iter_free(walk) }
        while cmark_iter_next(walk) != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(walk), cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK,
                  let literal = cmark_node_get_literal(node), var include = include(inComment: String(cString: literal)) else { continue }
            if cmark_node_parent(node) != root, case .block(let name) = include {
                include = .refused(message: "the include of '\(name)' is inside a list or a quote, where a block cannot go",
                                   hint: "put <!-- include: \(name) --> on a line of its own, not indented, with a blank line before and after it")
            }
            found[Int(cmark_node_get_start_line(node))] = include
        }
        return found
    }

    /// The block `when-to-call` for `<!-- include: when-to-call -->` (a `.md` after the name is allowed; `Include:`
    /// is read as `include:`); a refusal for a name no block file can have; nil for any other comment.
    static func include(inComment literal: String) -> Include? {
        let text = literal.trimmingSpaces
        guard text.hasPrefix("<!--"), text.hasSuffix("-->"), !text.dropLast(3).contains("\n") else { return nil }
        let inside = text.dropFirst(4).dropLast(3).trimmingSpaces
        guard inside.prefix(8).lowercased() == "include:" else { return nil }
        let written = inside.dropFirst("include:".count).trimmingSpaces
        let name = written.hasSuffix(".md") ? String(written.dropLast(3)) : written
        if name.isEmpty {
            return .refused(message: "this include names no block", hint: "write the block's file name after include:, for example <!-- include: when-to-call -->")
        }
        guard name.allSatisfy({ ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" || $0 == "_" }) else {
            return .refused(message: "'\(written)' is not the name of a block: a block is named by its file in content/blocks/<language>/, without .md",
                            hint: "write the file's name with letters, digits, - and _ only, for example <!-- include: when-to-call -->")
        }
        return .block(name)
    }
}

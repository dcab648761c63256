/// Everything an output may read of the site besides the inputs every output shares (settings, strings,
/// templates, rules, typography, options: `SharedInputs`, whose change rebuilds everything). This list is the
/// whole of what one page may know of another; `Reads` is the only way to ask, so every read is recorded.
package enum ReadKey: Hashable, Sendable, Comparable {
    /// The bytes of a file of a language folder: the page it makes, or a file published as it is.
    case source(String)
    /// A page's address and whether it is published, or that there is no such page (by source path).
    case address(String)
    /// Whether a page (by source path) has a heading with an id, which a link to `page.md#id` needs.
    case anchor(String, String)
    /// Every `anchor` key of one page: never recorded, only asked of the record (`family`).
    case anchors(String)
    /// A language's menu: its entries' sources, names and addresses, in order.
    case menu(String)
    /// Every published page's sitemap entry (language, key, address, review date), in source order.
    case sitemap
    /// Every published page's source, language, key, title, description and address, in source order.
    case pages
    /// Whether a file of `content/` is published as it is (a link to an image or a PDF).
    case asset(String)

    /// The key as one line of a recorded trace: a word, a space and its argument.
    package var text: String {
        switch self {
        case .source(let path): "source " + path
        case .address(let path): "address " + path
        case .anchor(let path, let id): "anchor " + path + "#" + id
        case .anchors(let path): "anchor " + path + "#"
        case .menu(let language): "menu " + language
        case .sitemap: "sitemap"
        case .pages: "pages"
        case .asset(let path): "asset " + path
        }
    }

    /// Reads a key written by `text`; nil for anything else.
    package init?(text: Substring) {
        let (word, argument) = text.firstIndex(of: " ").map { (text[..<$0], String(text[text.index(after: $0)...])) } ?? (text, "")
        switch word {
        case "source": self = .source(argument)
        case "address": self = .address(argument)
        case "anchor":
            guard let hash = argument.lastIndex(of: "#") else { return nil }
            self = .anchor(String(argument[..<hash]), String(argument[argument.index(after: hash)...]))
        case "menu": self = .menu(argument)
        case "sitemap" where argument.isEmpty: self = .sitemap
        case "pages" where argument.isEmpty: self = .pages
        case "asset": self = .asset(argument)
        default: return nil
        }
    }

    package static func < (a: ReadKey, b: ReadKey) -> Bool { a.text < b.text }

    /// The key a rebuild asks the record about: a page's `anchors` for each of its `anchor` keys, the key itself otherwise.
    package var family: ReadKey {
        if case .anchor(let path, _) = self { return .anchors(path) }
        return self
    }

    /// What the text of a recorded trace holds for this key or, for `anchors`, for any key of its family.
    package var searchText: String {
        if case .anchors = self { return "\n" + text }
        return "\n" + text + "\t"
    }

    /// The keys whose values may differ when the source at `path`, a page of `language` or a file, changed,
    /// appeared or went: a superset, whose values `SiteFacts` then compares with what outputs recorded.
    package static func touched(by path: String, language: String) -> [ReadKey] {
        [.source(path), .address(path), .anchors(path), .menu(language), .sitemap, .pages, .asset(path)]
    }
}

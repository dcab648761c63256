import Yams

/// A YAML node as clinicsite reads it: text (and whether it was written plain, without quotes), a mapping
/// or a list, with the line and column where it starts (1-based, in the YAML text). Made from Yams' nodes,
/// or straight from libyaml's events for the common flat case (`FlatYAML`).
struct YAMLNode: Equatable {
    enum Content: Equatable {
        case scalar(String, plain: Bool)
        case mapping([Pair])
        case sequence([YAMLNode])
        case alias
    }

    struct Pair: Equatable {
        var key: YAMLNode
        var value: YAMLNode
    }

    var content: Content
    var line: Int
    var column: Int

    /// The text of a scalar; nil for anything else.
    var string: String? {
        if case .scalar(let text, _) = content { return text }
        return nil
    }

    init(content: Content, line: Int, column: Int) {
        self.content = content
        self.line = line
        self.column = column
    }

    /// The same node as Yams composed it.
    init(_ node: Node) {
        line = node.mark?.line ?? 0
        column = node.mark?.column ?? 0
        switch node {
        case .scalar(let scalar): content = .scalar(scalar.string, plain: scalar.style == .plain)
        case .mapping(let mapping): content = .mapping(mapping.map { Pair(key: YAMLNode($0.key), value: YAMLNode($0.value)) })
        case .sequence(let sequence): content = .sequence(sequence.map(YAMLNode.init))
        case .alias: content = .alias
        }
    }
}

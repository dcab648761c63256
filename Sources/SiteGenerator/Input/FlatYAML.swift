import CLibYAML

/// The YAML clinicsite reads most, a front matter of `key: value` lines, composed straight from libyaml's
/// events: Yams' composer made objects for every event, tag and mark, and took a tenth of a 10,000-page
/// build. libyaml still does all the parsing; this only collects its events.
///
/// Anything else (nesting, lists, tags, anchors, a key given twice, a second document, an empty text, any
/// syntax error) gives nil, and Yams composes the text as before, with its own error messages. A test
/// compares the two on varied front matter.
enum FlatYAML {
    static func compose(_ text: String) -> YAMLNode? {
        var text = text
        return text.withUTF8 { compose($0) }
    }

    private static func compose(_ bytes: UnsafeBufferPointer<UInt8>) -> YAMLNode? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)

        /// Reads the next event and hands it to `body`; the event is freed after.
        func next<T>(_ body: (yaml_event_t) -> T?) -> T? {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
            defer { yaml_event_delete(&event) }
            return body(event)
        }
        func expect(_ type: yaml_event_type_t) -> Bool {
            next { $0.type == type ? true : nil } ?? false
        }

        guard expect(YAML_STREAM_START_EVENT), expect(YAML_DOCUMENT_START_EVENT) else { return nil }
        let start: (line: Int, column: Int)? = next { event in
            guard event.type == YAML_MAPPING_START_EVENT, event.data.mapping_start.anchor == nil,
                  event.data.mapping_start.tag == nil else { return nil }
            return (Int(event.start_mark.line) + 1, Int(event.start_mark.column) + 1)
        }
        guard let start else { return nil }
        var pairs: [YAMLNode.Pair] = []
        var keys = Set<String>()
        while true {
            enum Item { case end, scalar(YAMLNode) }
            guard let item: Item = next({ event in
                if event.type == YAML_MAPPING_END_EVENT { return .end }
                return scalar(event).map(Item.scalar)
            }) else { return nil }
            guard case .scalar(let key) = item else { break }
            guard let value = next(scalar), let name = key.string, keys.insert(name).inserted else { return nil }
            pairs.append(YAMLNode.Pair(key: key, value: value))
        }
        guard expect(YAML_DOCUMENT_END_EVENT), expect(YAML_STREAM_END_EVENT) else { return nil }
        return YAMLNode(content: .mapping(pairs), line: start.line, column: start.column)
    }

    /// A scalar without a tag or an anchor; nil for any other event.
    private static func scalar(_ event: yaml_event_t) -> YAMLNode? {
        guard event.type == YAML_SCALAR_EVENT, event.data.scalar.anchor == nil, event.data.scalar.tag == nil else { return nil }
        let text = String(decoding: UnsafeBufferPointer(start: event.data.scalar.value, count: event.data.scalar.length), as: UTF8.self)
        return YAMLNode(content: .scalar(text, plain: event.data.scalar.style == YAML_PLAIN_SCALAR_STYLE),
                        line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
    }
}

import CLibYAML

/// Finds the first YAML anchor (`&name`) or alias (`*name`) in a text, using libyaml's event stream.
///
/// clinicsite refuses both: no clinic file needs them, and an alias used as a mapping key can make
/// a 1 KB file cost minutes to load (a "billion laughs" document), because every repeat is expanded
/// and hashed. Events are read once, in linear time, before anything is composed.
enum YAMLAnchors {
    /// Where the first anchor or alias starts, 1-based; nil when there is none or the YAML does not parse
    /// (the composer then reports the syntax error in its own words).
    struct Found: Equatable {
        let line: Int
        let column: Int
        let isAlias: Bool
    }

    static func first(in text: String) -> Found? {
        // Most files have neither character, so they skip the second parse entirely.
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "*") }) else { return nil }
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer in scan(buffer) }
    }

    private static func scan(_ buffer: UnsafeMutableBufferPointer<UInt8>) -> Found? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
        var event = yaml_event_t()
        while yaml_parser_parse(&parser, &event) == 1 {
            defer { yaml_event_delete(&event) }
            if let found = anchorOrAlias(in: event) { return found }
            if event.type == YAML_STREAM_END_EVENT { return nil }
        }
        return nil
    }

    private static func anchorOrAlias(in event: yaml_event_t) -> Found? {
        let start = event.start_mark
        let found = { (isAlias: Bool) in Found(line: Int(start.line) + 1, column: Int(start.column) + 1, isAlias: isAlias) }
        switch event.type {
        case YAML_ALIAS_EVENT: return found(true)
        case YAML_SCALAR_EVENT: return event.data.scalar.anchor == nil ? nil : found(false)
        case YAML_SEQUENCE_START_EVENT: return event.data.sequence_start.anchor == nil ? nil : found(false)
        case YAML_MAPPING_START_EVENT: return event.data.mapping_start.anchor == nil ? nil : found(false)
        default: return nil
        }
    }
}

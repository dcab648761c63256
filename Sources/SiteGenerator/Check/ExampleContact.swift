/// Contact details that are not a clinic's own: the shipped example clinic's, the placeholders `clinicsite new`
/// writes when it is not told them, and numbers and addresses reserved for examples (phone numbers 555-0100 to
/// 555-0199, email domains `.example` and `example.com`). A site that publishes one sends patients to a stranger,
/// or nowhere, when they need to call.
package enum ExampleContact {
    /// The shipped example clinic's details.
    static let shipped = ["+1 555 010 0199", "care@riverside-skin.example", "12 Riverside Walk, Suite 3, Springfield"]

    /// What `clinicsite new` writes for a detail it was not given.
    package static func placeholder(_ key: String) -> String {
        "TO FILL IN: the clinic's \(key)"
    }

    /// A warning for each of `phone`, `email`, `address` in `settings` that is an example, at its line of `site.yml`.
    static func warnings(_ settings: Settings, text: String?) -> [Diagnostic] {
        [("phone", settings.phone), ("email", settings.email), ("address", settings.address)].compactMap { key, value in
            guard isExample(value, key: key) else { return nil }
            return .warning(file: Settings.path, line: YAMLValue.line(ofKey: key, in: text), "the clinic's \(key) is still an example or a placeholder: \(value)",
                            hint: "write your clinic's own \(key) in \(Settings.path) before publishing", code: .exampleContact)
        }
    }

    static func isExample(_ value: String, key: String) -> Bool {
        let trimmed = value.trimmingSpaces
        if shipped.contains(trimmed) || trimmed.hasPrefix("TO FILL IN") { return true }
        switch key {
        case "phone":
            let digits = trimmed.filter { $0.isASCII && $0.isNumber }
            return digits.range(of: #"5550(1\d\d)$"#, options: .regularExpression) != nil
        case "email":
            let domain = trimmed.split(separator: "@").last.map { $0.lowercased() } ?? ""
            return trimmed.contains("@") && (domain.hasSuffix(".example") || ["example.com", "example.org", "example.net"].contains(domain))
        default:
            return false
        }
    }
}

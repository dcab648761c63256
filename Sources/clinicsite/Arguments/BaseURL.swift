import ArgumentParser
import SiteGenerator

/// `--base-url`: checked and normalised (one final `/`) once, as it is parsed.
struct BaseURL: ExpressibleByArgument {
    /// The normalised address, such as `https://clinic.example/info/`.
    let text: String

    init?(argument: String) {
        guard let text = Settings.normalisedBaseURL(argument) else { return nil }
        self.text = text
    }

    static let invalidMessage = "--base-url must be a full address starting with https:// or http://, such as https://clinic.example/"

    /// The option's transform: a clear message instead of ArgumentParser's generic one.
    static func parse(_ text: String) throws -> BaseURL {
        guard let url = BaseURL(argument: text) else { throw ValidationError(invalidMessage) }
        return url
    }
}

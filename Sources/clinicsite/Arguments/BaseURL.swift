import ArgumentParser
import SiteGenerator

/// `--base-url`: checked and normalised (one final `/`) once, as it is parsed.
struct BaseURL: ExpressibleByArgument {
    /// The normalised address, such as `https://clinic.example/info/`.
    let text: String

    init?(argument: String) {
        guard case .success(let text) = SiteAddress.normalised(argument) else { return nil }
        self.text = text
    }

    private init(text: String) {
        self.text = text
    }

    /// The option's transform: a clear message instead of ArgumentParser's generic one.
    static func parse(_ text: String) throws -> BaseURL {
        switch SiteAddress.normalised(text) {
        case .success(let url): return BaseURL(text: url)
        case .failure(let problem): throw ValidationError("--base-url \(problem.message), such as https://clinic.example/")
        }
    }
}

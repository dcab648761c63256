import ArgumentParser

/// `--lang`: a two- or three-letter language code (`FR` is read as `fr`); whether the site has it is checked once the
/// site is read.
struct LanguageCode: ExpressibleByArgument {
    let code: String

    init?(argument: String) {
        let code = argument.lowercased()
        guard (2...3).contains(code.count), code.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        self.code = code
    }
}

/// Where the healing page of each language is published, for the QR code on printed handouts.
enum HealingPageLink {
    /// The public address of the healing page (`layout: healing`) of each language, under `baseURL`.
    /// Only the page's address goes into the code: never anything about the patient.
    /// Only pages whose source `belongs` count (a procedure's own).
    static func addresses(in sources: SiteSources, languages: [String], baseURL: String,
                          belongs: (String) -> Bool = { _ in true }) -> [String: String] {
        var addresses: [String: String] = [:]
        for language in languages {
            for path in sources.paths(under: "content/\(language)/") where path.hasSuffix(".md") && belongs(path) {
                guard let text = try? sources.text(path),
                      let (page, _) = try? Page.read(source: path, language: language, text: text, markdown: { _ in .empty }),
                      page.layout == "healing", !page.draft else { continue }
                addresses[language] = baseURL + page.outputPath
                break
            }
        }
        return addresses
    }
}

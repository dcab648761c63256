import RecoverySchedule

/// The procedures a site is about. The main one is named by `procedure:` in `site.yml`, its rules are
/// `content/recovery.yml` and its pages sit at the top of each language folder: a site with one procedure is
/// just that, as it always was, and its addresses never move. Each other procedure has a file
/// `content/procedures/SLUG.yml` (its name in each language and its recovery rules) and its pages in
/// `content/LANG/SLUG/`.
struct Procedures: Sendable {
    static let folder = "content/procedures/"
    /// The interface strings that name the procedure or its care (the main one's ointment), which each procedure's file
    /// gives in every language.
    static let wordingKeys = ["personal_title", "calendar_name", "calendar_booking", "tick_ointment", "ointment_to_use", "ointment_how_often",
                              "ointment_until"]

    /// One procedure: its short name, its name in each language (`""`: every language) and its rules.
    struct Procedure: Sendable, Equatable {
        var slug: String
        var names: [String: String]
        var rules: RecoveryRules
        /// Its own interface strings (`wordingKeys`) by language; none for the main procedure (the templates' are its).
        var strings: [String: [String: String]] = [:]
        /// Whether its pages are in a folder of its own (`content/LANG/SLUG/`): every procedure but the main one.
        var hasFolder: Bool

        /// Its name in `language`, or "" when none is set.
        func name(in language: String) -> String {
            names[language] ?? names[""] ?? ""
        }
    }

    let main: Procedure
    /// The other procedures, by slug.
    let others: [Procedure]
    /// The other procedures by slug, for finding a page's among fifty at every menu entry.
    private let bySlug: [Substring: Procedure]

    init(main: Procedure, others: [Procedure]) {
        (self.main, self.others) = (main, others)
        bySlug = Dictionary(others.map { (Substring($0.slug), $0) }) { first, _ in first }
    }

    /// Every procedure, the main one first.
    var all: [Procedure] { [main] + others }

    /// The procedure called `name`: its short name, or its name in any language, in any case.
    func named(_ name: String) -> Procedure? {
        let wanted = name.trimmingSpaces.lowercased()
        return all.first { $0.slug == wanted } ?? all.first { $0.names.values.contains { $0.lowercased() == wanted } }
    }

    /// The procedure a page or file of `content/` belongs to: the one whose folder it is in, else the main one.
    func procedure(ofSource path: String) -> Procedure {
        guard !bySlug.isEmpty else { return main }
        let parts = path.split(separator: "/", maxSplits: 3)
        guard parts.count > 3 else { return main }
        return bySlug[parts[2]] ?? main
    }

    /// Reads the main procedure's rules and every file of `content/procedures/`, reporting problems at their lines.
    static func load(sources: SiteSources, settings: Settings, languages: [String]?, withheld: Set<String> = [],
                     log: inout DiagnosticLog) -> Procedures {
        let mainRules = RecoveryRulesFile.load(sources: sources, languages: languages, log: &log)
        // Its short name: its name in the default language without what is in brackets ("Skin needling (micro-needling)"
        // → skin-needling).
        let mainName = settings.procedure(in: settings.defaultLanguage).split(separator: "(").first.map(String.init) ?? ""
        let main = Procedure(slug: Slug.make(from: mainName, fallback: "main"), names: settings.procedure, rules: mainRules,
                             hasFolder: false)
        var others: [Procedure] = []
        for path in sources.paths(under: folder) where path.hasSuffix(".yml") {
            let slug = String(path.dropFirst(folder.count).dropLast(4))
            if withheld.contains(slug) { continue }
            guard slug == Slug.make(from: slug, fallback: ""), !slug.contains("/") else {
                log.add(Diagnostic(file: path, message: "a procedure's file name can hold only lower-case letters, digits and dashes",
                                   hint: "rename it, for example \(folder)\(Slug.make(from: slug, fallback: "procedure")).yml"))
                continue
            }
            guard slug != main.slug else {
                log.add(Diagnostic(file: path, message: "'\(slug)' is the main procedure's name (procedure: in site.yml)",
                                   hint: "give this procedure another file name"))
                continue
            }
            let (rules, names, strings) = RecoveryRulesFile.load(path, sources: sources, languages: languages, log: &log)
            others.append(Procedure(slug: slug, names: names, rules: rules, strings: strings, hasFolder: true))
        }
        return Procedures(main: main, others: others.sorted { $0.slug < $1.slug })
    }
}

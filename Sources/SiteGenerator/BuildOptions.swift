import RecoverySchedule

/// What a build may override from the settings, and the date it treats as today.
public struct BuildOptions: Sendable {
    /// Overrides `base_url` from `site.yml` when set (already normalised with a trailing `/`).
    public var baseURL: String?
    /// Today's date, for the age of `reviewed` dates. Output never depends on it.
    public var today: CivilDate
    /// What made the output besides the sources (the executable's path, size and time), part of what the record's use depends on (`SharedInputs`).
    public var tool: String
    /// Outputs made besides the standard ones (`SiteOutputs.standard`).
    var outputs: [any SiteOutput] = []
    /// Given each page and site-wide file as soon as it is made, from the build's threads, so the disk layer can
    /// write while pages are still laid out (`SiteReplacement`). `BuiltSite.files` then lists these files with
    /// their paths only (no bytes). A build that then fails has handed over files that must not be published.
    package var made: (@Sendable (OutputFile) -> Void)?

    /// What names the added outputs, for telling whether a record was made with the same ones.
    package var outputNames: String {
        outputs.map { String(reflecting: type(of: $0)) }.joined(separator: " ")
    }

    /// Creates options.
    public init(baseURL: String? = nil, today: CivilDate, tool: String = "") {
        self.baseURL = baseURL
        self.today = today
        self.tool = tool
    }
}

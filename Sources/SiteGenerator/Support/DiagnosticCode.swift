/// What kind of problem a diagnostic reports, so code can tell problems apart without reading their words.
public enum DiagnosticCode: String, Sendable, Hashable, Codable {
    /// A problem with no more specific code: every error that stops a build unless it has one below.
    case general
    /// No `base_url`, so the sitemap, canonical and absolute language links are left out.
    case missingBaseURL
    /// A page's `reviewed:` date is older than `review_months`.
    case reviewOverdue
    /// A page has no `reviewed:` date.
    case reviewMissing
    /// A page reads above `reading_grade`.
    case readingLevel
    /// A file under `content/` that is not published (outside a language folder, an unlisted language, a type not published).
    case notPublished
    /// A file of the output folder could not be written in place; the build then writes a new folder instead.
    case outputNotWritable
    /// The clinic's phone, email or address in `site.yml` is the example's or a placeholder.
    case exampleContact
    /// A published page has no page of the same name in another of the site's languages (`clinicsite check`).
    case missingTwin
    /// Raw HTML in a page was left out, since `allow_raw_html` is off.
    case rawHTMLLeftOut
    /// A page's medical review falls due within 30 days (`clinicsite check`).
    case reviewDueSoon
    /// A picture in `content/` is above 500 KB or 2,000 pixels.
    case largeImage
    /// The source of a translated page (or block, or interface text) changed since its translation was recorded: an
    /// error when the change touches a number, date, duration, phone number or email, a warning for wording.
    case translationBehind
    /// A translated page, block or interface text has no translation record yet (`clinicsite translated`).
    case translationUnrecorded
}

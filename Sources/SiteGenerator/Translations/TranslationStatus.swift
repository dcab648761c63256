/// Where one translated page (or shared block) stands against its source: up to date, behind in some sections
/// (what changed, word by word), or never recorded. `check` reports it; the diagnostics make a changed number an
/// error for `build` and a change of wording a warning.
struct TranslationStatus: Sendable, Equatable {
    /// One section of the source that changed since the record.
    struct SectionChange: Sendable, Equatable {
        /// The source's heading (the recorded one for a section since removed).
        var heading: String
        /// What became of it.
        var kind: Kind
        var diff: WordDiff
        /// Its line in the source, and the line of the matching section in the translation.
        var sourceLine: Int
        var translationLine: Int
    }

    /// What became of a section.
    enum Kind: String, Sendable, Equatable, Codable {
        case changed, added, removed
    }

    /// The translated file and its source.
    var translation: String
    var source: String
    /// What the record says of itself, nil when there is none.
    var recorded: TranslationRecord.Header?
    /// The sections that changed since the record (empty when up to date or not recorded).
    var changes: [SectionChange] = []

    /// Whether any change touches a number, date, duration, phone number or email.
    var touchesNumbers: Bool { changes.contains { $0.diff.touchesNumbers } }

    /// A translation never recorded.
    init(unrecorded translation: String, source: String) {
        (self.translation, self.source) = (translation, source)
    }

    /// Compares the source's text now with the record. `translationText` gives the lines of the translation's
    /// sections, for pointing at the right place in it.
    init(translation: String, translationText: String, source: String, sourceText: String, recordText: String) throws(DiagnosticError) {
        (self.translation, self.source) = (translation, source)
        let print = Fingerprint(text: sourceText)
        if let header = TranslationRecord.header(scanning: recordText), header.sourcePrint == print {
            recorded = header
            return
        }
        let record = try TranslationRecord(text: recordText, file: TranslationRecord.path(for: translation))
        recorded = record.header
        guard print != record.sourcePrint else { return }
        let now = try TextSections(file: source, text: sourceText).sections
        let translated = (try? TextSections(file: translation, text: translationText)) ?? TextSections([])
        changes = Self.changes(from: record.sections, to: now, translated: translated)
    }

    /// The sections of `now` that differ from those recorded, matched by position when there are as many, else
    /// by heading (a heading renamed then counts as one section removed and one added).
    private static func changes(from recorded: [TextSections.Section], to now: [TextSections.Section],
                                translated: TextSections) -> [SectionChange] {
        var pairs: [(old: TextSections.Section?, new: TextSections.Section?, index: Int)] = []
        if recorded.count == now.count {
            pairs = zip(recorded, now).enumerated().map { ($1.0, $1.1, $0) }
        } else {
            let difference = now.map(\.heading).difference(from: recorded.map(\.heading))
            var (removed, inserted) = (Set<Int>(), Set<Int>())
            for change in difference {
                switch change {
                case .remove(let offset, _, _): removed.insert(offset)
                case .insert(let offset, _, _): inserted.insert(offset)
                }
            }
            var kept = recorded.indices.filter { !removed.contains($0) }.makeIterator()
            for (index, section) in now.enumerated() {
                pairs.append((inserted.contains(index) ? nil : kept.next().map { recorded[$0] }, section, index))
            }
            pairs += removed.sorted().map { (old: recorded[$0], new: nil, index: min($0, max(0, now.count - 1))) }
        }
        return pairs.compactMap { pair in
            guard pair.old?.text != pair.new?.text else { return nil }
            let kind: Kind = pair.old == nil ? .added : pair.new == nil ? .removed : .changed
            return SectionChange(heading: (pair.new ?? pair.old)!.heading, kind: kind,
                                 diff: WordDiff(from: pair.old?.text ?? "", to: pair.new?.text ?? ""),
                                 sourceLine: pair.new?.line ?? 1, translationLine: translated.line(ofSectionAt: pair.index))
        }
    }

    /// The command that records this translation, as a translator types it.
    var command: String {
        TranslationCheck.command(for: translation)
    }

    /// An error for each section whose numbers changed, a warning for each reworded one, a warning when not recorded.
    var diagnostics: [Diagnostic] {
        guard let recorded else {
            return [.warning(file: translation, line: 1, "no translation record: nothing says which text of \(source) this page translates",
                             hint: "when it says what \(source) says, run: \(command)", code: .translationUnrecorded)]
        }
        return changes.map { change in
            let name = change.heading == TextSections.frontMatter ? "the title and description" : "section “\(change.heading)”"
            let what = switch change.kind {
            case .changed: change.diff.changes.isEmpty ? "\(name) of \(source) changed (its formatting only)" : "\(name) of \(source) changed"
            case .added: "\(name) was added to \(source)"
            case .removed: "\(name) was removed from \(source)"
            }
            let shown = change.diff.changes.isEmpty ? "" : ": " + change.diff.shown()
            let since = " since this translation was recorded on \(recorded.recorded.iso)"
            if change.diff.touchesNumbers {
                return Diagnostic(file: translation, line: change.translationLine, message: what + since + ", and the change touches a number, date or contact" + shown,
                                  hint: "bring the change into this page (\(source):\(change.sourceLine)), then run: \(command)", code: .translationBehind)
            }
            return .warning(file: translation, line: change.translationLine, what + since + shown,
                            hint: "update this page if the meaning changed, then run: \(command) (add --only-wording if it needs no change)",
                            code: .translationBehind)
        }
    }
}

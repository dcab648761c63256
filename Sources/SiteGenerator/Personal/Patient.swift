import RecoverySchedule

/// One patient's request for a personal timeline. The name is only ever printed on their own page;
/// file names and calendar ids use `id`.
public struct Patient: Sendable, Hashable {
    /// 1 to 64 letters, digits, `-` or `_`; nil for a single timeline made on the command line.
    public var id: String?
    /// The name to print, if any.
    public var name: String?
    /// The procedure date (Day 1).
    public var procedure: CivilDate
    /// The language of the page and calendar.
    public var language: String
    /// How many future sessions to plan (1 to 10).
    public var sessions: Int
    /// The procedure the patient had, by its short name or its name in any language; nil for the site's main one.
    public var procedureName: String?

    /// Creates a patient request.
    public init(id: String? = nil, name: String? = nil, procedure: CivilDate, language: String, sessions: Int = 1, procedureName: String? = nil) {
        self.id = id
        self.name = name
        self.procedure = procedure
        self.language = language
        self.sessions = sessions
        self.procedureName = procedureName
    }

    /// Whether `id` can name files and calendar events.
    public static func isValidID(_ id: String) -> Bool {
        (1...64).contains(id.count) && id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
    }

    /// The stable base of calendar UIDs: the id, or a fingerprint of the request when there is no id.
    var uidBase: String {
        if let id { return id }
        return "p" + NameHash.hex(of: Data("\(name ?? "")|\(procedure.iso)|\(language)".utf8))
    }
}

import Foundation

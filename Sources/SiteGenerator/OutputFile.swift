import Foundation

/// One file of the finished site: a path relative to the output folder, and its bytes.
public struct OutputFile: Sendable, Equatable {
    /// Relative path with `/` separators, such as `en/healing.html`.
    public var path: String
    /// The exact bytes to write.
    public var data: Data

    /// Creates an output file.
    public init(path: String, data: Data) {
        self.path = path
        self.data = data
    }

    /// Creates an output file from text, written as UTF-8.
    public init(path: String, text: String) {
        self.init(path: path, data: Data(text.utf8))
    }
}

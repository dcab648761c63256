import Foundation

extension CacheIndex {
    /// How the content files on disk differ from those the cache knows.
    public struct FileChanges: Sendable {
        /// Files whose stamps differ: their line, path and state in the cache.
        public var changed: [(line: Int, path: String, state: BuildCache.FileState)] = []
        /// Files the cache does not know.
        public var added: [String] = []
        /// Files the cache knows that are gone: their line and path.
        public var removed: [(line: Int, path: String)] = []
    }

    /// How `stamps` (the content files on disk, paths and stamps in the byte order of their paths, as the
    /// disk layer lists them) differ from the cache's lines, which are in the same order: the two lists are
    /// merged comparing bytes, making a string only for what differs (this runs for every file of every
    /// rebuild). Nil when a line does not read, or holds an escaped path (a tab, line break or backslash,
    /// which a quick rebuild does not handle).
    public func fileChanges(_ stamps: [(path: String, stamp: UInt64)]) -> FileChanges? {
        bytes.withUnsafeBufferPointer { buffer -> FileChanges? in
            var changes = FileChanges()
            var line = fileLines.lowerBound
            var index = 0
            while line < fileLines.upperBound || index < stamps.count {
                guard line < fileLines.upperBound else {
                    changes.added.append(stamps[index].path)
                    index += 1
                    continue
                }
                // F <stamp> <hash> <path>
                let range = lines[line]
                guard let first = buffer[range].firstIndex(of: 0x09), let second = buffer[(first + 1)..<range.upperBound].firstIndex(of: 0x09),
                      let third = buffer[(second + 1)..<range.upperBound].firstIndex(of: 0x09) else { return nil }
                let path = UnsafeBufferPointer(rebasing: buffer[(third + 1)..<range.upperBound])
                guard !path.contains(0x5C) else { return nil }
                let order = index < stamps.count ? Self.compare(path, stamps[index].path) : -1
                if order < 0 {
                    changes.removed.append((line, String(decoding: path, as: UTF8.self)))
                    line += 1
                } else if order > 0 {
                    changes.added.append(stamps[index].path)
                    index += 1
                } else {
                    guard let stamp = Self.hex(buffer[(first + 1)..<second]) else { return nil }
                    if stamp != stamps[index].stamp {
                        guard let hash = Self.hex(buffer[(second + 1)..<third]) else { return nil }
                        changes.changed.append((line, stamps[index].path, BuildCache.FileState(stamp: stamp, hash: hash)))
                    }
                    line += 1
                    index += 1
                }
            }
            return changes
        }
    }

    /// The byte order of a cached path and a listed one: negative, zero or positive.
    private static func compare(_ cached: UnsafeBufferPointer<UInt8>, _ listed: String) -> Int {
        var listed = listed
        return listed.withUTF8 { cached.byteOrder($0) }
    }

    /// The whole file with some lines replaced (by line number, each new line with its line break), some
    /// removed, new content files' lines put in path order among the others and new pages' lines added at
    /// the end (page lines are read in no particular order), and no journal.
    public func rewritten(replacing replacements: [Int: [UInt8]], removing removed: Set<Int> = [],
                          addingFiles newFiles: [(path: String, line: [UInt8])] = [], addingPages newPages: [[UInt8]] = []) -> Data {
        var output = Data(capacity: journalStart + replacements.values.reduce(0) { $0 + $1.count } + newFiles.reduce(0) { $0 + $1.line.count })
        var pending = newFiles.sorted { $0.path.precedesInByteOrder($1.path) }[...]
        bytes.withUnsafeBufferPointer { buffer in
            // Runs of lines still where the file has them are copied at once.
            var runStart = 0, runEnd = 0
            func flush(restartingAfter line: Range<Int>? = nil) {
                if runEnd > runStart { output.append(UnsafeBufferPointer(rebasing: buffer[runStart..<runEnd])) }
                if let line { (runStart, runEnd) = (line.upperBound + 1, line.upperBound + 1) }
            }
            for (number, range) in lines.enumerated() {
                if !pending.isEmpty && (fileLines.contains(number) || number == fileLines.upperBound) {
                    // New content files go before the first file line whose path sorts after theirs.
                    let path = fileLines.contains(number) ? Self.filePath(buffer, range) : nil
                    while let next = pending.first, path.map({ Self.compare($0, next.path) > 0 }) ?? true {
                        flush()
                        (runStart, runEnd) = (range.lowerBound, range.lowerBound)
                        output.append(contentsOf: next.line)
                        pending.removeFirst()
                    }
                }
                if removed.contains(number) {
                    flush(restartingAfter: range)
                } else if let replacement = replacements[number] {
                    flush(restartingAfter: range)
                    output.append(contentsOf: replacement)
                } else if range.lowerBound == runEnd && range.upperBound < journalStart {
                    runEnd = range.upperBound + 1
                } else {
                    flush(restartingAfter: range)
                    output.append(UnsafeBufferPointer(rebasing: buffer[range.lowerBound...range.upperBound]))
                }
            }
            flush()
        }
        for next in pending { output.append(contentsOf: next.line) }
        for page in newPages { output.append(contentsOf: page) }
        return output
    }

    /// The path field of a content file's line.
    private static func filePath(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        var start = range.lowerBound
        for _ in 0..<3 { start = (buffer[start..<range.upperBound].firstIndex(of: 0x09) ?? range.upperBound - 1) + 1 }
        return UnsafeBufferPointer(rebasing: buffer[start..<range.upperBound])
    }
}

import SiteGenerator
import Foundation

/// The build cache on disk: `.public.cache` beside the output folder, never inside it. It is trusted only
/// when the manifest written after it names its hash, so a cache from a build that was killed, or one
/// edited by hand, is never used: the next build is then a full one.
enum BuildCacheFile {
    static func location(for output: URL) -> String {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).cache").path
    }

    /// The cache that `manifest` vouches for, indexed but not decoded, or nil.
    static func read(for output: URL, manifest: OutputManifest) -> CacheIndex? {
        guard let expected = manifest.cache.flatMap(Identity.init), let bytes = FileSystem.readBytes(location(for: output)),
              expected.baseLength <= bytes.count, Identity(of: bytes, journalStart: expected.baseLength) == expected,
              let index = CacheIndex(bytes: bytes), index.journalStart == expected.baseLength else { return nil }
        return index
    }

    /// Appends `journal` (`CacheIndex.journal`) to the cache file `index` was read from, when the file is
    /// still exactly that (`recorded` is what the manifest says of it); returns what the manifest records of
    /// the file now, or nil (the next build is then a full one).
    static func append(_ journal: [UInt8], to index: CacheIndex, recorded: String?, for output: URL) -> String? {
        guard let recorded = recorded.flatMap(Identity.init) else { return nil }
        let descriptor = open(location(for: output), O_WRONLY | O_APPEND | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, Int(info.st_size) == index.bytes.count,
              (try? journal.withUnsafeBytes({ try FileSystem.write($0, to: descriptor, path: location(for: output)) })) != nil else { return nil }
        // The file proper is as read, so only the journal is hashed again.
        return Identity(base: recorded.base, baseLength: recorded.baseLength, journal: Array(index.bytes[index.journalStart...]) + journal).text
    }

    /// Whether `index`'s journal with `journal` appended is still small beside the file: past that, a quick
    /// rebuild writes the file whole again.
    static func journalFits(_ journal: [UInt8], appendedTo index: CacheIndex) -> Bool {
        index.bytes.count - index.journalStart + journal.count <= max(16 << 10, index.bytes.count / 8)
    }

    /// What the manifest records of a cache file: the hash and length of the file proper, then, when it has
    /// a journal, `+` and the journal's hash and length.
    struct Identity: Equatable {
        /// The file proper's hash and length, as `hash(_:count:)` writes them.
        let base: String
        let baseLength: Int
        /// The journal's hash and length; nil when there is none.
        let journal: String?

        var text: String { journal.map { base + "+" + $0 } ?? base }

        /// Reads what a manifest recorded.
        init?(_ text: String) {
            let parts = text.split(separator: "+", maxSplits: 1).map(String.init)
            guard let base = parts.first, let dash = base.lastIndex(of: "-"), let length = Int(base[base.index(after: dash)...]) else { return nil }
            self.base = base
            baseLength = length
            journal = parts.count == 2 ? parts[1] : nil
        }

        init(base: String, baseLength: Int, journal: [UInt8]) {
            self.base = base
            self.baseLength = baseLength
            self.journal = journal.isEmpty ? nil : BuildCacheFile.hash(ContentHash.wordValue(of: journal), count: journal.count)
        }

        /// The identity of a file's bytes whose journal starts at `journalStart`.
        init(of bytes: [UInt8], journalStart: Int) {
            let base = bytes.withUnsafeBytes { ContentHash.wordValue(of: UnsafeRawBufferPointer(rebasing: $0[..<journalStart])) }
            self.init(base: BuildCacheFile.hash(base, count: journalStart), baseLength: journalStart, journal: Array(bytes[journalStart...]))
        }
    }

    /// Writes a cache already encoded; returns the hash the manifest records, or nil.
    static func write(_ data: Data, for output: URL) -> String? {
        stage(data, for: output)?.install()
    }

    /// A cache written beside the output under a temporary name while the build still runs, put in place only
    /// once the build has succeeded (the manifest written after it names its hash), or removed.
    struct Pending: Sendable {
        let temporary: String
        let location: String
        let hash: String

        /// Puts the cache in place; returns the hash the manifest records, or nil.
        /// The old cache is removed first: renaming over it made ext4 write the new one out to disk before the
        /// rename returned (auto_da_alloc), ~10 ms for 10,000 pages. A build that finds no cache, or one the
        /// manifest does not name, builds everything, so the moment without a file costs nothing.
        func install() -> String? {
            (try? FileSystem.install(temporary, at: location, removingFirst: true)).map { hash }
        }

        func discard() {
            unlink(temporary)
        }
    }

    /// Writes an encoded cache under a temporary name beside the output; nil when it cannot be written.
    static func stage(_ data: Data, for output: URL) -> Pending? {
        let location = location(for: output)
        let temporary = data.withUnsafeBytes { try? FileSystem.writeBeside(location, bytes: $0) }
        return temporary.map { Pending(temporary: $0, location: location, hash: hash(ContentHash.wordValue(of: data), count: data.count)) }
    }

    /// Writes `cache` with each content file's stamp from `stamps`; returns the hash the manifest records, or
    /// nil when it could not be written (the next build is then a full one).
    static func write(_ cache: BuildCache, stamps: [InputStamp.File]?, for output: URL) -> String? {
        write(encoded(cache, stamps: stamps), for: output)
    }

    /// `cache` as the file's bytes, with each content file's stamp from `stamps`.
    static func encoded(_ cache: BuildCache, stamps: [InputStamp.File]?) -> Data {
        let byPath = Dictionary((stamps ?? []).map { ($0.path, $0.stamp) }, uniquingKeysWith: { first, _ in first })
        return cache.encoded { byPath[$0] }
    }

    /// What the manifest records of a cache file: its hash and length.
    fileprivate static func hash(_ value: UInt64, count: Int) -> String {
        String(value, radix: 16) + "-\(count)"
    }
}

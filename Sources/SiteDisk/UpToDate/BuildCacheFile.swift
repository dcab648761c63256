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
        guard let expected = manifest.cache, let bytes = FileSystem.readBytes(location(for: output)),
              hash(ContentHash.wordValue(of: bytes), count: bytes.count) == expected else { return nil }
        return CacheIndex(bytes: bytes)
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
    private static func hash(_ value: UInt64, count: Int) -> String {
        String(value, radix: 16) + "-\(count)"
    }
}

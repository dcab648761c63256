import SiteGenerator
import Foundation
import RecoverySchedule
#if canImport(Glibc)
import Glibc
#endif

/// What the last successful build wrote, kept in a file beside the output folder (`.public.manifest`), so
/// a build whose inputs did not change can stop at once without rewriting anything. It stays outside the
/// output so the published files are byte-identical between builds.
///
/// The input stamp covers every input file's metadata, the options, the date (review warnings depend on it)
/// and the clinicsite executable itself; the file list with sizes and modification times shows whether
/// someone changed the output by hand since. The build cache written with it (`BuildCacheFile`) is named by
/// its hash, so the two are only ever used together.
struct OutputManifest: Equatable {
    /// Every input file's path, size, times and inode (what `git status` trusts): unchanged means the
    /// inputs need not even be read.
    var inputStamp: String
    var pageCount: Int
    var warnings: [Diagnostic]
    /// The hash of the build cache written with this manifest (`BuildCacheFile`); nil when there is none.
    var cache: String?
    var files: [Entry]

    struct Entry: Equatable {
        var path: String
        var size: Int
        var modified: Int
    }

    /// The clinicsite executable (path, size, time), which every output also depends on.
    static let tool: String = {
        // The kernel's link to the running executable: asking Foundation's `Bundle.main` scanned its folder first.
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        let path = length > 0 ? String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self) : Bundle.main.executablePath
        guard let executable = path, let entry = stat(of: executable) else { return "" }
        return "\(executable) \(entry.size) \(entry.modified)"
    }()

    /// The options, the date and the executable.
    private static func mixSettings(_ options: BuildOptions, into mix: (String) -> Void) {
        mix("clinicsite-manifest-4")
        mix(options.baseURL ?? "-")
        mix(options.today.iso)
        mix(options.tool)
    }

    /// A stamp of the input files (`InputStamp.files`) with the options; nil when an input folder is missing.
    static func inputStamp(files: [InputStamp.File]?, options: BuildOptions) -> String? {
        guard let files else { return nil }
        var hash = ContentHash.seed
        func mix(_ text: String) { hash = ContentHash.value(of: Data((text + "\u{0}").utf8), continuing: hash) }
        mixSettings(options, into: mix)
        mix(InputStamp.combined(files))
        return String(hash, radix: 16)
    }

    /// Size and modification time (nanoseconds) of a file, without following symbolic links.
    static func stat(of path: String) -> (size: Int, modified: Int)? {
        var info = Glibc.stat()
        guard lstat(path, &info) == 0 else { return nil }
        return (Int(info.st_size), Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec))
    }

    /// Lists `paths` below `folder` as they are on disk now.
    static func entries(for paths: [String], in folder: String) -> [Entry]? {
        let entries = paths.parallelMap { path in
            stat(of: folder + "/" + path).map { Entry(path: path, size: $0.size, modified: $0.modified) }
        }
        return entries.contains { $0 == nil } ? nil : entries.map { $0! }
    }

    static func location(for output: URL) -> String {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).manifest").path
    }

    /// The manifest of the output folder, if it has one.
    static func read(for output: URL) -> OutputManifest? {
        guard let data = FileSystem.read(location(for: output)), !data.isEmpty else { return nil }
        return decoded(data)
    }

    func write(for output: URL) {
        try? FileSystem.replace(path: Self.location(for: output), with: encoded(), removingFirst: true)
    }

    /// Whether a build has left a record beside `output` (valid or not).
    static func exists(for output: URL) -> Bool {
        access(location(for: output), F_OK) == 0
    }

    /// Forgets what the output holds, before it is changed: a build killed while changing it leaves no
    /// manifest, so the next build is a full one.
    static func forget(for output: URL) {
        unlink(location(for: output))
    }

    /// This manifest after `written` files were replaced and `removed` ones deleted in place: only those are statted again.
    func updated(written: [String], removed: Set<String>, in output: URL) -> [Entry]? {
        guard let fresh = Self.entries(for: written, in: output.path) else { return nil }
        var byPath = Dictionary(files.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        for path in removed { byPath[path] = nil }
        for entry in fresh { byPath[entry.path] = entry }
        return byPath.values.sorted { $0.path < $1.path }
    }

    /// This manifest after `written` files (all of them already listed) were replaced in place.
    func replaced(_ written: [String], in output: URL) -> [Entry]? {
        guard let fresh = Self.entries(for: written, in: output.path) else { return nil }
        var files = files
        for entry in fresh {
            // The entries are in path order, as the folder listing sorts them.
            var low = 0, high = files.count
            while low < high {
                let middle = (low + high) / 2
                if files[middle].path < entry.path { low = middle + 1 } else { high = middle }
            }
            guard low < files.count, files[low].path == entry.path else { return nil }
            files[low] = entry
        }
        return files
    }

    /// Whether the output folder still holds exactly the files this manifest lists, untouched.
    func matchesDisk(at output: URL) -> Bool {
        // The check counts files, so each must be listed once: the list is written in path order.
        zip(files, files.dropFirst()).allSatisfy { $0.path < $1.path }
            && FileSystem.holdsExactly(files, below: output.path)
    }

    /// The header (stamps, page count, warnings) as one JSON line, then one line per output file:
    /// size, modification time and path, separated by tabs. Decoding 10,000 files as JSON objects took most
    /// of a no-change build's time.
    private struct Header: Codable {
        var inputStamp: String
        var pageCount: Int
        var warnings: [Diagnostic]
        var cache: String?
    }

    func encoded() -> Data {
        let header = Header(inputStamp: inputStamp, pageCount: pageCount, warnings: warnings, cache: cache)
        var bytes = [UInt8]((try? JSONEncoder().encode(header)) ?? Data())
        bytes.append(0x0A)
        bytes.reserveCapacity(bytes.count + files.count * 48)
        for entry in files {
            Self.appendDecimal(entry.size, to: &bytes)
            bytes.append(0x09)
            Self.appendDecimal(entry.modified, to: &bytes)
            bytes.append(0x09)
            bytes += entry.path.utf8
            bytes.append(0x0A)
        }
        return Data(bytes)
    }

    private static func appendDecimal(_ value: Int, to bytes: inout [UInt8]) {
        guard value > 0 else { return bytes.append(UInt8(ascii: "0")) }
        let start = bytes.count
        var rest = value
        while rest > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
        }
        bytes[start...].reverse()
    }

    static func decoded(_ data: Data) -> OutputManifest? {
        guard let newline = data.firstIndex(of: UInt8(ascii: "\n")),
              let header = try? JSONDecoder().decode(Header.self, from: data[data.startIndex..<newline]) else { return nil }
        guard let files = data[(newline + 1)...].withUnsafeBytes(entries(fromLines:)) else { return nil }
        return OutputManifest(inputStamp: header.inputStamp, pageCount: header.pageCount,
                              warnings: header.warnings, cache: header.cache, files: files)
    }

    /// Reads `size<TAB>modified<TAB>path` lines byte by byte; nil when one is malformed.
    private static func entries(fromLines raw: UnsafeRawBufferPointer) -> [Entry]? {
        raw.withMemoryRebound(to: UInt8.self) { bytes -> [Entry]? in
            var files: [Entry] = []
            var position = 0
            func number() -> Int? {
                guard let (value, end) = bytes.decimalNumber(at: position), end < bytes.count, bytes[end] == UInt8(ascii: "\t") else { return nil }
                position = end + 1
                return value
            }
            while position < bytes.count {
                guard let size = number(), let modified = number() else { return nil }
                let start = position
                while position < bytes.count, bytes[position] != UInt8(ascii: "\n") { position += 1 }
                guard position > start else { return nil }
                files.append(Entry(path: String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self),
                                   size: size, modified: modified))
                position += 1
            }
            return files
        }
    }
}

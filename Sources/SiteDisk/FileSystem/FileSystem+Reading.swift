import Foundation
import Glibc
import SiteGenerator

/// Plain POSIX reads and directory walks: one `open`, `fstat` and `read` per file, where Foundation's
/// conveniences make several system calls more (and look up user names) for every file of a large site.
extension FileSystem {
    /// Regular files below `folder`, as paths relative to it, sorted. Hidden entries (starting with `.`)
    /// and editor backups (ending in `~`) are skipped; symbolic links are not followed, so nothing outside
    /// the folder can be pulled in. Returns nil when `folder` is not a readable directory.
    static func files(below folder: String) -> [String]? {
        guard let top = opendir(folder) else { return nil }
        closedir(top)
        var result: [String] = []
        var pending = [""]
        while let relative = pending.popLast() {
            let path = relative.isEmpty ? folder : folder + "/" + relative
            guard let directory = opendir(path) else { continue }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = String(decoding: entry.pointee.nameBytes, as: UTF8.self)
                if name.hasPrefix(".") || name.hasSuffix("~") { continue }
                let child = relative.isEmpty ? name : relative + "/" + name
                var type = entry.pointee.d_type
                if type == UInt8(DT_UNKNOWN) {
                    var info = stat()
                    guard lstat(folder + "/" + child, &info) == 0 else { continue }
                    type = (info.st_mode & S_IFMT) == S_IFDIR ? UInt8(DT_DIR) : (info.st_mode & S_IFMT) == S_IFREG ? UInt8(DT_REG) : 0
                }
                if type == UInt8(DT_DIR) { pending.append(child) } else if type == UInt8(DT_REG) { result.append(child) }
            }
        }
        return result.sorted()
    }

    /// The whole regular file, or nil when it cannot be opened or read, or is something else (a folder, a
    /// FIFO, a device): it is opened without waiting, so a FIFO where a file should be cannot hang a build.
    static func read(_ path: String) -> Data? {
        withRegularFile(path, readContents)
    }

    /// The fingerprint of the whole regular file at `path`, hashed where the kernel keeps it (mapped, not copied:
    /// the build record is checked this way on every build, and is 10 MB at 10,000 pages); nil when it cannot be read.
    static func fingerprint(ofFile path: String) -> Fingerprint? {
        withRegularFile(path) { descriptor, size in
            if size == 0 { return Fingerprint(of: Data()) }
            guard let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), mapped != MAP_FAILED else { return nil }
            defer { munmap(mapped, size) }
            return Fingerprint(of: UnsafeRawBufferPointer(start: mapped, count: size))
        }
    }

    /// The bytes of the open regular file `descriptor`, `size` long as `fstat` said (fewer when it shrank).
    static func readContents(_ descriptor: Int32, size: Int) -> Data? {
        // Read straight into memory the `Data` then owns: `Data(count:)` would first fill it with zeros.
        if size == 0 { return Data() }
        guard let buffer = malloc(size) else { return nil }
        guard let count = readAll(descriptor, into: buffer, size: size) else {
            free(buffer)
            return nil
        }
        return Data(bytesNoCopy: buffer, count: count, deallocator: .free)
    }

    /// Opens `path` without waiting and calls `body` with the descriptor and size when it is a regular file (not a
    /// symbolic link to one: nothing outside the site is read through a link).
    private static func withRegularFile<T>(_ path: String, _ body: (Int32, Int) -> T?) -> T? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return body(descriptor, Int(info.st_size))
    }

    /// Reads up to `size` bytes into `buffer`; the count read (less at the end of a file that shrank), or nil on an error.
    private static func readAll(_ descriptor: Int32, into buffer: UnsafeMutableRawPointer, size: Int) -> Int? {
        var total = 0
        while total < size {
            let count = Glibc.read(descriptor, buffer + total, size - total)
            if count < 0 && errno == EINTR { continue }
            if count < 0 { return nil }
            if count == 0 { break }
            total += count
        }
        return total
    }
}

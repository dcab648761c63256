import Foundation
import Glibc

/// Removing what earlier runs left behind, including what a user made read-only.
extension FileSystem {
    /// Removes a folder and everything in it. Folders without write permission are made writable first
    /// (only ever below `path`, never through a symbolic link), so an old copy of a site that someone
    /// protected with `chmod -w` does not pile up beside the new one. Returns whether it is gone.
    @discardableResult
    static func removeTree(_ path: String) -> Bool {
        let manager = FileManager.default
        if (try? manager.removeItem(atPath: path)) != nil { return true }
        var pending = [path]
        while let folder = pending.popLast() {
            var info = stat()
            guard lstat(folder, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { continue }
            chmod(folder, (info.st_mode & 0o7777) | S_IRWXU)
            for name in (try? manager.contentsOfDirectory(atPath: folder)) ?? [] { pending.append(folder + "/" + name) }
        }
        return (try? manager.removeItem(atPath: path)) != nil
    }

    /// Removes the hidden temporary files (`.clinicsite-PID-….tmp`) that a killed run left in `folder`;
    /// those of a process still running are kept. They can hold patient data, so they must not linger.
    static func removeAbandonedTemporaries(in folder: String) {
        let prefix = ".clinicsite-"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where name.hasPrefix(prefix) && name.hasSuffix(".tmp") {
            guard let pid = name.dropFirst(prefix.count).split(separator: "-").first.flatMap({ Int32($0) }), pid > 0 else { continue }
            if pid == processID || kill(pid, 0) == 0 || errno == EPERM { continue }
            unlink(folder + "/" + name)
        }
    }
}

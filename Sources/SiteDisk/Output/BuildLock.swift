import Glibc
import SiteGenerator

/// An exclusive lock on a file beside the output, held for one write.
struct BuildLock {
    private let descriptor: Int32

    init(path: String, output: String) throws(DiagnosticError) {
        descriptor = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw DiagnosticError(Diagnostic(file: output, message: "cannot create the lock file \(path)"))
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw DiagnosticError(Diagnostic(file: output, message: "another clinicsite build is writing to this folder right now",
                                             hint: "wait for it to finish, then run the build again"))
        }
    }

    func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}

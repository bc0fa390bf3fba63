// A document's bytes in a temporary file, for ZIPFoundation to read with fread (see
// WordContainer: its in-memory archive traps on a damaged document).
//
// The file is created with mkstemp in the temporary folder (TMPDIR), readable only by its
// owner and closed on exec. On Linux it is unlinked at once and named by /proc/self/fd/N, so
// nothing is left behind even when the process is killed; where /proc is missing it is
// unlinked by `release()` once the archive has opened it.
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

final class DocumentFile {
    struct Failure: Error {
        var folder: String
        var reason: String
    }

    /// The path the archive opens.
    let path: String
    private var descriptor: Int32
    private var linkedPath: String?

    init(_ data: Data) throws(Failure) {
        let folder = FileManager.default.temporaryDirectory.path
        var template = Array((folder + "/.planlint-document-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw Failure(folder: folder, reason: String(cString: strerror(errno))) }
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        let created = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        descriptor = fd
        // Named by its descriptor where /proc is there: the name in the folder goes before a
        // byte is written.
        let byDescriptor = "/proc/self/fd/\(fd)"
        if access(byDescriptor, R_OK) == 0 {
            unlink(created)
            path = byDescriptor
            linkedPath = nil
        } else {
            path = created
            linkedPath = created
        }
        let written = data.withUnsafeBytes { FileDescriptor.writeAll(fd, $0) }
        if written != 0 {
            release()
            throw Failure(folder: folder, reason: String(cString: strerror(written)))
        }
    }

    /// Unlinks the file (where it still has a name) and closes this descriptor; an archive
    /// that opened the file keeps reading it.
    func release() {
        if let linked = linkedPath { unlink(linked); linkedPath = nil }
        if descriptor >= 0 { close(descriptor); descriptor = -1 }
    }

    deinit { release() }
}

// Writing a report file so that it is never seen half-written.
//
// The text goes to a new temporary file in the same folder (so the rename cannot cross file
// systems), is flushed to disk, and is then renamed over the target in one step. If
// anything fails, the temporary file is removed and the old file, if any, is left as it was.
//
// Only a regular file, or a path where nothing is, is ever replaced. A symbolic link, a
// device, a FIFO, a socket or a folder at the path is refused, never followed and never
// replaced: replacing a link to /dev/stdout, or a device node, with a regular file would
// break what other programs rely on. The check uses lstat(2), so a link is seen as a link.
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Atomic replacement of a file's contents.
public enum AtomicFile {
    /// A file that could not be written, and why.
    public struct WriteError: Error, Sendable, CustomStringConvertible {
        public var path: String
        public var reason: String

        public var description: String { "\(path): error: cannot write the file: \(reason)" }
    }

    /// Writes `data` to `path` atomically. Only a regular file or a missing file is
    /// replaced; anything else at the path (a symbolic link, device, FIFO, socket, folder)
    /// is refused.
    public static func write(_ data: Data, to path: String) throws(WriteError) {
        var info = stat()
        var existing: stat?
        if lstat(path, &info) == 0 {
            if let kind = refusedKind(info.st_mode) {
                throw WriteError(path: path, reason: "it is \(kind); planlint replaces only regular files, so give the path of a regular file or of a new one")
            }
            existing = info
        } else if errno != ENOENT {
            let reason = errno == ELOOP ? "the path goes through a loop of symbolic links" : lastError()
            throw WriteError(path: path, reason: reason)
        }
        let target = URL(fileURLWithPath: path)
        let folder = target.deletingLastPathComponent().path
        var template = Array((folder + "/." + target.lastPathComponent + ".planlint-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else {
            throw WriteError(path: path, reason: "cannot create a file in '\(folder)': \(lastError())")
        }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var renamed = false
        defer {
            if !renamed { unlink(temporary) }
        }
        var failure: String?
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            guard let base = buffer.baseAddress else { return }
            var written = 0
            while written < buffer.count {
                let n = systemWrite(fd, base + written, buffer.count - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = lastError()
                    return
                }
                written += n
            }
        }
        // The new file gets the old file's permissions, or the usual ones for a new file.
        let mode: mode_t = existing.map { $0.st_mode & 0o7777 } ?? (0o666 & ~currentUmask())
        if failure == nil, fchmod(fd, mode) != 0 { failure = lastError() }
        if failure == nil, fsync(fd) != 0 { failure = lastError() }
        if close(fd) != 0, failure == nil { failure = lastError() }
        if let failure { throw WriteError(path: path, reason: failure) }
        guard rename(temporary, target.path) == 0 else {
            throw WriteError(path: path, reason: lastError())
        }
        renamed = true
    }

    /// What the file at a path is when it is not something to replace, as a phrase.
    static func refusedKind(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFLNK: return "a symbolic link"
        case S_IFDIR: return "a folder"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFIFO: return "a FIFO (named pipe)"
        case S_IFSOCK: return "a socket"
        default: return "not a regular file"
        }
    }

    private static func lastError() -> String {
        String(cString: strerror(errno))
    }

    private static func currentUmask() -> mode_t {
        let mask = umask(0o022)
        umask(mask)
        return mask
    }
}

/// `write(2)`, named apart from `AtomicFile.write`.
@inline(__always)
private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    return Glibc.write(fd, buffer, count)
    #else
    return Darwin.write(fd, buffer, count)
    #endif
}

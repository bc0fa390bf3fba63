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
        let writer = try Writer(path: path)
        writer.write(data)
        try writer.commit()
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

    static func lastError() -> String {
        String(cString: strerror(errno))
    }

    static func currentUmask() -> mode_t {
        let mask = umask(0o022)
        umask(mask)
        return mask
    }
}

// Reading a file with its size limit enforced on what is read, not on what a name says.
//
// The file is opened once (without blocking, so a FIFO cannot stall the run), examined with
// fstat(2) on the open descriptor, which is the file a symbolic link points to, and must be
// a regular file. At most `limit + 1` bytes are read, so a file that grows, or lies about
// its size, can never make planlint hold more than the limit.
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Files read within a byte limit.
public enum BoundedFile {
    /// Why a file could not be read.
    public enum Failure: Error, Sendable, Equatable {
        case missing
        case folder
        /// Not a regular file: a device, FIFO, socket (the phrase says which).
        case notRegular(String)
        /// The file holds at least `size` bytes, more than `limit`.
        case tooLarge(size: Int, limit: Int)
        /// The path is longer than the system accepts.
        case nameTooLong
        case unreadable(String)

        /// The message, in the words of an `InputError`.
        public var message: String {
            switch self {
            case .missing: return "no such file"
            case .folder: return "it is a folder, not a file"
            case .notRegular(let kind): return "it is \(kind), not a regular file; planlint reads only regular files"
            case .tooLarge(let size, let limit):
                return "the file is \(BoundedFile.bytes(size)) bytes; the limit is \(BoundedFile.bytes(limit))"
            case .nameTooLong: return "the path is longer than the system allows (\(PATH_MAX) bytes, PATH_MAX)"
            case .unreadable(let reason): return "cannot read the file: \(reason)"
            }
        }
    }

    /// The bytes of the regular file at `path`, at most `limit` of them.
    public static func read(_ path: String, limit: Int) throws(Failure) -> Data {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw failure(errno) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw failure(errno) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw .folder
        default: throw .notRegular(AtomicFile.refusedKind(info.st_mode) ?? "not a regular file")
        }
        if Int(info.st_size) > limit { throw .tooLarge(size: Int(info.st_size), limit: limit) }
        var data = Data(count: min(Int(info.st_size), limit) + 1)
        var count = 0
        var readError: Int32 = 0
        data.withUnsafeMutableBytes { (buffer: UnsafeMutableRawBufferPointer) in
            guard let base = buffer.baseAddress else { return }
            while count < buffer.count {
                let n = systemRead(fd, base + count, buffer.count - count)
                if n < 0 {
                    if errno == EINTR { continue }
                    readError = errno
                    return
                }
                if n == 0 { return }
                count += n
            }
        }
        guard readError == 0 else { throw failure(readError) }
        if count > limit {
            // The file grew after fstat: it holds at least this many bytes.
            throw .tooLarge(size: max(count, Int(info.st_size)), limit: limit)
        }
        data.count = count
        return data
    }

    static func failure(_ code: Int32) -> Failure {
        switch code {
        case ENOENT, ENOTDIR: return .missing
        case ENAMETOOLONG: return .nameTooLong
        case ELOOP: return .unreadable("the path goes through a loop of symbolic links")
        default: return .unreadable(String(cString: strerror(code)))
        }
    }

    /// A byte count with spaces between groups of three digits: 8 388 608.
    public static func bytes(_ n: Int) -> String { bytes(UInt64(clamping: n)) }

    /// A byte count as declared in a document, which may be any 64-bit number.
    public static func bytes(_ n: UInt64) -> String {
        let digits = Array(String(n))
        var out = ""
        for (i, d) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(" ") }
            out.append(d)
        }
        return out
    }
}

/// `read(2)`, named apart from `BoundedFile.read`.
@inline(__always)
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    return Glibc.read(fd, buffer, count)
    #else
    return Darwin.read(fd, buffer, count)
    #endif
}

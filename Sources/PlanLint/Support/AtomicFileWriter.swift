// A report file written while the run streams, still replaced in one step.
//
// `AtomicFile.write` is this writer given the whole text at once. Only a regular file or a
// missing one is replaced; the text goes to a temporary file beside the target as it comes,
// and `commit` flushes it to disk and renames it over the target. A failed write is remembered and reported by
// `commit`; the temporary file is removed and the old file left as it was.
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension AtomicFile {
    /// A file written piece by piece and replaced atomically at the end.
    public final class Writer: ReportSink {
        public let path: String
        private var fd: Int32
        private let temporary: String
        private let mode: mode_t
        private var buffer: [UInt8] = []
        private var failure: String?
        private var finished = false

        /// Opens the temporary file; refuses what `AtomicFile.write` refuses.
        public init(path: String) throws(WriteError) {
            self.path = path
            var info = stat()
            var existing: stat?
            if lstat(path, &info) == 0 {
                if let kind = AtomicFile.refusedKind(info.st_mode) {
                    throw WriteError(path: path, reason: "it is \(kind); planlint replaces only regular files, so give the path of a regular file or of a new one")
                }
                existing = info
            } else if errno != ENOENT {
                let reason = errno == ELOOP ? "the path goes through a loop of symbolic links" : AtomicFile.lastError()
                throw WriteError(path: path, reason: reason)
            }
            let target = URL(fileURLWithPath: path)
            let folder = target.deletingLastPathComponent().path
            var template = Array((folder + "/." + target.lastPathComponent + ".planlint-XXXXXX").utf8CString)
            let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            guard fd >= 0 else {
                throw WriteError(path: path, reason: "cannot create a file in '\(folder)': \(AtomicFile.lastError())")
            }
            self.fd = fd
            temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            // The new file gets the old file's permissions, or the usual ones for a new file.
            mode = existing.map { $0.st_mode & 0o7777 } ?? (0o666 & ~AtomicFile.currentUmask())
        }

        deinit {
            if !finished { abort() }
        }

        public func write(_ text: String) { append(text.utf8) }

        /// Appends bytes (a whole file's contents, from `AtomicFile.write`).
        func write(_ data: Data) { append(data) }

        private func append<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
            guard failure == nil, !finished else { return }
            buffer.append(contentsOf: bytes)
            if buffer.count >= 64 * 1024 { flush() }
        }

        private func flush() {
            guard failure == nil, !buffer.isEmpty else { return }
            let code = buffer.withUnsafeBytes { FileDescriptor.writeAll(fd, $0) }
            if code != 0 { failure = String(cString: strerror(code)) }
            buffer.removeAll(keepingCapacity: true)
        }

        /// Flushes the file to disk and renames it over the target.
        public func commit() throws(WriteError) {
            guard !finished else { return }
            flush()
            finished = true
            if failure == nil, fchmod(fd, mode) != 0 { failure = AtomicFile.lastError() }
            if failure == nil, fsync(fd) != 0 { failure = AtomicFile.lastError() }
            if close(fd) != 0, failure == nil { failure = AtomicFile.lastError() }
            fd = -1
            if let failure {
                unlink(temporary)
                throw WriteError(path: path, reason: failure)
            }
            guard rename(temporary, URL(fileURLWithPath: path).path) == 0 else {
                let reason = AtomicFile.lastError()
                unlink(temporary)
                throw WriteError(path: path, reason: reason)
            }
        }

        /// Removes the temporary file; the target stays as it was.
        public func abort() {
            finished = true
            if fd >= 0 { close(fd) }
            fd = -1
            unlink(temporary)
        }
    }
}

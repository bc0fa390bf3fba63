// --output never replaces what is not a regular file: a device, a FIFO, a symbolic link (to
// /proc/self/fd/1, to a regular file, or in a loop) is refused and left exactly as it was.
import Foundation
import Testing
@testable import PlanLint

#if canImport(Glibc)
import Glibc
#endif

@Suite("Atomic file: only regular files are replaced")
struct AtomicFileSafetyTests {
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("planlint-safety-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes over `path` and returns the refusal's reason; fails the test if it is written.
    func refusal(_ path: String) -> String? {
        do {
            try AtomicFile.write(Data("report".utf8), to: path)
            Issue.record("\(path) must not be replaced")
            return nil
        } catch {
            #expect(error.description.hasPrefix(path + ": error: cannot write the file: "))
            return error.reason
        }
    }

    func mode(_ path: String) -> mode_t? {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : nil
    }

    @Test("A character device (a copy of /dev/null made with mknod) stays a device", .enabled(if: getuid() == 0, "mknod needs root"))
    func device() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("null").path
        let null = dev_t((1 << 8) | 3)  // makedev(1, 3): /dev/null
        #expect(mknod(path, S_IFCHR | 0o666, null) == 0)
        #expect(refusal(path)?.hasPrefix("it is a character device;") == true)
        #expect(mode(path) == S_IFCHR)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["null"], "no temporary file is left")
    }

    @Test("A FIFO stays a FIFO and is not opened (no hang)")
    func fifo() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("pipe").path
        #expect(mkfifo(path, 0o644) == 0)
        #expect(refusal(path)?.hasPrefix("it is a FIFO (named pipe);") == true)
        #expect(mode(path) == S_IFIFO)
    }

    @Test("A symbolic link to /proc/self/fd/1 stays a link")
    func linkToStdout() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("stdout.json").path
        #expect(symlink("/proc/self/fd/1", path) == 0)
        #expect(refusal(path)?.hasPrefix("it is a symbolic link;") == true)
        #expect(mode(path) == S_IFLNK)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: path) == "/proc/self/fd/1")
    }

    @Test("A symbolic link to a regular file is refused, and the file keeps its content")
    func linkToFile() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let real = dir.appendingPathComponent("real.sarif")
        try "old".write(to: real, atomically: false, encoding: .utf8)
        let path = dir.appendingPathComponent("link.sarif").path
        #expect(symlink(real.path, path) == 0)
        #expect(refusal(path)?.hasPrefix("it is a symbolic link;") == true)
        #expect(try String(contentsOf: real, encoding: .utf8) == "old")
    }

    @Test("A symbolic link loop, and a path through one, are refused")
    func loop() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = dir.appendingPathComponent("a").path, b = dir.appendingPathComponent("b").path
        #expect(symlink(b, a) == 0 && symlink(a, b) == 0)
        #expect(refusal(a)?.hasPrefix("it is a symbolic link;") == true)
        #expect(refusal(a + "/report.json") == "the path goes through a loop of symbolic links")
        #expect(mode(a) == S_IFLNK && mode(b) == S_IFLNK)
    }

    @Test("A regular file and a new file are still written")
    func regular() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("r.json").path
        try AtomicFile.write(Data("1".utf8), to: path)
        try AtomicFile.write(Data("2".utf8), to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "2")
        #expect(mode(path) == S_IFREG)
    }
}

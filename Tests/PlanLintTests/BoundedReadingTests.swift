// Size limits are enforced on the bytes read, through the open file, and every file name
// in a folder is read or reported.
import Foundation
import Testing
@testable import PlanLint

#if canImport(Glibc)
import Glibc
#endif

@Suite("Bounded reading")
struct BoundedReadingTests {
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("planlint-bounded-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("Byte counts are grouped by three with spaces")
    func grouping() {
        #expect(BoundedFile.bytes(8_388_609) == "8 388 609")
        #expect(BoundedFile.bytes(999) == "999")
        #expect(BoundedFile.bytes(1000) == "1 000")
        #expect(BoundedFile.bytes(0) == "0")
    }

    @Test("The limit plus one byte is refused with both exact counts; the limit itself is read")
    func exactLimit() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let at = dir.appendingPathComponent("at.md"), over = dir.appendingPathComponent("over.md")
        try Data(repeating: 0x61, count: 100).write(to: at)
        try Data(repeating: 0x61, count: 101).write(to: over)
        #expect(try BoundedFile.read(at.path, limit: 100).count == 100)
        #expect(throws: BoundedFile.Failure.tooLarge(size: 101, limit: 100)) { try BoundedFile.read(over.path, limit: 100) }
        #expect(BoundedFile.Failure.tooLarge(size: 8_388_609, limit: 8_388_608).message == "the file is 8 388 609 bytes; the limit is 8 388 608")
    }

    @Test("A symbolic link to a sparse 2.2 GB file is refused by the target's size, without reading it")
    func linkToHugeFile() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let huge = dir.appendingPathComponent("huge.bin").path
        #expect(FileManager.default.createFile(atPath: huge, contents: nil))
        #expect(truncate(huge, 2_200 * 1_048_576) == 0)
        let link = dir.appendingPathComponent("plan.md").path
        #expect(symlink(huge, link) == 0)
        let clock = ContinuousClock()
        let started = clock.now
        do {
            _ = try PlanReader.read(file: link)
            Issue.record("a 2.2 GB plan must be refused")
        } catch {
            #expect(error.kind == .tooLarge)
            #expect(error.description == "\(link):1:1: error: the file is 2 306 867 200 bytes; the limit is 8 388 608")
        }
        #expect(clock.now - started < .seconds(2))
    }

    @Test("Devices, FIFOs and folders given as plans are reported, never read", arguments: ["/dev/zero", "/dev/null", "fifo", "folder"])
    func notRegular(_ name: String) throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        var path = name
        if name == "fifo" {
            path = dir.appendingPathComponent("p.md").path
            #expect(mkfifo(path, 0o644) == 0)
        } else if name == "folder" {
            path = dir.appendingPathComponent("f.md").path
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        } else {
            path = dir.appendingPathComponent("dev.md").path
            #expect(symlink(name, path) == 0)
        }
        do {
            _ = try PlanReader.read(file: path)
            Issue.record("\(name) must not be read as a plan")
        } catch {
            let expected = switch name {
            case "folder": "it is a folder, not a file"
            case "fifo": "it is a FIFO (named pipe), not a regular file; planlint reads only regular files"
            default: "it is a character device, not a regular file; planlint reads only regular files"
            }
            #expect(error.message == expected)
        }
    }

    @Test("A file whose name is not UTF-8 is reported, not skipped; the other plans are found")
    func nonUTF8Name() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("# a\n".utf8).write(to: dir.appendingPathComponent("ok.md"))
        let bad = dir.path + "/bad\u{FFFD}.md"
        var raw = Array(dir.path.utf8) + Array("/bad".utf8) + [0xE4] + Array(".md".utf8)
        raw.append(0)
        let fd = raw.withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_CREAT | O_WRONLY, 0o644) } }
        #expect(fd >= 0)
        close(fd)
        var rawFolder = Array(dir.path.utf8) + Array("/sub".utf8) + [0xFF]
        rawFolder.append(0)
        #expect(rawFolder.withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { mkdir($0.baseAddress!, 0o755) } } == 0)
        try Data().write(to: dir.appendingPathComponent("notes.txt"))
        let (files, errors) = PlanReader.discover([dir.path])
        #expect(files == [dir.appendingPathComponent("ok.md").path])
        #expect(errors.map(\.description).sorted() == [
            "\(bad): error: the name of a file here is not valid UTF-8 (shown with U+FFFD); planlint cannot name it in a report, so rename it",
            "\(dir.path)/sub\u{FFFD}: error: the name of a folder here is not valid UTF-8 (shown with U+FFFD); planlint cannot name it in a report, so rename it",
        ])
    }

    @Test("A path longer than PATH_MAX gets a message saying so")
    func longPath() {
        let path = String(repeating: "kansio/", count: 700) + "plan.md"
        let (files, errors) = PlanReader.discover([path])
        #expect(files.isEmpty)
        #expect(errors.map(\.message) == ["the path is longer than the system allows (4096 bytes, PATH_MAX)"])
    }

    @Test("A rule pack over 32 MB is refused while reading, with exact counts")
    func packLimit() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("id: big\n".utf8).write(to: dir.appendingPathComponent("pack.yaml"))
        let huge = dir.appendingPathComponent("rules/huge.yaml").path
        try FileManager.default.createDirectory(atPath: dir.appendingPathComponent("rules").path, withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: huge, contents: nil))
        #expect(truncate(huge, 1_000_000_000) == 0)
        do {
            _ = try PackSource.directory(dir.path)
            Issue.record("a 1 GB pack must be refused")
        } catch {
            #expect(error.kind == .tooLarge)
            #expect(error.message == "the rule pack's files hold at least 1 000 000 008 bytes; the limit is 33 554 432")
        }
    }
}

// Where a streaming report goes: a string in memory (tests, `Reporter.report`), stdout, or a
// report file written atomically; and the spool a reporter parks a part in when its format
// wants that part after something only the end of the run knows (docs/architecture.md,
// "A run, streamed").
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Text written piece by piece.
public protocol ReportSink: AnyObject {
    func write(_ text: String)
}

/// Text kept in memory.
public final class StringSink: ReportSink {
    public private(set) var text = ""

    public init() {}

    public func write(_ text: String) { self.text += text }
}

/// Text neutralised for its format (OutputSafety) before it reaches `target`: kept until a
/// line is complete, since neutralising works line by line, and passed on in chunks.
public final class NeutralizingSink: ReportSink {
    private let target: any ReportSink
    private let syntax: OutputSafety.Syntax
    private let colour: Bool
    private var pending = ""
    /// Text is passed on once this many bytes wait.
    static let chunk = 64 * 1024

    public init(_ target: any ReportSink, syntax: OutputSafety.Syntax, colour: Bool = false) {
        self.target = target
        self.syntax = syntax
        self.colour = colour
    }

    public func write(_ text: String) {
        pending += text
        guard pending.utf8.count >= NeutralizingSink.chunk, let newline = pending.utf8.lastIndex(of: UInt8(ascii: "\n")) else { return }
        let end = pending.utf8.index(after: newline)
        target.write(OutputSafety.neutralize(String(pending[..<end]), syntax, colour: colour))
        pending = String(pending[end...])
    }

    /// Passes on what is left.
    public func flush() {
        guard !pending.isEmpty else { return }
        target.write(OutputSafety.neutralize(pending, syntax, colour: colour))
        pending = ""
    }
}

/// Writes to a file descriptor (stdout, stderr) as the text comes.
public final class FileDescriptorSink: ReportSink, @unchecked Sendable {
    private let handle: FileHandle

    public init(_ handle: FileHandle) { self.handle = handle }

    public static let standardOutput = FileDescriptorSink(.standardOutput)
    public static let standardError = FileDescriptorSink(.standardError)

    public func write(_ text: String) {
        handle.write(Data(text.utf8))
    }
}

/// A part of a report parked in an unnamed temporary file until the reporter writes it out,
/// so that the part's size costs disk, not memory. Without a temporary folder it stays in
/// memory.
final class Spool {
    private var file: UnsafeMutablePointer<FILE>?
    private var memory = ""
    private var buffer = ""
    /// After a failed write (a full disk) the rest stays in memory, after what the file holds.
    private var fileFailed = false
    private(set) var isEmpty = true

    init() {
        file = tmpfile()
    }

    deinit {
        if let file { fclose(file) }
    }

    func write(_ text: String) {
        guard !text.isEmpty else { return }
        isEmpty = false
        guard file != nil, !fileFailed else {
            memory += text
            return
        }
        buffer += text
        if buffer.utf8.count >= 64 * 1024 { spill() }
    }

    private func spill() {
        guard let file, !buffer.isEmpty else { return }
        var bytes = Array(buffer.utf8)
        let written = fwrite(&bytes, 1, bytes.count, file)
        if written != bytes.count {
            // The disk is full: keep the rest in memory rather than lose it.
            fileFailed = true
            memory = String(decoding: bytes[written...], as: UTF8.self) + memory
        }
        buffer = ""
    }

    /// Writes everything parked to `sink`, in pieces, and empties the spool.
    func drain(into sink: any ReportSink) {
        if let file {
            spill()
            rewind(file)
            var chunk = [UInt8](repeating: 0, count: 256 * 1024)
            var carry: [UInt8] = []
            while true {
                let n = fread(&chunk, 1, chunk.count, file)
                if n == 0 { break }
                var bytes = carry + chunk[0..<n]
                // A chunk may end inside a character: keep its bytes for the next one.
                let cut = Spool.completeLength(bytes)
                carry = Array(bytes[cut...])
                bytes.removeSubrange(cut...)
                sink.write(String(decoding: bytes, as: UTF8.self))
            }
            if !carry.isEmpty { sink.write(String(decoding: carry, as: UTF8.self)) }
            rewind(file)
            _ = ftruncate(fileno(file), 0)
        }
        if !memory.isEmpty { sink.write(memory) }
        memory = ""
        fileFailed = false
        isEmpty = true
    }

    /// The length of the longest prefix of `bytes` that does not end inside a UTF-8 character.
    static func completeLength(_ bytes: [UInt8]) -> Int {
        var lead = bytes.count - 1
        while lead >= 0, bytes.count - lead <= 4, bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
        guard lead >= 0 else { return bytes.count }
        let b = bytes[lead]
        let length = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
        return lead + length <= bytes.count ? bytes.count : lead
    }
}

// The zip container of a .docx or .odt file, opened with limits.
//
// A .docx is a zip of XML parts. Before ZIPFoundation reads any entry, the central
// directory is walked here to refuse what no office program writes and what would cost
// unbounded time or memory:
//   - more than `maxEntries` entries, or more than `maxTotalSize` bytes declared uncompressed;
//   - an entry path that is absolute or climbs out with `..`;
//   - an encrypted entry (a password-protected Word file is not a zip at all: see
//     `WordPlanReader.sniff`);
//   - a part that would be read (XML) that declares more than `maxPartSize` bytes, or that
//     expands more than `maxRatio` times (a zip bomb);
//   - macros (`vbaProject.bin`, a .docm).
// Parts are decompressed only when read, and decompression stops at the declared size or
// the limit, whichever is smaller: a lying header cannot make it unbounded. Images and
// other media are never decompressed.
import Foundation
import ZIPFoundation

struct WordContainer {
    static let maxEntries = 5_000
    static let maxTotalSize: UInt64 = 512 * 1024 * 1024
    /// 10 000 000 bytes: Foundation's XMLParser hands libxml2 the whole part at once, and
    /// libxml2 without its 'huge' option refuses input over that (XML_MAX_LOOKUP_LIMIT) as
    /// broken XML at the last line; a larger limit would call a sound but big document damaged.
    static let maxPartSize: UInt64 = 10_000_000
    static let maxReadTotal: UInt64 = 64 * 1024 * 1024
    static let maxRatio: UInt64 = 200

    let file: String
    private let archive: Archive
    private var entries: [String: Entry] = [:]
    /// The central directory's entries (with the sizes they declare), by path.
    private var listed: [String: DirectoryEntry] = [:]
    /// Entry paths in archive order.
    private(set) var paths: [String] = []
    private var readSoFar: UInt64 = 0

    init(data: Data, file: String) throws(InputError) {
        self.file = file
        let directory = try Self.scanCentralDirectory(data, file: file)
        // Read through a file, never through ZIPFoundation's in-memory archive: its memory
        // file lets a seek go past the end of the data and then traps on the next read
        // (a damaged document crashed the process; found by fuzzing twice, and the upstream
        // fix, weichsel/ZIPFoundation#394, is not released). A file read past its end is a
        // short read, which ZIPFoundation reports as an error.
        let backing: DocumentFile
        do {
            backing = try DocumentFile(data)
        } catch {
            throw InputError(.unreadable, file: file, Messages.noTemporaryFile(error))
        }
        do {
            archive = try Archive(url: URL(fileURLWithPath: backing.path), accessMode: .read)
        } catch {
            throw InputError(.damagedDocument, file: file, Messages.damaged)
        }
        backing.release()
        for entry in archive {
            entries[entry.path] = entry
            paths.append(entry.path)
        }
        for d in directory { listed[d.path] = d }
        if entries.count != directory.count {
            throw InputError(.damagedDocument, file: file, Messages.damaged)
        }
    }

    func contains(_ path: String) -> Bool { entries[path] != nil }

    /// The uncompressed bytes of one part, or nil when the archive has no such entry.
    mutating func part(_ path: String) throws(InputError) -> Data? {
        guard let entry = entries[path] else { return nil }
        // An entry with a data descriptor takes its sizes from it; sizes that differ from
        // the central directory's are damage (read as they are, they could be any 64-bit
        // number: found by fuzzing).
        if let d = listed[path], d.uncompressedSize != entry.uncompressedSize || d.compressedSize != entry.compressedSize {
            throw InputError(.damagedDocument, file: file, Messages.damagedPart(path))
        }
        let declared = entry.uncompressedSize
        if declared > 1_048_576, entry.compressedSize > 0, declared / max(1, entry.compressedSize) > Self.maxRatio {
            throw InputError(.unsafeDocument, file: file, Messages.bomb(path))
        }
        if declared > Self.maxPartSize {
            throw InputError(.unsafeDocument, file: file, Messages.partTooLarge(path, declared))
        }
        if readSoFar + declared > Self.maxReadTotal {
            throw InputError(.unsafeDocument, file: file, Messages.bomb(path))
        }
        var out = Data()
        out.reserveCapacity(Int(declared))
        let limit = Int(declared)
        do {
            _ = try archive.extract(entry, bufferSize: 64 * 1024, skipCRC32: false) { chunk in
                if out.count + chunk.count > limit { throw ContainerStop.overDeclared }
                out.append(chunk)
            }
        } catch ContainerStop.overDeclared {
            throw InputError(.unsafeDocument, file: file, Messages.bomb(path))
        } catch {
            throw InputError(.damagedDocument, file: file, Messages.damagedPart(path))
        }
        readSoFar += UInt64(out.count)
        return out
    }

    private enum ContainerStop: Error { case overDeclared }

    /// What the central directory says about each entry.
    struct DirectoryEntry {
        var path: String
        var flags: UInt16
        var compressedSize: UInt64
        var uncompressedSize: UInt64
    }

    /// Walks the central directory without decompressing anything and refuses what the
    /// limits forbid. Returns the entries.
    static func scanCentralDirectory(_ data: Data, file: String) throws(InputError) -> [DirectoryEntry] {
        let bytes = [UInt8](data)
        let n = bytes.count
        func u16(_ i: Int) -> Int { Int(bytes[i]) | Int(bytes[i + 1]) << 8 }
        func u32(_ i: Int) -> UInt64 { UInt64(u16(i)) | UInt64(u16(i + 2)) << 16 }
        // The end-of-central-directory record: in the last 64 KiB + 22 bytes.
        var eocd = -1
        var i = n - 22
        let lowest = max(0, n - 22 - 65_535)
        while i >= lowest {
            if bytes[i] == 0x50, bytes[i + 1] == 0x4B, bytes[i + 2] == 0x05, bytes[i + 3] == 0x06 { eocd = i; break }
            i -= 1
        }
        guard eocd >= 0 else { throw InputError(.damagedDocument, file: file, Messages.damaged) }
        let count = u16(eocd + 10)
        let size = Int(u32(eocd + 12))
        let offset = Int(u32(eocd + 16))
        if count > maxEntries { throw InputError(.unsafeDocument, file: file, Messages.tooManyEntries(count)) }
        guard count != 0xFFFF, offset != 0xFFFF_FFFF, offset >= 0, offset + size <= eocd else {
            throw InputError(.damagedDocument, file: file, Messages.damaged)
        }
        var result: [DirectoryEntry] = []
        var total: UInt64 = 0
        var p = offset
        for _ in 0..<count {
            guard p + 46 <= n, bytes[p] == 0x50, bytes[p + 1] == 0x4B, bytes[p + 2] == 0x01, bytes[p + 3] == 0x02 else {
                throw InputError(.damagedDocument, file: file, Messages.damaged)
            }
            let flags = UInt16(u16(p + 8))
            let compressed = u32(p + 20)
            let uncompressed = u32(p + 24)
            let nameLength = u16(p + 28)
            let extraLength = u16(p + 30)
            let commentLength = u16(p + 32)
            guard p + 46 + nameLength <= n else { throw InputError(.damagedDocument, file: file, Messages.damaged) }
            // The entry's local header and data lie before the central directory: what points
            // elsewhere is damage (ZIPFoundation's reads past the end are short reads of the
            // DocumentFile, but a clear message here is better than whatever read fails first).
            // A plan needs no ZIP64: its 0xFFFFFFFF markers are refused too.
            let local = u32(p + 42)
            guard local != 0xFFFF_FFFF, compressed != 0xFFFF_FFFF, uncompressed != 0xFFFF_FFFF,
                  Int(local) + 30 <= offset, bytes[Int(local)] == 0x50, bytes[Int(local) + 1] == 0x4B,
                  bytes[Int(local) + 2] == 0x03, bytes[Int(local) + 3] == 0x04,
                  Int(local) + 30 + u16(Int(local) + 26) + u16(Int(local) + 28) + Int(compressed) <= offset else {
                throw InputError(.damagedDocument, file: file, Messages.damaged)
            }
            let path = String(decoding: bytes[(p + 46)..<(p + 46 + nameLength)], as: UTF8.self)
            if flags & 1 != 0 { throw InputError(.damagedDocument, file: file, Messages.encrypted) }
            let parts = path.replacingOccurrences(of: "\\", with: "/").split(separator: "/", omittingEmptySubsequences: false)
            if path.hasPrefix("/") || path.hasPrefix("\\") || path.contains(":") || parts.contains("..") {
                throw InputError(.unsafeDocument, file: file, Messages.pathEscapes(path))
            }
            let lower = path.lowercased()
            if lower.hasSuffix("vbaproject.bin") || lower.hasPrefix("basic/") || lower.hasPrefix("scripts/") {
                throw InputError(.unsafeDocument, file: file, Messages.macros)
            }
            total += uncompressed
            if total > maxTotalSize { throw InputError(.unsafeDocument, file: file, Messages.totalTooLarge(total)) }
            result.append(DirectoryEntry(path: path, flags: flags, compressedSize: compressed, uncompressedSize: uncompressed))
            p += 46 + nameLength + extraLength + commentLength
        }
        return result
    }

    /// The messages of the container (Catalogue.document).
    enum Messages {
        static var damaged: Localized { Catalogue.document.damaged.localized() }
        static func damagedPart(_ path: String) -> Localized { Catalogue.document.damagedPart.localized(["part": .text(path)]) }
        static var encrypted: Localized { Catalogue.document.encrypted.localized() }
        static var macros: Localized { Catalogue.document.macros.localized() }
        static func tooManyEntries(_ n: Int) -> Localized {
            Catalogue.document.tooManyEntries.localized(["n": .number(n), "limit": .number(maxEntries)])
        }
        static func totalTooLarge(_ bytes: UInt64) -> Localized {
            Catalogue.document.totalTooLarge.localized(["mb": .number(Int(clamping: bytes / 1_048_576)), "limit": .number(Int(maxTotalSize / 1_048_576))])
        }
        static func partTooLarge(_ path: String, _ bytes: UInt64) -> Localized {
            Catalogue.document.partTooLarge.localized(["part": .text(path), "bytes": .text(BoundedFile.bytes(bytes)), "limit": .text(BoundedFile.bytes(maxPartSize))])
        }
        static func noTemporaryFile(_ failure: DocumentFile.Failure) -> Localized {
            Catalogue.document.noTemporaryFile.localized(["folder": .text(failure.folder), "reason": .text(failure.reason)])
        }
        static func bomb(_ path: String) -> Localized { Catalogue.document.bomb.localized(["part": .text(path)]) }
        static func pathEscapes(_ path: String) -> Localized { Catalogue.document.pathEscapes.localized(["part": .text(path)]) }
    }
}

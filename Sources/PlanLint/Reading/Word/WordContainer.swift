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
    static let maxPartSize: UInt64 = 24 * 1024 * 1024
    static let maxReadTotal: UInt64 = 64 * 1024 * 1024
    static let maxRatio: UInt64 = 200

    let file: String
    private let archive: Archive
    private var entries: [String: Entry] = [:]
    /// Entry paths in archive order.
    private(set) var paths: [String] = []
    private var readSoFar: UInt64 = 0

    init(data: Data, file: String) throws(InputError) {
        self.file = file
        let directory = try Self.scanCentralDirectory(data, file: file)
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw InputError(.damagedDocument, file: file, Messages.damaged)
        }
        for entry in archive {
            entries[entry.path] = entry
            paths.append(entry.path)
        }
        if entries.count != directory.count {
            throw InputError(.damagedDocument, file: file, Messages.damaged)
        }
    }

    func contains(_ path: String) -> Bool { entries[path] != nil }

    /// The uncompressed bytes of one part, or nil when the archive has no such entry.
    mutating func part(_ path: String) throws(InputError) -> Data? {
        guard let entry = entries[path] else { return nil }
        let declared = entry.uncompressedSize
        if declared > Self.maxPartSize {
            throw InputError(.unsafeDocument, file: file, Messages.partTooLarge(path, declared))
        }
        if declared > 1_048_576, entry.compressedSize > 0, declared / max(1, entry.compressedSize) > Self.maxRatio {
            throw InputError(.unsafeDocument, file: file, Messages.bomb(path))
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

    enum Messages {
        static let damaged = Localized(
            fi: "tiedosto ei ole ehjä Word- tai OpenDocument-asiakirja (zip-arkisto on katkennut tai vioittunut); tallenna asiakirja uudelleen .docx-muodossa",
            sv: "filen är inte ett helt Word- eller OpenDocument-dokument (zip-arkivet är avkortat eller skadat); spara dokumentet på nytt som .docx",
            en: "the file is not an intact Word or OpenDocument document (the zip archive is truncated or damaged); save the document again as .docx")
        static func damagedPart(_ path: String) -> Localized {
            Localized(fi: "asiakirjan osa \(path) on vioittunut; tallenna asiakirja uudelleen .docx-muodossa",
                      sv: "dokumentdelen \(path) är skadad; spara dokumentet på nytt som .docx",
                      en: "the document part \(path) is damaged; save the document again as .docx")
        }
        static let encrypted = Localized(
            fi: "asiakirja on salattu tai suojattu salasanalla; poista salasana (Tiedosto > Tiedot > Suojaa asiakirja) ja tallenna .docx-muodossa",
            sv: "dokumentet är krypterat eller lösenordsskyddat; ta bort lösenordet (Arkiv > Information > Skydda dokument) och spara som .docx",
            en: "the document is encrypted or protected with a password; remove the password (File > Info > Protect Document) and save as .docx")
        static let macros = Localized(
            fi: "asiakirjassa on makroja (.docm); planlint ei lue makroja sisältäviä tiedostoja: tallenna asiakirja tavallisena .docx-tiedostona",
            sv: "dokumentet innehåller makron (.docm); planlint läser inte filer med makron: spara dokumentet som en vanlig .docx-fil",
            en: "the document contains macros (.docm); planlint does not read files with macros: save the document as a plain .docx")
        static func tooManyEntries(_ n: Int) -> Localized {
            Localized(fi: "arkistossa on \(n) osaa; enintään \(maxEntries) luetaan (asiakirja ei näytä tekstinkäsittelyohjelman tallentamalta)",
                      sv: "arkivet har \(n) delar; högst \(maxEntries) läses (dokumentet ser inte ut att vara sparat av ett ordbehandlingsprogram)",
                      en: "the archive has \(n) entries; at most \(maxEntries) are read (the document does not look like one a word processor saved)")
        }
        static func totalTooLarge(_ bytes: UInt64) -> Localized {
            let mb = bytes / 1_048_576, limit = maxTotalSize / 1_048_576
            return Localized(fi: "arkisto purkautuisi yli \(mb) megatavuksi; raja on \(limit) Mt (zip-pommi?)",
                             sv: "arkivet skulle packas upp till över \(mb) MB; gränsen är \(limit) MB (zip-bomb?)",
                             en: "the archive would expand to more than \(mb) MB; the limit is \(limit) MB (a zip bomb?)")
        }
        static func partTooLarge(_ path: String, _ bytes: UInt64) -> Localized {
            let mb = bytes / 1_048_576, limit = maxPartSize / 1_048_576
            return Localized(fi: "asiakirjan osa \(path) on \(mb) Mt; raja on \(limit) Mt",
                             sv: "dokumentdelen \(path) är \(mb) MB; gränsen är \(limit) MB",
                             en: "the document part \(path) is \(mb) MB; the limit is \(limit) MB")
        }
        static func bomb(_ path: String) -> Localized {
            Localized(fi: "asiakirjan osa \(path) purkautuu epäilyttävän suureksi (zip-pommi); asiakirjaa ei lueta",
                      sv: "dokumentdelen \(path) packas upp till en misstänkt storlek (zip-bomb); dokumentet läses inte",
                      en: "the document part \(path) expands to a suspicious size (a zip bomb); the document is not read")
        }
        static func pathEscapes(_ path: String) -> Localized {
            Localized(fi: "arkiston polku \"\(path)\" osoittaa arkiston ulkopuolelle; asiakirjaa ei lueta",
                      sv: "arkivsökvägen \"\(path)\" pekar utanför arkivet; dokumentet läses inte",
                      en: "the archive path \"\(path)\" points outside the archive; the document is not read")
        }
    }
}

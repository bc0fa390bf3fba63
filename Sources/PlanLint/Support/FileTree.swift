// Listing the files under a folder as bytes, so that no file is silently left out.
//
// File names on Linux are bytes. A name that is not valid UTF-8 cannot be shown or named
// in a report, so it is reported (a file planlint would have read, or a folder it would have
// searched), never skipped in silence. Symbolic links are followed, and each folder is
// searched once (by device and inode), so a link loop ends; a path longer than PATH_MAX is
// reported. Each folder is read whole and closed
// before its subfolders, so depth never costs open descriptors.
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Files under a folder.
public enum FileTree {
    /// A file found: its path relative to the root, and the full path.
    public struct Entry: Sendable, Equatable {
        public var relative: String
        public var path: String
    }

    /// A name or path that could not be used, with the reason.
    public struct Problem: Sendable, Equatable {
        public var path: String
        public var message: String
    }

    /// The files under `root` for which `wanted` holds (given the lower-cased extension),
    /// sorted by path. Names for which `skip` holds are left out with their contents.
    public static func files(under root: String, wanted: (String) -> Bool, skip: (String) -> Bool = { _ in false }) -> (entries: [Entry], problems: [Problem]) {
        var entries: [Entry] = []
        var problems: [Problem] = []
        var pending: [(relative: String, path: String)] = [("", root)]
        // Folders by device and inode: each is searched once, so links cannot loop.
        var seen = Set<[UInt64]>()
        var rootInfo = stat()
        if stat(root, &rootInfo) == 0 { seen.insert([UInt64(rootInfo.st_dev), UInt64(rootInfo.st_ino)]) }
        while let folder = pending.popLast() {
            guard let dir = opendir(folder.path) else {
                problems.append(Problem(path: folder.path, message: "cannot read the folder: \(String(cString: strerror(errno)))"))
                continue
            }
            var names: [(name: String?, raw: [UInt8], isFolder: Bool, identity: [UInt64])] = []
            while let item = readdir(dir) {
                let raw = withUnsafeBytes(of: item.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
                if raw == [0x2E] || raw == [0x2E, 0x2E] { continue }
                var info = stat()
                let isFolder = raw.withUnsafeBufferPointer { buffer -> Bool in
                    var cName = buffer.map { CChar(bitPattern: $0) }
                    cName.append(0)
                    // A link to a folder counts as the folder.
                    return fstatat(dirfd(dir), cName, &info, 0) == 0 && info.st_mode & S_IFMT == S_IFDIR
                }
                names.append((String(validating: raw, as: UTF8.self), raw, isFolder, [UInt64(info.st_dev), UInt64(info.st_ino)]))
            }
            closedir(dir)
            for item in names {
                guard let name = item.name else {
                    if skip(String(decoding: item.raw, as: UTF8.self)) { continue }
                    let shown = (folder.path as NSString).appendingPathComponent(String(decoding: item.raw, as: UTF8.self))
                    let ext = (shown as NSString).pathExtension.lowercased()
                    if item.isFolder || wanted(ext) {
                        let what = item.isFolder ? "a folder" : "a file"
                        problems.append(Problem(path: shown, message: "the name of \(what) here is not valid UTF-8 (shown with U+FFFD); planlint cannot name it in a report, so rename it"))
                    }
                    continue
                }
                if skip(name) { continue }
                let relative = folder.relative.isEmpty ? name : folder.relative + "/" + name
                let path = (folder.path as NSString).appendingPathComponent(name)
                if path.utf8.count >= Int(PATH_MAX) {
                    if item.isFolder || wanted((name as NSString).pathExtension.lowercased()) {
                        problems.append(Problem(path: path, message: BoundedFile.Failure.nameTooLong.message))
                    }
                    continue
                }
                if item.isFolder {
                    if seen.insert(item.identity).inserted { pending.append((relative, path)) }
                } else if wanted((name as NSString).pathExtension.lowercased()) {
                    entries.append(Entry(relative: relative, path: path))
                }
            }
        }
        entries.sort { $0.path < $1.path }
        return (entries, problems)
    }

    /// Whether `path` came from a command-line argument that is not valid UTF-8 (the
    /// argument list decodes such bytes as U+FFFD, so the path names no file).
    public static func isUndecodableArgument(_ path: String) -> Bool {
        guard path.unicodeScalars.contains("\u{FFFD}") else { return false }
        for i in 0..<Int(CommandLine.argc) {
            guard let pointer = CommandLine.unsafeArgv[i] else { continue }
            let raw = Array(UnsafeBufferPointer(start: pointer, count: strlen(pointer))).map { UInt8(bitPattern: $0) }
            if String(validating: raw, as: UTF8.self) == nil, String(decoding: raw, as: UTF8.self) == path { return true }
        }
        return false
    }
}

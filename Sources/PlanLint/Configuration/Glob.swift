// Path globs of the configuration: `overrides[].files` and `waivers[].plan`.
//
// A glob is matched against a plan's path relative to the configuration file's folder, with
// `/` between folders: `*` matches within one folder name, `**` any number of folders
// (`plans/**/*.md`, `**/luonnos-*.md`), `?` one character. A glob without `/` matches the file
// name in any folder, as in .gitignore.
import Foundation

/// Glob matching for configuration paths.
public enum Glob {
    /// True when `path` (relative, `/`-separated) matches `pattern`.
    public static func matches(_ pattern: String, _ path: String) -> Bool {
        var pattern = pattern
        if pattern.hasPrefix("./") { pattern.removeFirst(2) }
        if !pattern.contains("/") { pattern = "**/" + pattern }
        return match(Array(pattern.split(separator: "/", omittingEmptySubsequences: true)),
                     Array(path.split(separator: "/", omittingEmptySubsequences: true)))
    }

    private static func match(_ p: [Substring], _ s: [Substring]) -> Bool {
        guard let first = p.first else { return s.isEmpty }
        if first == "**" {
            let rest = Array(p.dropFirst())
            for i in 0...s.count where match(rest, Array(s[i...])) { return true }
            return false
        }
        guard let head = s.first, segment(Array(first), Array(head)) else { return false }
        return match(Array(p.dropFirst()), Array(s.dropFirst()))
    }

    /// One folder or file name against one pattern segment (`*`, `?`, literal characters).
    private static func segment(_ p: [Character], _ s: [Character]) -> Bool {
        var pi = 0, si = 0
        var star = -1, mark = 0
        while si < s.count {
            if pi < p.count, p[pi] == "?" || p[pi] == s[si] {
                pi += 1
                si += 1
            } else if pi < p.count, p[pi] == "*" {
                star = pi
                mark = si
                pi += 1
            } else if star >= 0 {
                pi = star + 1
                mark += 1
                si = mark
            } else {
                return false
            }
        }
        while pi < p.count, p[pi] == "*" { pi += 1 }
        return pi == p.count
    }
}

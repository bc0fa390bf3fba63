// Path globs of the configuration: `overrides[].files` and `waivers[].plan`.
//
// A glob is matched against a plan's path relative to the configuration file's folder, with
// `/` between folders: `*` matches within one folder name, `**` any number of folders
// (`plans/**/*.md`, `**/luonnos-*.md`), `?` one character. A glob without `/` matches the file
// name in any folder, as in .gitignore.
import Foundation

/// Glob matching for configuration paths.
public enum Glob {
    /// The most folders a pattern or a path may have; deeper ones match nothing.
    static let maxSegments = 512

    /// True when `path` (relative, `/`-separated) matches `pattern`.
    public static func matches(_ pattern: String, _ path: String) -> Bool {
        var pattern = pattern
        if pattern.hasPrefix("./") { pattern.removeFirst(2) }
        if !pattern.contains("/") { pattern = "**/" + pattern }
        let p = pattern.split(separator: "/", omittingEmptySubsequences: true)
        let s = path.split(separator: "/", omittingEmptySubsequences: true)
        // No real path is this deep; the bound keeps the recursion below shallow.
        guard p.count <= maxSegments, s.count <= maxSegments else { return false }
        // Pattern position × path position, each decided once: linear in their product,
        // whatever mix of `**` and `*` a pattern has.
        var memo: [Int: Bool] = [:]
        func match(_ pi: Int, _ si: Int) -> Bool {
            let key = pi * (s.count + 1) + si
            if let known = memo[key] { return known }
            let result: Bool
            if pi == p.count {
                result = si == s.count
            } else if p[pi] == "**" {
                result = match(pi + 1, si) || (si < s.count && match(pi, si + 1))
            } else {
                result = si < s.count && segment(Array(p[pi]), Array(s[si])) && match(pi + 1, si + 1)
            }
            memo[key] = result
            return result
        }
        return match(0, 0)
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

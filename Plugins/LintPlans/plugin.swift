// Command plugin: `swift package lint-plans [options] [paths]` checks a package's welfare plans
// with planlint, built from source as a dependency of the plugin.
//
// Settings come from `.planlint.yaml` at the package root (Configuration.swift), and the
// command line adds to them: a path given replaces the configured paths, a scalar option
// given (`--format html`) wins over the file, `--pack` and `--exclude-pack` add to its lists.
// Without paths anywhere, `plans/` or else `Examples/` is checked. The plugin only reads the
// package and writes planlint's report to standard output, so it needs no permission:
// `swift package lint-plans --format html > report.html`.
import Foundation
import PackagePlugin

@main
struct LintPlans: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        let root = context.package.directoryURL
        let planlint = try context.tool(named: "planlint")
        let config: Configuration
        do {
            config = try Configuration.load(root.appendingPathComponent(".planlint.yaml"), shownAs: ".planlint.yaml") ?? Configuration()
        } catch let problem as Configuration.Problem {
            FileHandle.standardError.write(Data((problem.description + "\n").utf8))
            exit(2)
        }
        let arguments = try LintArguments.make(config: config, commandLine: arguments, root: root)
        let process = Process()
        process.executableURL = planlint.url
        process.arguments = ["lint"] + arguments
        process.currentDirectoryURL = root
        process.standardOutput = FileHandle.standardOutput
        process.standardError = FileHandle.standardError
        try process.run()
        process.waitUntilExit()
        // planlint's exit code is the plugin's (1 findings, 2 unreadable input, 64 usage);
        // `swift package` itself then exits 1.
        if process.terminationStatus != 0 {
            exit(process.terminationStatus)
        }
    }
}

/// The arguments of `planlint lint`, from the configuration and the command line.
enum LintArguments {
    /// Options of `planlint lint` that take a value, so that the value is not taken for a path.
    static let valued: Set<String> = ["--pack", "--exclude-pack", "--as-of", "--fail-on", "--format", "--lang", "--output", "--color"]

    static func make(config: Configuration, commandLine: [String], root: URL) throws -> [String] {
        var given = Set<String>()
        var paths: [String] = []
        var options: [String] = []
        var i = 0
        while i < commandLine.count {
            let a = commandLine[i]
            if a.hasPrefix("--") {
                let name = String(a.split(separator: "=", maxSplits: 1)[0])
                given.insert(name)
                options.append(a)
                if !a.contains("="), valued.contains(name), i + 1 < commandLine.count {
                    options.append(commandLine[i + 1])
                    i += 1
                }
            } else if a.hasPrefix("-") && a != "-" {
                options.append(a)
            } else {
                paths.append(a)
            }
            i += 1
        }

        var out: [String] = []
        for p in config.packs { out += ["--pack", p] }
        for p in config.excludePacks { out += ["--exclude-pack", p] }
        if let v = config.asOf, !given.contains("--as-of") { out += ["--as-of", v] }
        if let v = config.failOn, !given.contains("--fail-on") { out += ["--fail-on", v] }
        if let v = config.format, !given.contains("--format") { out += ["--format", v] }
        if let v = config.lang, !given.contains("--lang") { out += ["--lang", v] }
        out += options

        if paths.isEmpty { paths = config.paths }
        if paths.isEmpty {
            let fm = FileManager.default
            if let found = ["plans", "Examples"].first(where: { fm.fileExists(atPath: root.appendingPathComponent($0).path) }) {
                paths = [found]
            } else {
                FileHandle.standardError.write(Data("lint-plans: error: no plans to check: there is no plans/ or Examples/ folder; give paths in .planlint.yaml (paths: [...]) or on the command line\n".utf8))
                exit(2)
            }
        }
        return out + paths
    }
}

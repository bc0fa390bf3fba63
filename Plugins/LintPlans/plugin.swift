// Command plugin: `swift package lint-plans [options] [paths]` checks a package's welfare plans
// with planlint, built from source as a dependency of the plugin.
//
// The plugin does not read `.planlint.yaml` itself: planlint does (one reader, in the
// library). The plugin hands the file at the package root to planlint with `--config`, and
// passes its own arguments on; planlint decides what wins (a flag over the file). Without
// paths on the command line or in the file, `plans/` or else `Examples/` is checked: the
// plugin asks `planlint config --json` whether the file gives paths. The plugin only reads the
// package and writes planlint's report to standard output, so it needs no permission:
// `swift package lint-plans --format html > report.html`.
import Foundation
import PackagePlugin

@main
struct LintPlans: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        let root = context.package.directoryURL
        let planlint = try context.tool(named: "planlint").url
        let (options, givenPaths) = LintArguments.split(arguments)
        var config: [String] = []
        if !options.contains(where: { $0 == "--config" || $0.hasPrefix("--config=") }),
           FileManager.default.fileExists(atPath: root.appendingPathComponent(".planlint.yaml").path) {
            config = ["--config", ".planlint.yaml"]
        }
        var paths = givenPaths
        if paths.isEmpty {
            // planlint reads the file (and refuses a bad one, exit 2) and says where `paths` came from.
            let (status, output) = run(planlint, ["config", "--json"] + config, in: root, capture: true)
            if status != 0 { exit(status) }
            if LintArguments.pathsAreDefault(output) {
                let fm = FileManager.default
                guard let found = ["plans", "Examples"].first(where: { fm.fileExists(atPath: root.appendingPathComponent($0).path) }) else {
                    FileHandle.standardError.write(Data("lint-plans: error: no plans to check: there is no plans/ or Examples/ folder; give paths in .planlint.yaml (paths: [...]) or on the command line\n".utf8))
                    exit(2)
                }
                paths = [found]
            }
        }
        let (status, _) = run(planlint, ["lint"] + config + options + paths, in: root, capture: false)
        // planlint's exit code is the plugin's (1 findings, 2 unreadable input, 64 usage);
        // `swift package` itself then exits 1.
        if status != 0 { exit(status) }
    }

    /// Runs planlint in the package root; its standard error is the plugin's.
    private func run(_ tool: URL, _ arguments: [String], in folder: URL, capture: Bool) -> (Int32, Data) {
        let process = Process()
        process.executableURL = tool
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let pipe = Pipe()
        process.standardOutput = capture ? pipe : FileHandle.standardOutput
        process.standardError = FileHandle.standardError
        do {
            try process.run()
        } catch {
            FileHandle.standardError.write(Data("lint-plans: error: cannot run planlint: \(error)\n".utf8))
            return (2, Data())
        }
        let data = capture ? pipe.fileHandleForReading.readDataToEndOfFile() : Data()
        process.waitUntilExit()
        return (process.terminationStatus, data)
    }
}

/// The plugin's arguments, split into planlint options and plan paths.
enum LintArguments {
    /// Options of `planlint lint` that take a value, so that the value is not taken for a path.
    static let valued: Set<String> = ["--pack", "--exclude-pack", "--as-of", "--fail-on", "--format", "--lang", "--output", "--color",
                                      "--config", "--baseline", "--write-baseline"]

    static func split(_ commandLine: [String]) -> (options: [String], paths: [String]) {
        var paths: [String] = []
        var options: [String] = []
        var i = 0
        while i < commandLine.count {
            let a = commandLine[i]
            if a.hasPrefix("--") {
                options.append(a)
                let name = String(a.split(separator: "=", maxSplits: 1)[0])
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
        return (options, paths)
    }

    /// True when `planlint config --json` says `paths` is the default (not from the file).
    static func pathsAreDefault(_ json: Data) -> Bool {
        struct Output: Decodable {
            struct Entry: Decodable { var key: String; var origin: String }
            var settings: [Entry]
        }
        guard let output = try? JSONDecoder().decode(Output.self, from: json) else { return true }
        return output.settings.first(where: { $0.key == "paths" })?.origin == "default"
    }
}

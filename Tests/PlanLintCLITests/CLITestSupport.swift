// Runs the built planlint binary as a user would, capturing output and exit code.
import Foundation

struct RunOutput {
    var status: Int32
    var stdout: String
    var stderr: String
}

enum CLI {
    /// The planlint binary next to the test bundle's resources (the build products folder).
    static var binary: URL {
        Bundle.module.bundleURL.deletingLastPathComponent().appendingPathComponent("planlint")
    }

    /// The repository root (for Examples/ and Rules/).
    static var root: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static var fixtures: URL {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures")
    }

    static func fixture(_ path: String) -> String {
        fixtures.appendingPathComponent(path).path
    }

    /// Runs planlint with `arguments` in `directory` (default: the repository root).
    static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> RunOutput {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? root
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return RunOutput(status: process.terminationStatus,
                         stdout: String(decoding: outData, as: UTF8.self),
                         stderr: String(decoding: errData, as: UTF8.self))
    }
}

import PlanLint
import Testing

extension CLI {
    /// `planlint lint ARGUMENTS` run in-process through the library's entry point
    /// (LintSession), as if started in `directory` (default: the repository root), stdout and
    /// stderr kept in memory. The arguments are those of the command line; the few the
    /// command line itself decides (colours on a terminal, progress) are `color` here.
    static func lint(_ arguments: [String], in directory: URL? = nil, color: Bool = false) throws -> RunOutput {
        var args = arguments
        if args.first == "lint" { args.removeFirst() }
        var flags = CommandLineSettings()
        var options = LintOptions()
        options.color = color
        var rest = args[...]
        while let a = rest.popFirst() {
            let takesValue = ["--as-of", "--lang", "--format", "--output", "--fail-on", "--pack", "--exclude-pack", "--config",
                              "--baseline", "--write-baseline", "--color"].contains(a)
            let v = takesValue ? rest.popFirst() ?? "" : ""
            switch a {
            case "--as-of": flags.asOf = PlanDate(parsing: v)
            case "--lang": flags.lang = Language(rawValue: v)
            case "--format": flags.format = v
            case "--output": flags.outputs.append(v)
            case "--fail-on": flags.failOn = FailLevel(rawValue: v)
            case "-q", "--quiet": options.quiet = true
            case "--pack": flags.packs.append(v)
            case "--exclude-pack": flags.excludePacks.append(v)
            case "--no-default-packs": flags.noDefaultPacks = true
            case "--config": options.configFile = v
            case "--baseline": flags.baseline = v
            case "--write-baseline": options.writeBaseline = v
            case "--color": options.color = v == "always"
            default:
                if a.hasPrefix("-") { throw UnknownOption(name: a) }
                flags.paths.append(a)
            }
        }
        options.flags = flags
        options.workingDirectory = (directory ?? root).standardized.path
        let out = StringSink(), err = StringSink()
        do throws(LintSession.UsageError) {
            let status = try LintSession.run(options, stdout: out, stderr: err)
            return RunOutput(status: status, stdout: out.text, stderr: err.text)
        } catch {
            return RunOutput(status: 64, stdout: out.text, stderr: err.text + "Error: \(error.message)\n")
        }
    }

    struct UnknownOption: Error {
        var name: String
    }
}

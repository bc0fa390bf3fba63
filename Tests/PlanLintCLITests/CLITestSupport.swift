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

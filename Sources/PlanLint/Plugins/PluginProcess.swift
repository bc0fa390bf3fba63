// Running a check plugin as a child process, within limits.
//
// The request is written to the plugin's standard input, which is then closed; the answer is
// read from its standard output, at most `outputLimit` bytes (past that the plugin is killed:
// memory stays bounded whatever it writes); standard error is kept up to 64 KB for the error
// message. A plugin that has not finished within `timeout` seconds is killed with its whole
// process group, so a shell script's children go too.
//
// Foundation's Process rather than swift-subprocess: the engine evaluates checks
// synchronously, on the threads PlanRun spreads plans over, and swift-subprocess has only an
// async API, which would need a bridge from a synchronous check into async code and back; it
// would also add a dependency to every package that uses the PlanLint library. Process is
// enough: it starts the child as the leader of a new process group (posix_spawn with
// POSIX_SPAWN_SETPGROUP, on Linux and macOS), so `kill(-pid, SIGKILL)` reaches everything the
// plugin started, and the pipes are read here with plain read(2) on threads of our own.
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One run of a plugin executable.
enum PluginProcess {
    enum Result: Sendable, Equatable {
        /// The plugin exited (with any status); its output, and the end of its standard error.
        case exited(status: Int32, output: Data, errorOutput: Data)
        /// The plugin was ended by a signal it did not handle.
        case signalled(signal: Int32, errorOutput: Data)
        /// It did not finish within the limit and was killed.
        case timedOut(seconds: Double)
        /// It wrote more than the limit to standard output and was killed.
        case outputTooLarge(limit: Int)
        /// It could not be started.
        case cannotStart(String)
    }

    /// The most of a plugin's standard error kept for messages.
    static let errorOutputLimit = 64 * 1024

    private static let ignoreBrokenPipe: Void = {
        // A plugin that exits without reading its input must not kill planlint with SIGPIPE
        // when the request is written: the write fails with EPIPE instead.
        signal(SIGPIPE, SIG_IGN)
    }()

    static func run(executable: String, arguments: [String], workingDirectory: String, input: Data,
                    timeout: Double, outputLimit: Int) -> Result {
        _ = ignoreBrokenPipe
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: workingDirectory)
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        do {
            try process.run()
        } catch {
            return .cannotStart(error.localizedDescription)
        }
        let pid = process.processIdentifier
        let output = Collector(limit: outputLimit)
        let errors = Collector(limit: errorOutputLimit)
        let readers = DispatchGroup()
        output.onOverflow = { kill(-pid, SIGKILL) }
        for (pipe, collector) in [(stdout, output), (stderr, errors)] {
            readers.enter()
            Thread {
                collector.drain(pipe.fileHandleForReading.fileDescriptor)
                readers.leave()
            }.start()
        }
        Thread {
            let fd = stdin.fileHandleForWriting.fileDescriptor
            // A plugin that stops reading ends the write (EPIPE); its answer says the rest.
            _ = input.withUnsafeBytes { FileDescriptor.writeAll(fd, $0) }
            try? stdin.fileHandleForWriting.close()
        }.start()

        let deadline = DispatchTime.now() + timeout
        let finished = readers.wait(timeout: deadline) == .success && exited.wait(timeout: deadline) == .success
        if !finished {
            // Too slow (or past the output limit): the plugin and every process of its group.
            kill(-pid, SIGKILL)
            kill(pid, SIGKILL)
            _ = exited.wait(timeout: .now() + 5)
            _ = readers.wait(timeout: .now() + 5)
        }
        if output.overflowed { return .outputTooLarge(limit: outputLimit) }
        if !finished { return .timedOut(seconds: timeout) }
        if process.terminationReason == .uncaughtSignal {
            return .signalled(signal: process.terminationStatus, errorOutput: errors.data)
        }
        return .exited(status: process.terminationStatus, output: output.data, errorOutput: errors.data)
    }

    /// Bytes read from a pipe, up to a limit.
    final class Collector: @unchecked Sendable {
        private let lock = NSLock()
        private var bytes = Data()
        private var over = false
        let limit: Int
        var onOverflow: (() -> Void)?

        init(limit: Int) { self.limit = limit }

        var data: Data { lock.withLock { bytes } }
        var overflowed: Bool { lock.withLock { over } }

        /// Reads until end of file; past the limit, calls `onOverflow` once and discards the rest.
        func drain(_ fd: Int32) {
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { return }
                var overflowNow = false
                lock.withLock {
                    guard !over else { return }
                    if bytes.count + n > limit {
                        over = true
                        overflowNow = true
                    } else {
                        bytes.append(contentsOf: buffer[0..<n])
                    }
                }
                if overflowNow { onOverflow?() }
            }
        }
    }
}

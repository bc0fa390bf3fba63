// Reading and checking many plans: the reader reads each file, the engine checks the plan.
// The engine itself reads no file (docs/architecture.md).
import Foundation

/// Checks plan files with an engine, on all cores; the results keep the order of the files.
public enum PlanRun {
    public static func check(files: [String], with engine: Engine, asOf: PlanDate, language: Language? = nil) -> [PlanOutcome] {
        let results = ResultSlots<PlanOutcome>(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { i in
            let outcome: PlanOutcome
            do throws(InputError) {
                let plan = try PlanReader.read(file: files[i])
                outcome = .checked(engine.check(plan, asOf: asOf, language: language))
            } catch {
                outcome = .failed(error)
            }
            results.set(i, outcome)
        }
        return results.values
    }
}

/// Slots filled from several threads, one slot per index.
final class ResultSlots<T>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ value: T) {
        lock.lock()
        slots[i] = value
        lock.unlock()
    }

    var values: [T] { slots.compactMap { $0 } }
}

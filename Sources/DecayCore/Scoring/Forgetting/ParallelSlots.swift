import Foundation

/// Fixed slots that `DispatchQueue.concurrentPerform` workers fill, one index each. Unchecked `Sendable`:
/// the storage never moves and no two workers write the same index; read `values` after the workers finish.
final class ParallelSlots<Element>: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<Element?>

    init(count: Int) {
        self.storage = .allocate(capacity: count)
        self.storage.initialize(repeating: nil)
    }

    deinit {
        self.storage.deinitialize()
        self.storage.deallocate()
    }

    func set(_ index: Int, _ value: Element) {
        self.storage[index] = value
    }

    var values: [Element?] { Array(self.storage) }
}

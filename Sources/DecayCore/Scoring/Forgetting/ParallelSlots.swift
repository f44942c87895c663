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

extension ParallelSlots {
    /// `transform` of every index in `0..<count`, computed on every core (`concurrentPerform`), in index order.
    /// Call it off Swift's cooperative pool.
    static func map(_ count: Int, _ transform: @Sendable (Int) -> Element) -> [Element] {
        let slots = ParallelSlots(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            slots.set(index, transform(index))
        }
        return slots.values.map { $0! }
    }
}

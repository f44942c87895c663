/// SplitMix64: small, fast and reproducible across platforms, so `decay demo --seed N` is deterministic.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        self.state = seed
    }

    /// The stream of `seed` after `draws` calls to `next()`: SplitMix64 steps its state by a constant, so parallel
    /// workers can each start at their own stretch of one stream and still match it draw for draw.
    public init(seed: UInt64, skipping draws: Int) {
        self.state = seed &+ UInt64(draws) &* Self.gamma
    }

    private static let gamma: UInt64 = 0x9E37_79B9_7F4A_7C15

    public mutating func next() -> UInt64 {
        self.state &+= Self.gamma
        var z = self.state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    public mutating func unit() -> Double {
        Double(self.next() >> 11) * 0x1.0p-53
    }

    public mutating func chance(_ probability: Double) -> Bool {
        self.unit() < probability
    }

    public mutating func pick<T>(_ items: [T]) -> T {
        items[Int(self.next() % UInt64(items.count))]
    }

    public mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(self.next() % UInt64(range.count))
    }

    public mutating func uniform(_ low: Double, _ high: Double) -> Double {
        low + (high - low) * self.unit()
    }
}

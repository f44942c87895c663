import Foundation

/// Observations turned into indexed rows plus the counts the verdicts need (people, delay bins, hops per key point).
/// Key points and people keep their order of first appearance, so results are reproducible for a given input order.
struct PreparedObservations: Sendable {
    var rows: [ForgettingObjective.Row] = []
    var keyPointIDs: [String] = []
    var personCount = 0
    var observationsPerKey: [Int] = []
    var peoplePerKey: [Int] = []
    var delayBinsPerKey: [Int] = []
    var delayBins = 0
    /// Distinct hop counts, ascending.
    var hops: [Int] = []
    var meanHops = 0.0
    var totalWeight = 0.0

    /// Keeps rows with positive weight and finite, non-negative days; bins delays by `binDays`.
    init(_ observations: [RecallObservation], binDays: Double) {
        var keyIndex: [String: Int] = [:]
        var personIndex: [String: Int] = [:]
        var peopleSets: [Set<Int>] = []
        var binSets: [Set<Int>] = []
        var allBins = Set<Int>()
        var hopSet = Set<Int>()
        var hopSum = 0.0
        for observation in observations where observation.weight > 0 && observation.days.isFinite && observation.days >= 0 {
            let key = keyIndex[observation.keyPointID] ?? {
                keyIndex[observation.keyPointID] = self.keyPointIDs.count
                self.keyPointIDs.append(observation.keyPointID)
                peopleSets.append([])
                binSets.append([])
                self.observationsPerKey.append(0)
                return self.keyPointIDs.count - 1
            }()
            let person = personIndex[observation.personID] ?? {
                personIndex[observation.personID] = personIndex.count
                return personIndex.count - 1
            }()
            let bin = Int((observation.days / binDays).rounded(.down))
            peopleSets[key].insert(person)
            binSets[key].insert(bin)
            allBins.insert(bin)
            hopSet.insert(max(observation.hops, 0))
            self.observationsPerKey[key] += 1
            hopSum += observation.weight * Double(max(observation.hops, 0))
            self.totalWeight += observation.weight
            self.rows.append(
                ForgettingObjective.Row(
                    keyPoint: key, person: person, days: observation.days, hops: max(observation.hops, 0),
                    guess: min(max(observation.guess, 0), 0.999), correct: observation.correct, weight: observation.weight
                )
            )
        }
        self.personCount = personIndex.count
        self.peoplePerKey = peopleSets.map(\.count)
        self.delayBinsPerKey = binSets.map(\.count)
        self.delayBins = allBins.count
        self.hops = hopSet.sorted()
        self.meanHops = self.totalWeight > 0 ? hopSum / self.totalWeight : 0
    }
}

import Foundation

/// Observations summed into cells of equal covariates (key point, hops, guessing floor, six-hour span of delay),
/// stored as flat arrays, plus each observation's person and cell so a bootstrap resample can re-weight the cells
/// in one pass without copying or hashing anything.
struct ForgettingCells: Sendable {
    var keyPoint: [Int] = []
    /// Weighted mean delay (days) of the cell's observations.
    var days: [Double] = []
    var hops: [Int] = []
    var guess: [Double] = []
    var correctWeight: [Double] = []
    var wrongWeight: [Double] = []

    /// Per observation: its person, its cell, and its weight as correct or wrong (one of the two is 0).
    private(set) var rowPerson: [Int32] = []
    private(set) var rowCell: [Int32] = []
    private(set) var rowCorrect: [Double] = []
    private(set) var rowWrong: [Double] = []

    /// Delays are grouped to six hours (each cell keeps its rows' mean delay): far finer than any half-life
    /// worth reporting, and coarse enough that a bootstrap refit touches a few thousand cells.
    static let cellDays = 0.25

    var count: Int { self.keyPoint.count }

    private struct Key: Hashable {
        var keyPoint: Int
        var hops: Int
        var guess: Double
        var span: Int
    }

    init(_ rows: [ForgettingObjective.Row]) {
        var index: [Key: Int] = [:]
        var daySums: [Double] = []
        var weights: [Double] = []
        self.rowPerson.reserveCapacity(rows.count)
        self.rowCell.reserveCapacity(rows.count)
        self.rowCorrect.reserveCapacity(rows.count)
        self.rowWrong.reserveCapacity(rows.count)
        for row in rows {
            let key = Key(keyPoint: row.keyPoint, hops: row.hops, guess: row.guess, span: Int((row.days / Self.cellDays).rounded()))
            let cell: Int
            if let found = index[key] {
                cell = found
            } else {
                cell = self.keyPoint.count
                index[key] = cell
                self.keyPoint.append(row.keyPoint)
                self.hops.append(row.hops)
                self.guess.append(row.guess)
                self.correctWeight.append(0)
                self.wrongWeight.append(0)
                daySums.append(0)
                weights.append(0)
            }
            daySums[cell] += row.weight * row.days
            weights[cell] += row.weight
            if row.correct { self.correctWeight[cell] += row.weight } else { self.wrongWeight[cell] += row.weight }
            self.rowPerson.append(Int32(row.person))
            self.rowCell.append(Int32(cell))
            self.rowCorrect.append(row.correct ? row.weight : 0)
            self.rowWrong.append(row.correct ? 0 : row.weight)
        }
        self.days = zip(daySums, weights).map { $1 > 0 ? $0 / $1 : 0 }
    }

    /// The same cells with each observation's weight multiplied by its person's count in a bootstrap resample.
    func reweighted(by personWeights: [Double]) -> ForgettingCells {
        var copy = self
        var correct = [Double](repeating: 0, count: self.count)
        var wrong = [Double](repeating: 0, count: self.count)
        personWeights.withUnsafeBufferPointer { people in
            self.rowPerson.withUnsafeBufferPointer { person in
                self.rowCell.withUnsafeBufferPointer { cell in
                    for row in 0..<person.count {
                        let weight = people[Int(person[row])]
                        guard weight != 0 else { continue }
                        let target = Int(cell[row])
                        correct[target] += weight * self.rowCorrect[row]
                        wrong[target] += weight * self.rowWrong[row]
                    }
                }
            }
        }
        copy.correctWeight = correct
        copy.wrongWeight = wrong
        return copy
    }
}

import Foundation

/// One row of the real recall log (`shared/data/recall-log/review_log.csv`).
public struct RecallLogReview: Sendable, Equatable {
    public var cardID: String
    /// 1 = forgot, 2–4 = recalled.
    public var rating: Int
    /// Seconds since 1970.
    public var reviewedAt: Double
    /// Milliseconds spent on the review.
    public var durationMilliseconds: Double

    public init(cardID: String, rating: Int, reviewedAt: Double, durationMilliseconds: Double) {
        self.cardID = cardID
        self.rating = rating
        self.reviewedAt = reviewedAt
        self.durationMilliseconds = durationMilliseconds
    }
}

/// An observation with the time it was made, for splitting by time.
public struct TimedRecallObservation: Sendable, Equatable {
    public var at: Double
    public var observation: RecallObservation
}

/// A malformed recall-log line, reported as `line N: what is wrong`.
public struct RecallLogError: Error, Equatable, CustomStringConvertible {
    public var line: Int
    public var message: String

    public var description: String { "line \(self.line): \(self.message)" }
}

/// Reads the recall log and maps it onto the forgetting model. The mapping (documented in docs/forgetting-model.md):
/// every review after a card's first becomes one observation with `t` = days since that card's previous review
/// (each review resets the clock), hops 0, guess 0, correct = rating > 1; the card stands in for the "person".
public enum RecallLog {
    /// The single key point all observations belong to: one learner, one kind of material.
    public static let keyPointID = "recall-log"

    public static func load(path: String) throws -> [RecallLogReview] {
        try self.parse(String(contentsOfFile: path, encoding: .utf8))
    }

    /// Parses `card_id,review_rating,review_time,review_duration` with a header; `review_time` is either
    /// milliseconds since 1970 or ISO 8601 (`2024-03-29T20:32:32.250000+00:00`, as in the shipped file).
    public static func parse(_ text: String) throws(RecallLogError) -> [RecallLogReview] {
        var reviews: [RecallLogReview] = []
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty || (lineNumber == 1 && trimmed.hasPrefix("card_id")) { continue }
            let fields = trimmed.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 3 else {
                throw RecallLogError(line: lineNumber, message: "expected card_id,review_rating,review_time,review_duration")
            }
            guard let rating = Int(fields[1]), (1...4).contains(rating) else {
                throw RecallLogError(line: lineNumber, message: "review_rating must be 1 to 4, got \"\(fields[1])\"")
            }
            guard let time = self.parseTime(fields[2]) else {
                throw RecallLogError(line: lineNumber, message: "review_time is neither epoch milliseconds nor ISO 8601: \"\(fields[2])\"")
            }
            let duration = fields.count > 3 ? Double(fields[3]) ?? 0 : 0
            reviews.append(RecallLogReview(cardID: fields[0], rating: rating, reviewedAt: time, durationMilliseconds: duration))
        }
        return reviews
    }

    /// Each review after a card's first, as an observation timed at the review, in time order.
    public static func observations(from reviews: [RecallLogReview]) -> [TimedRecallObservation] {
        let ordered = reviews.enumerated().sorted { ($0.element.reviewedAt, $0.offset) < ($1.element.reviewedAt, $1.offset) }
        var previous: [String: Double] = [:]
        var observations: [TimedRecallObservation] = []
        for (_, review) in ordered {
            defer { previous[review.cardID] = review.reviewedAt }
            guard let last = previous[review.cardID] else { continue }
            let observation = RecallObservation(
                personID: review.cardID, keyPointID: self.keyPointID, days: (review.reviewedAt - last) / 86_400,
                hops: 0, guess: 0, correct: review.rating > 1
            )
            observations.append(TimedRecallObservation(at: review.reviewedAt, observation: observation))
        }
        return observations
    }

    /// Epoch milliseconds, or ISO 8601 `YYYY-MM-DDTHH:MM:SS[.fff][Z|±HH:MM]`, as seconds since 1970.
    static func parseTime(_ text: String) -> Double? {
        if let milliseconds = Double(text) { return milliseconds / 1000 }
        let characters = Array(text.utf8)
        func number(_ start: Int, _ length: Int) -> Int? {
            guard start + length <= characters.count else { return nil }
            var value = 0
            for byte in characters[start..<(start + length)] {
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard characters.count >= 19, let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
            let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
            (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        var index = 19
        var fraction = 0.0
        if index < characters.count && characters[index] == UInt8(ascii: ".") {
            index += 1
            var scale = 0.1
            while index < characters.count, characters[index] >= 48, characters[index] <= 57 {
                fraction += Double(characters[index] - 48) * scale
                scale /= 10
                index += 1
            }
        }
        var offset = 0
        if index < characters.count {
            let sign = characters[index]
            if sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
                guard let hours = number(index + 1, 2), let minutes = number(index + 4, 2) else { return nil }
                offset = (hours * 3600 + minutes * 60) * (sign == UInt8(ascii: "-") ? -1 : 1)
            } else if sign != UInt8(ascii: "Z") {
                return nil
            }
        }
        let days = self.daysFromCivil(year: year, month: month, day: day)
        return Double(days * 86_400 + hour * 3600 + minute * 60 + second - offset) + fraction
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let shifted = month <= 2 ? year - 1 : year
        let era = (shifted >= 0 ? shifted : shifted - 399) / 400
        let yearOfEra = shifted - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}

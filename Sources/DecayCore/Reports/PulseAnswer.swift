import Foundation

/// One answer to a pulse question (scale, choice, yes/no, free text) as the pulse report reads it, with the partner
/// of the person who gave it.
public struct PulseAnswer: Sendable, Equatable {
    public var personID: String
    public var partnerID: String
    public var partnerName: String
    public var category: String
    public var tier: String
    public var surveyID: String
    public var questionID: String
    public var choices: [String]
    public var number: Double?
    public var text: String?
    public var submittedAt: Date

    public init(
        personID: String, partnerID: String, partnerName: String, category: String, tier: String, surveyID: String, questionID: String,
        choices: [String] = [], number: Double? = nil, text: String? = nil, submittedAt: Date
    ) {
        self.personID = personID
        self.partnerID = partnerID
        self.partnerName = partnerName
        self.category = category
        self.tier = tier
        self.surveyID = surveyID
        self.questionID = questionID
        self.choices = choices
        self.number = number
        self.text = text
        self.submittedAt = submittedAt
    }
}

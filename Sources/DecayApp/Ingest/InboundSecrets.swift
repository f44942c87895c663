import DecayCore

/// The verifiers for each inbound source; a source without one answers 503 until it is configured.
public struct InboundSecrets: Sendable {
    public var standardWebhooks: StandardWebhooks?
    public var slack: SlackSignature?
    public var typeform: TypeformSignature?
    public var links: SurveyTokenSigner

    public init(standardWebhooks: StandardWebhooks?, slack: SlackSignature?, typeform: TypeformSignature?, links: SurveyTokenSigner) {
        self.standardWebhooks = standardWebhooks
        self.slack = slack
        self.typeform = typeform
        self.links = links
    }
}

/// A source whose secret was not set: the operator's problem, not the sender's, so senders should retry.
public struct SourceNotConfigured: Error, Sendable, Equatable {
    public var source: String
    public var variable: String

    public var message: String { "\(self.source) webhooks are not configured on this server: set \(self.variable)" }
}

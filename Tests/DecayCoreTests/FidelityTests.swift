import Foundation
import Testing

@testable import DecayCore

/// The shipped `messages/*.md`, parsed as the service parses them.
enum ShippedMessages {
    static func all() throws -> [Message] {
        let names = try FileManager.default.contentsOfDirectory(atPath: ContentFixtures.messages)
            .filter { $0.hasSuffix(".md") }
            .sorted()
        return try names.map { name in
            let text = try ContentFixtures.read(ContentFixtures.messages + "/" + name)
            return try MessageParser.parse(text, file: name).get()
        }
    }

    static func named(_ id: String) throws -> Message {
        try #require(try self.all().first { $0.id == id })
    }
}

@Suite("Relay fidelity")
struct FidelityTests {
    /// Scores `text` against one shipped message and returns the status of one of its points.
    private func status(_ messageID: String, _ pointID: String, _ text: String) throws -> PointStatus {
        let scorer = FidelityScorer(message: try ShippedMessages.named(messageID))
        return try #require(scorer.score(text).status(of: pointID))
    }

    @Test func shippedBodiesKeepEveryPoint() throws {
        let messages = try ShippedMessages.all()
        #expect(messages.count >= 3)
        for message in messages {
            let report = FidelityScorer(message: message).score(message.body)
            #expect(report.fidelity == 1, "\(message.id): \(report.points)")
            #expect(report.points.allSatisfy { $0.status.kind == .present })
        }
    }

    @Test func keyPointTextsArePresent() throws {
        for message in try ShippedMessages.all() {
            let scorer = FidelityScorer(message: message)
            for point in message.keyPoints {
                let status = scorer.score(point.text).status(of: point.id)
                #expect(status?.kind == .present, "\(message.id)/\(point.id): \(String(describing: status))")
                let alone = FidelityScorer(keyPoints: [point]).score(point.text)
                #expect(alone.fidelity == 1, "\(message.id)/\(point.id)")
            }
        }
    }

    /// The target-market text says "not retail SMBs": a negated distortion rules the wrong market out.
    @Test func negatedDistortionRulesOutInsteadOfDistorting() throws {
        let vault = try ShippedMessages.named("vault-3-launch")
        let text = try #require(vault.keyPoint("target-market")).text
        #expect(text.contains("not retail SMBs"))
        guard case .present(let slots) = try self.status("vault-3-launch", "target-market", text) else {
            Issue.record("expected present")
            return
        }
        #expect(slots.map(\.tokens) == [["healthcare"], ["mid", "market"]])
        for text in [
            "Vault 3 is for mid-sized hospitals, not for retail or small businesses.",
            "Vault 3 is for mid-market clinics and never for SMBs",
        ] {
            #expect(try self.status("vault-3-launch", "target-market", text).kind == .present, "\(text)")
        }
        let hipaa = "It's not HIPAA certified, but its HIPAA audit reports show who touched patient data"
        #expect(try self.status("vault-3-launch", "hipaa-audit", hipaa).kind == .present)
        let edr = "Sentinel doesn't replace your EDR, it works alongside it"
        #expect(try self.status("sentinel-early-warning", "positioning", edr).kind == .present)
    }

    @Test(arguments: [
        ("vault-3-launch", "target-market", "Vault 3 targets mid-sized hospitals and clinics"),
        ("vault-3-launch", "target-market", "Built for midmarket medical providers with 100–2,000 staff"),
        ("vault-3-launch", "immutable-copies", "Each backup also goes to a tamper-proof, air gapped copy that a cyberattack cannot touch"),
        ("vault-3-launch", "hipaa-audit", "Compliance officers get audit trails of who touched PHI"),
        ("vault-3-launch", "restore-sla", "We guarantee the whole site is back online within four hours"),
        ("per-workload-pricing", "migration-discount", "Current customers who move to subscription by the end of June save 30 percent in year one"),
        ("per-workload-pricing", "deal-registration", "Register the deal in the portal before quoting to earn the 25 percent margin"),
        ("per-workload-pricing", "quote-honour", "Proposals on the old pricing are honoured for three months"),
        ("per-workload-pricing", "quote-honour", "Quotes on the old price list stay valid for 3 months"),
        ("sentinel-early-warning", "positioning", "Sentinel is an add-on that complements the endpoint protection they already have"),
        ("sentinel-early-warning", "early-warning", "It flags mass encryption within five minutes"),
        ("sentinel-early-warning", "auto-lock", "On an alert it freezes the backups so a clean copy survives"),
        ("sentinel-early-warning", "multi-tenant", "MSPs run every customer from a single pane"),
        ("sentinel-early-warning", "launch-offer", "Complimentary for six months when bundled with Vault, at no cost to the MSP"),
    ])
    func paraphrasesArePresent(_ messageID: String, _ pointID: String, _ text: String) throws {
        let status = try self.status(messageID, pointID, text)
        #expect(status.kind == .present, "\(status)")
    }

    @Test(arguments: [
        ("vault-3-launch", "target-market", "Vault 3 is not for healthcare", "not", "healthcare"),
        ("vault-3-launch", "restore-sla", "We don't guarantee recovery within 4 hours", "don't", "recovery"),
        ("vault-3-launch", "immutable-copies", "The copy isnt immutable, so ransomware can get it", "isnt", "immutable"),
        ("vault-3-launch", "hipaa-audit", "There is no HIPAA audit report", "no", "hipaa"),
        ("sentinel-early-warning", "positioning", "Sentinel never works with your existing EDR", "never", "works with"),
    ])
    func negationsDistort(_ messageID: String, _ pointID: String, _ text: String, _ negation: String, _ phrase: String) throws {
        let status = try self.status(messageID, pointID, text)
        guard case .distorted(let reasons) = status else {
            Issue.record("expected distorted, got \(status)")
            return
        }
        let negated = reasons.compactMap { reason -> (String, String)? in
            guard case .negatedSlot(let word, let slot) = reason else { return nil }
            return (word, slot.phrase)
        }
        #expect(negated.contains { $0 == (negation, phrase) }, "\(reasons)")
    }

    @Test(arguments: [
        ("per-workload-pricing", "migration-discount", "Existing customers get 15% off", "15%", ["30%"]),
        ("per-workload-pricing", "migration-discount", "Existing customers migrating by June get 20 percent off", "20%", ["30%"]),
        ("per-workload-pricing", "deal-registration", "The partner margin on registered deals is 20%", "20%", ["25%"]),
        ("per-workload-pricing", "quote-honour", "Quotes on the old price list stay valid for 6 months", "6 months", ["3 months"]),
        ("vault-3-launch", "restore-sla", "Whole-site recovery within 6 hours", "6 hours", ["4 hours"]),
        ("vault-3-launch", "target-market", "Vault 3.0 is for mid-market clinics with 50-500 staff", "50 staff", ["100 staff", "2000 staff"]),
        ("sentinel-early-warning", "early-warning", "Sentinel spots ransomware within 10 minutes", "10 minutes", ["5 minutes"]),
        ("sentinel-early-warning", "launch-offer", "Free for 3 months with Vault", "3 months", ["6 months"]),
    ])
    func changedNumbersDistort(_ messageID: String, _ pointID: String, _ text: String, _ found: String, _ expected: [String]) throws {
        let status = try self.status(messageID, pointID, text)
        guard case .distorted(let reasons) = status, case .changedNumber(let number, let known, _) = reasons.first else {
            Issue.record("expected a changed number, got \(status)")
            return
        }
        #expect(number == found)
        #expect(known == expected)
    }

    /// Numbers are compared only with the point's numbers of the same unit, near one of its slots, in one clause.
    @Test func unrelatedNumbersAreIgnored() throws {
        let pricing = FidelityScorer(message: try ShippedMessages.named("per-workload-pricing"))
        let relay = "Monthly subscription per protected workload from 1 March 2027, 30% off for existing customers migrating by 30 June"
        let report = pricing.score(relay)
        #expect(report.status(of: "subscription-model")?.kind == .present)
        #expect(report.status(of: "migration-discount")?.kind == .present)
        #expect(pricing.score("Register deals within 30 days to get the 25% margin").status(of: "deal-registration")?.kind == .present)
        #expect(try self.status("vault-3-launch", "target-market", "Vault 3 is for mid-market hospitals").kind == .present)
        #expect(try self.status("vault-3-launch", "restore-sla", "Recovery in 4 hours. 24 other features ship later").kind == .present)
    }

    @Test(arguments: [
        ("vault-3-launch", "target-market", "Vault 3 is great for small retail shops", "retail"),
        ("vault-3-launch", "target-market", "Perfect for SMBs in healthcare", "smb"),
        ("vault-3-launch", "hipaa-audit", "Built-in HIPAA certification for your audit", "hipaa certification"),
        ("vault-3-launch", "restore-sla", "Whole-site recovery within 24 hours", "24 hours"),
        ("sentinel-early-warning", "positioning", "Sentinel replaces your antivirus", "replace"),
        ("sentinel-early-warning", "launch-offer", "It is free for 6 months, without Vault", "without vault"),
        ("per-workload-pricing", "quote-honour", "Old quotes are honoured forever", "forever"),
        ("per-workload-pricing", "migration-discount", "New customers get 30% off until June", "new customers"),
    ])
    func distortionPhrasesDistort(_ messageID: String, _ pointID: String, _ text: String, _ phrase: String) throws {
        let status = try self.status(messageID, pointID, text)
        guard case .distorted(let reasons) = status, case .distortionPhrase(let match) = reasons.first else {
            Issue.record("expected a distortion phrase, got \(status)")
            return
        }
        #expect(match.phrase == phrase)
    }

    @Test func unrelatedTextIsMissing() throws {
        let vault = try ShippedMessages.named("vault-3-launch")
        let report = FidelityScorer(message: vault).score("The weather is nice today, see you at the kick-off")
        #expect(report.fidelity == 0)
        #expect(report.points.allSatisfy { $0.status == .missing(matched: [], missingSlots: [0, 1]) })
        let empty = FidelityScorer(message: vault).score("")
        #expect(empty.fidelity == 0)
        #expect(empty.wordingDrift == WordingDrift(rouge1Recall: 0, rougeLF1: 0))
    }

    @Test func missingNamesTheSlotsNotFound() throws {
        let status = try self.status("vault-3-launch", "target-market", "Vault 3 is for hospitals")
        #expect(status == .missing(matched: [PhraseMatch(phrase: "hospital", group: 0, tokens: ["hospitals"], range: 4..<5)], missingSlots: [1]))
    }

    /// Multi-word phrases match only as contiguous stemmed tokens within one clause, stop words included.
    @Test func multiWordPhrases() throws {
        #expect(try self.status("sentinel-early-warning", "positioning", "Sentinel sits on top of your EDR").kind == .present)
        let gap = try self.status("sentinel-early-warning", "positioning", "Sentinel sits on the top of your EDR")
        #expect(gap.kind == .missing)
        if case .missing(_, let slots) = gap { #expect(slots == [1]) }
        #expect(try self.status("vault-3-launch", "restore-sla", "Recovery takes a 4-hour window").kind == .present)
        #expect(try self.status("vault-3-launch", "restore-sla", "Recovery takes 4. Hours later we ship").kind == .missing)
        #expect(try self.status("vault-3-launch", "target-market", "Healthcare groups of 100 - 2000 people").kind == .present)
        #expect(try self.status("vault-3-launch", "target-market", "Healthcare groups of 100 to 2000 people").kind == .missing)
        let air = try self.status("vault-3-launch", "immutable-copies", "An air-gap keeps the breach away")
        guard case .present(let slots) = air else {
            Issue.record("expected present, got \(air)")
            return
        }
        #expect(slots.map(\.phrase) == ["air-gapped", "breach"])
        #expect(slots[0].tokens == ["air", "gap"])
    }

    /// A negation reaches only 3 tokens forward and never across a clause end.
    @Test func negationReach() throws {
        let farAway = "Not once has a mid-market healthcare provider complained"
        #expect(try self.status("vault-3-launch", "target-market", farAway).kind == .present)
        let otherClause = "That's not all. Vault 3 is for mid-market healthcare."
        #expect(try self.status("vault-3-launch", "target-market", otherClause).kind == .present)
        let list = "Nothing changes for you:\n- not a reseller deal\n- mid-market healthcare only"
        #expect(try self.status("vault-3-launch", "target-market", list).kind == .present)
    }

    @Test func fidelityIsTheWeightedSharePresent() throws {
        let points = [
            KeyPoint(id: "a", text: "Alpha.", weight: 2, concepts: [["alpha"]]),
            KeyPoint(id: "b", text: "Beta.", concepts: [["beta"]]),
            KeyPoint(id: "c", text: "Gamma.", concepts: [["gamma"]], distortions: [["delta"]]),
        ]
        let scorer = FidelityScorer(keyPoints: points)
        #expect(scorer.score("alpha beta").fidelity == 0.75)
        #expect(scorer.score("alpha gamma and delta").fidelity == 0.5)
        #expect(scorer.score("beta gamma").fidelity == 0.5)
        #expect(scorer.score("alphas, betas and gammas").fidelity == 1)
        #expect(FidelityScorer(keyPoints: []).score("alpha").fidelity == nil, "nothing to score is not a fidelity of 0")

        let vault = FidelityScorer(message: try ShippedMessages.named("vault-3-launch"))
        let report = vault.score("Mid-market healthcare gets whole-site recovery within 4 hours.")
        #expect(report.points.map(\.weight) == [2, 1.5, 1, 1])
        #expect(abs(try #require(report.fidelity) - 3 / 5.5) < 1e-12)
    }

    @Test func evidenceLocatesTheMatch() throws {
        let status = try self.status("per-workload-pricing", "migration-discount", "Current customers migrating by June 30 get 30 percent off")
        #expect(status == .present(slots: [
            PhraseMatch(phrase: "current", group: 0, tokens: ["current"], range: 0..<1),
            PhraseMatch(phrase: "30 percent", group: 1, tokens: ["30", "percent"], range: 7..<9),
            PhraseMatch(phrase: "june 30", group: 2, tokens: ["june", "30"], range: 4..<6),
        ]))
    }
}

/// ROUGE as Google's rouge-score computes it (github.com/google-research/google-research, `rouge/`).
@Suite("Relay fidelity: ROUGE")
struct FidelityRougeTests {
    /// `rouge/testdata/target.txt` and `prediction.txt`, lines 0 and 1, used by `rouge_scorer_test.py`.
    static let targets = [
        "ZfbCUIUuePaiLVUlCaUXxkpu XPeWing tUHfPMuZ',-Xd Y BrUgVJing M-HV.-DgdDaY.rFDJCRing Ht-LM EKBDXkME,yz'RBr q'wtion wIojNbN wL,b .a-'XdQggyFl jB-RPP'iyOIcUxer tKM L",
        "KsJdPByEtAor fE-Qg Dpdbring cw-WeFyu vC MoBL Xdn g wkvcEiGvKtion BDFhrpMtion psing sbKao Q m qiing LMmer HqqLFXe,XPY,J XsurkMer ,ed nB'wH'bWVHjWFEing tQ.saefZwJtKrTlixYpMMsJing UCAPwNHeYVjDing c T BUySKtion gMPfJpwGw p'NvxAoping eu pBwMBKV'I DNxqelhu,PHPxDEq,mtion SN",
    ]
    static let predictions = [
        "rFDJCRtion Ht-LM EKtDXkME,yz'RBr q'wer wrojNbN wL,b .a-'XdQggyFl jB-RPP'iyOIcUxi",
        "n cw-WeFyu vC MoBL Xdn g wkvcEiGvKtion BDFhrpMer pstion sbKao Q m qier LMmed HqqLFXe,XPY,J XsurkMeo ,ed nB'wH'bWVHjWFEer tQ.saefZwJtKrTlixYpMMNJtion UCAPwNHeYVjD",
    ]

    /// Expected values from `rouge/rouge_scorer_test.py` (google-research/google-research): testRouge1,
    /// testMultipleRougeTypes, testRougeLConsecutive, testRougeLNonConsecutive, testRougeEmpty, and the
    /// ROUGE-1.5.5 values of testRouge1AgainstRouge155 and testRougeLAgainstRouge155 (stemming off, so
    /// Porter vs Porter2 cannot matter). Each was re-run with `pip install rouge-score` (0.1.2):
    /// same values; ROUGE-L F1 for ("testing one two", "testing") is 1/2 there too.
    static let unstemmedVectors: [(target: String, prediction: String, rouge1Recall: Double, rougeLF1: Double)] = [
        ("testing one two", "testing", 1.0 / 3, 1.0 / 2),
        ("testing one two", "testing one", 2.0 / 3, 4.0 / 5),
        ("testing one two", "testing two", 2.0 / 3, 4.0 / 5),
        ("testing one two", "", 0, 0),
        (Self.targets[0], Self.predictions[0], 0.40741, 0.51163),
        (Self.targets[1], Self.predictions[1], 0.40476, 0.50000),
    ]

    @Test(arguments: FidelityRougeTests.unstemmedVectors)
    func publishedVectorsUnstemmed(_ vector: (target: String, prediction: String, rouge1Recall: Double, rougeLF1: Double)) {
        let drift = RougeReference(vector.target, stem: false).score(vector.prediction)
        #expect(abs(drift.rouge1Recall - vector.rouge1Recall) < 5e-6)
        #expect(abs(drift.rougeLF1 - vector.rougeLF1) < 5e-6)
    }

    /// testRouge1AgainstRouge155WithStemming: line 1 gives ROUGE-1 recall 0.42857 (0.40476 unstemmed), line 0
    /// 0.40741. Checked in Python: NLTK's Porter and Snowball English stem every token of these lines alike,
    /// so Porter2 must give the same; ROUGE-L F1 0.52941 for line 1 is rouge-score 0.1.2's output, not published.
    @Test func publishedVectorsStemmed() {
        #expect(abs(RougeReference(Self.targets[0], stem: true).score(Self.predictions[0]).rouge1Recall - 0.40741) < 5e-6)
        let line1 = RougeReference(Self.targets[1], stem: true).score(Self.predictions[1])
        #expect(abs(line1.rouge1Recall - 0.42857) < 5e-6)
        #expect(abs(line1.rougeLF1 - 0.52941) < 5e-6)
    }

    /// testLcsTable: LCS of [1, 2, 3, 4, 5] and [2, 5, 3, 4] is 3; of [1, 2, 3, 4, 5] and [8, 9] is 0.
    @Test func lcsLength() {
        #expect(RougeReference.lcsLength([1, 2, 3, 4, 5], [2, 5, 3, 4]) == 3)
        #expect(RougeReference.lcsLength([1, 2, 3, 4, 5], [8, 9]) == 0)
        let drift = RougeReference("w1 w2 w3 w4 w5", stem: false).score("w2 w5 w3 w4")
        #expect(drift.rouge1Recall == 0.8)
        #expect(abs(drift.rougeLF1 - 2.0 / 3) < 1e-12)
    }

    /// rouge-score's tokenizer: lowercase, split on anything outside a-z0-9, stem only tokens over 3 characters.
    @Test func tokenizer() {
        #expect(RougeTokenizer.tokens("Vault 3.0: mid-market, 100-2,000 staff!", stem: false) == ["vault", "3", "0", "mid", "market", "100", "2", "000", "staff"])
        #expect(RougeTokenizer.tokens("The Clinics' 2,000 staff", stem: true) == ["the", "clinic", "2", "000", "staff"])
        #expect(RougeTokenizer.tokens("uses used café", stem: true) == ["use", "use", "caf"])
    }

    /// Wording drift of each shipped body against its key point texts. Unstemmed values equal rouge-score
    /// 0.1.2's (`RougeScorer(["rouge1", "rougeL"]).score(reference, body)`, run in Python). Stemmed, they equal
    /// it for two messages; for sentinel-early-warning rouge-score's ROUGE-1 recall is 71/77, ours 70/77,
    /// because Porter stems `msps` to `msp` (meeting `MSP`) and Porter2 leaves `msps`.
    static let shippedVectors: [(id: String, r1: Double, rl: Double, stemmedR1: Double, stemmedRL: Double)] = [
        ("per-workload-pricing", 0.8571428571428571, 0.5812807881773399, 0.8714285714285714, 0.5911330049261084),
        ("sentinel-early-warning", 0.9090909090909091, 0.593607305936073, 70.0 / 77, 0.593607305936073),
        ("vault-3-launch", 0.8153846153846154, 0.4752475247524753, 0.8307692307692308, 0.48514851485148525),
    ]

    @Test(arguments: FidelityRougeTests.shippedVectors)
    func shippedBodies(_ vector: (id: String, r1: Double, rl: Double, stemmedR1: Double, stemmedRL: Double)) throws {
        let message = try ShippedMessages.named(vector.id)
        let reference = message.keyPoints.map(\.text).joined(separator: "\n")
        let plain = RougeReference(reference, stem: false).score(message.body)
        #expect(abs(plain.rouge1Recall - vector.r1) < 1e-9)
        #expect(abs(plain.rougeLF1 - vector.rl) < 1e-9)
        let drift = FidelityScorer(message: message).score(message.body).wordingDrift
        #expect(abs(drift.rouge1Recall - vector.stemmedR1) < 1e-9)
        #expect(abs(drift.rougeLF1 - vector.stemmedRL) < 1e-9)
    }
}

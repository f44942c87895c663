import Testing

@testable import DecayCore

/// The relay-fidelity rules of issue #12: typo tolerance, numbers and units, negation scope, widening, languages.
@Suite("Relay fidelity: relay rules")
struct FidelityRelayRulesTests {
    private func status(_ messageID: String, _ pointID: String, _ text: String) throws -> PointStatus {
        let scorer = FidelityScorer(message: try ShippedMessages.named(messageID))
        return try #require(scorer.score(text).status(of: pointID))
    }

    @Test func editDistanceCountsInsertDeleteSubstituteAndSwap() {
        #expect(TypoTolerance.within(1, "helthcare", "healthcare"))
        #expect(TypoTolerance.within(1, "hospitla", "hospital"))
        #expect(TypoTolerance.within(1, "clinic", "clinik"))
        #expect(!TypoTolerance.within(1, "ransomwear", "ransomware"))
        #expect(TypoTolerance.within(2, "ransomwear", "ransomware"))
        #expect(!TypoTolerance.within(2, "ransomwear", "random"))
        #expect(TypoTolerance.within(0, "vault", "vault"))
        #expect(!TypoTolerance.within(0, "vault", "vaults"))
    }

    @Test func typoBudgetGrowsWithLength() {
        #expect(TypoTolerance.budget(for: "vault") == 0)
        #expect(TypoTolerance.budget(for: "clinic") == 1)
        #expect(TypoTolerance.budget(for: "immutabl") == 1)
        #expect(TypoTolerance.budget(for: "healthcare") == 2)
        #expect(TypoTolerance.budget(for: "123456789") == 0)
    }

    @Test(arguments: [
        ("vault-3-launch", "target-market", "Vault 3 is for mid-market helthcare providers"),
        ("vault-3-launch", "immutable-copies", "Every backup gets an imutable copy, out of reach of ransomwear"),
        ("sentinel-early-warning", "early-warning", "Sentinel detects ransomwre encryption within 5 minutes"),
        ("vault-3-launch", "target-market", "Vault 3 targets mid-market hospitls"),
    ])
    func oneLetterSlipsInLongWordsStillMatch(message: String, point: String, text: String) throws {
        #expect(try self.status(message, point, text).kind == .present)
    }

    @Test func slipsAreNotForgivenInShortWordsNumbersOrDistortions() throws {
        // `reach` (5 letters) is not a slip of `breach`, `rtail` is not `retail`, `5` is not `6`.
        #expect(try self.status("vault-3-launch", "immutable-copies", "Immutable copies stay out of reach").kind == .missing)
        #expect(try self.status("vault-3-launch", "target-market", "Mid-market healthcare, also good for rtail shops").kind == .present)
        #expect(try self.status("vault-3-launch", "target-market", "Mid-market healthcare, also good for retial shops").kind == .present)
        #expect(try self.status("vault-3-launch", "restore-sla", "Recovery within 5 hours").kind == .distorted)
        // Two slips in a word of 6 to 8 letters are too many.
        #expect(try self.status("vault-3-launch", "target-market", "Vault 3 targets mid-market hsopitl groups").kind == .missing)
    }

    @Test(arguments: [
        ("4 hrs", ["4", "hour"]), ("4h", ["4", "hour"]), ("4-hour", ["4", "hour"]), ("four hours", ["4", "hours"]),
        ("90d", ["90", "day"]), ("2k staff", ["2000", "staff"]), ("2.5k", ["2500"]), ("2 k", ["2000"]),
        ("100–2,000", ["100", "2000"]), ("twenty-five percent", ["25", "percent"]), ("a hundred seats", ["100", "seats"]),
        ("ninety days", ["90", "days"]), ("5 mins", ["5", "minute"]), ("6mo", ["6", "month"]), ("1 yr", ["1", "year"]),
        ("3 wks", ["3", "week"]), ("2fa and 3g", ["2fa", "and", "3g"]), ("h and d", ["h", "and", "d"]),
    ])
    func unitsAndNumbersAreWrittenOneWay(text: String, tokens: [String]) {
        #expect(FidelityTokens.of(text) == tokens)
    }

    @Test(arguments: [
        ("vault-3-launch", "restore-sla", "Whole-site recovery in 4 hrs, guaranteed", PointStatus.Kind.present),
        ("vault-3-launch", "restore-sla", "Recovery guaranteed within 4h", .present),
        ("vault-3-launch", "restore-sla", "Recovery guaranteed within 6 hrs", .distorted),
        ("vault-3-launch", "target-market", "Vault 3 is for healthcare orgs with 100 – 2000 staff", .present),
        ("per-workload-pricing", "quote-honour", "Old quotes are honoured for 90d", .present),
        ("per-workload-pricing", "quote-honour", "Old quotes are honoured for 60d", .distorted),
        ("per-workload-pricing", "migration-discount", "Existing customers get thirty percent off if they move by 30 June", .present),
        ("sentinel-early-warning", "early-warning", "It spots ransomware within 5 mins and alerts you", .present),
        ("sentinel-early-warning", "early-warning", "It spots ransomware within 10min and alerts you", .distorted),
    ])
    func numbersCompareAfterNormalising(message: String, point: String, text: String, kind: PointStatus.Kind) throws {
        #expect(try self.status(message, point, text).kind == kind)
    }

    @Test(arguments: [
        "Is it a budget product? No, mid-market healthcare.",
        "Not cheap but mid-market healthcare buys it",
        "Not for retail – mid-market healthcare only",
        "We no longer sell Vault 3 to retail: mid-market healthcare only.",
        "Don't pitch it to retail, it's for mid-market healthcare",
        "Don't forget: mid-market healthcare",
    ])
    func negationStopsAtItsClause(text: String) throws {
        #expect(try self.status("vault-3-launch", "target-market", text).kind == .present)
    }

    @Test func negationStillNegatesWithinItsClause() throws {
        #expect(try self.status("vault-3-launch", "target-market", "Vault 3 is not for mid-market healthcare").kind == .distorted)
        #expect(try self.status("vault-3-launch", "restore-sla", "We don't guarantee recovery within 4 hours").kind == .distorted)
    }

    @Test func notJustWidensAPointThatExcludesOthers() throws {
        let widened = try self.status("vault-3-launch", "target-market", "Vault 3 is not just for mid-market healthcare")
        guard case .distorted(let reasons) = widened, case .widened(let words, let slot) = reasons.first else {
            Issue.record("expected widened, got \(widened)")
            return
        }
        #expect(words == "not just" && slot.phrase == "mid-market")
        let only = try self.status("per-workload-pricing", "deal-registration", "The 25% margin is not only for registered deals")
        #expect(only.kind == .distorted)
        // A point that excludes nothing is affirmed, not negated, by `not just`.
        let early = "Sentinel does not just detect ransomware within 5 minutes, it also alerts you"
        #expect(try self.status("sentinel-early-warning", "early-warning", early).kind == .present)
    }

    @Test(arguments: [
        ("Vault 3.0 ist für mittelständische Kliniken mit 100 bis 2.000 Mitarbeitern", "de"),
        ("Vault 3.0 est fait pour les cliniques de taille moyenne", "fr"),
        ("Vault 3.0 es para clínicas medianas y hospitales con más de 100 empleados", "es"),
        ("Vault 3.0 is bedoeld voor middelgrote klinieken en het werkt met een kopie", "nl"),
        ("Vault 3.0 è pensato per cliniche di medie dimensioni e ospedali della regione", "it"),
        ("O Vault 3.0 é para clínicas de médio porte e não para o varejo", "pt"),
        ("Vault 3 is for mid-market healthcare, priced per workload per month", "en"),
        ("Vault 3 4h SLA", "en"),
    ])
    func languageIsDetectedFromStopWords(text: String, language: String) {
        #expect(LanguageDetector.language(of: Tokenizer.tokens(text)) == language)
    }

    @Test func relaysInOtherLanguagesAreNotScoredUnlessThePointHasSlotsForThem() throws {
        let sentinel = FidelityScorer(message: try ShippedMessages.named("sentinel-early-warning"))
        let german = sentinel.score("Sentinel ersetzt nicht das EDR, sondern ergänzt es. Erkennt Ransomware innerhalb von 5 Minuten.")
        #expect(german.points.allSatisfy { $0.status == .notScored(language: "de") })
        #expect(german.points[0].status.label == "not scored (language de)")
        #expect(german.fidelity == nil, "nothing scored is neither good nor bad, so it does not sort among the worst relays")
        let vault = FidelityScorer(message: try ShippedMessages.named("vault-3-launch"))
        let scored = vault.score("Vault 3.0 ist für mittelständische Kliniken gedacht. Wiederherstellung in 4 Stunden garantiert.")
        #expect(scored.status(of: "target-market")?.kind == .present)
        #expect(scored.status(of: "restore-sla")?.kind == .present)
        #expect(scored.status(of: "hipaa-audit")?.kind == .missing)
    }

    @Test func notScoredPointsLeaveTheFidelityShare() {
        let point = { (id: String, status: PointStatus) in PointScore(keyPointID: id, weight: 1, status: status) }
        let scores = [point("a", .present(slots: [])), point("b", .missing(matched: [], missingSlots: [0])), point("c", .notScored(language: "fr"))]
        #expect(FidelityScorer.fidelity(scores) == 0.5)
    }
}

import Testing

@testable import DecayCore

@Suite("Directory import")
struct DirectoryImportTests {
    @Test func partnersInAnyColumnOrderWithOptionalColumnsLeftOut() throws {
        let csv = """
            name,id,tier
            Alder Networks,alder,gold
            "Harbor IT, Inc.",harbor,
            """
        let partners = try DirectoryImport.partners(csv, format: .csv).get()
        #expect(partners.map(\.id) == ["alder", "harbor"])
        #expect(partners[1].name == "Harbor IT, Inc.")
        #expect(partners[0].tier == "gold")
        #expect(partners[1].tier == "")
        #expect(partners[0].chat == nil)
    }

    @Test func everyBadRowIsReportedWithRowAndField() throws {
        let csv = """
            id,name,category,tier,region,manager,chat_format,chat_url
            ok,Fine,msp,gold,emea,cm-1,slack,https://hooks.slack.com/services/T/B/X
            Bad Id,Name,msp,gold,emea,,,
            missing-name,,msp,gold,emea,,,
            chat,Chat,msp,gold,emea,,fax,https://example.com
            url,Url,msp,gold,emea,,slack,not a url
            ok,Again,msp,gold,emea,,,
            """
        guard case .failure(let errors) = DirectoryImport.partners(csv, format: .csv) else {
            Issue.record("expected errors")
            return
        }
        let found = errors.problems.map { "\($0.row ?? 0):\($0.field ?? "")" }
        #expect(found == ["3:id", "4:name", "5:chat_format", "6:chat_url", "7:id"])
        #expect(errors.problems[2].description == "row 5: field 'chat_format': expected one of slack, teams, discord, mattermost, googlechat, matrix, webhook, got 'fax'")
    }

    @Test func unknownAndMissingColumnsAreRejected() {
        guard case .failure(let errors) = DirectoryImport.partners("id,nmae\na,b\n", format: .csv) else {
            Issue.record("expected errors")
            return
        }
        #expect(errors.problems.contains { $0.row == 1 && $0.field == "nmae" })
        #expect(errors.problems.contains { $0.row == 1 && $0.field == "name" && $0.message.contains("missing") })
    }

    @Test func peopleAreCheckedAgainstPartnersRolesAndTimeZones() {
        let csv = """
            id,name,email,partner,role,reports_to,timezone
            cm-1,Anna,anna@vendor.example.com,,channel_manager,,Europe/Berlin
            pm-1,Pat,pat@p.example.com,alder,partner_manager,cm-1,Europe/London
            rep-1,Ray,ray@p.example.com,ghost,rep,pm-1,UTC
            rep-2,Rita,rita-at-example,alder,rep,pm-1,UTC
            rep-3,Ron,ron@p.example.com,alder,seller,pm-1,UTC
            rep-4,Rob,rob@p.example.com,alder,rep,pm-1,Mars/Olympus
            rep-5,Rae,rae@p.example.com,alder,rep,nobody,UTC
            cm-2,Carl,carl@vendor.example.com,alder,channel_manager,,UTC
            rep-6,Rui,rui@p.example.com,,rep,pm-1,UTC
            """
        guard case .failure(let errors) = DirectoryImport.people(csv, format: .csv, partnerIDs: ["alder"], existing: [:]) else {
            Issue.record("expected errors")
            return
        }
        let found = Set(errors.problems.map { "\($0.row ?? 0):\($0.field ?? "")" })
        #expect(found == ["4:partner", "5:email", "6:role", "7:timezone", "8:reports_to", "9:partner", "10:partner"])
    }

    @Test func reportingCyclesAreRejectedIncludingThroughExistingPeople() {
        let existing = ["a": Person(id: "a", name: "A", partner: "p", role: .partnerManager, reportsTo: "b")]
        let csv = """
            id,name,partner,role,reports_to
            b,B,p,partner_manager,c
            c,C,p,partner_manager,a
            """
        guard case .failure(let errors) = DirectoryImport.people(csv, format: .csv, partnerIDs: ["p"], existing: existing) else {
            Issue.record("expected a cycle")
            return
        }
        #expect(errors.problems.contains { $0.row == 2 && $0.message.contains("reporting cycle: b -> c -> a -> b") })
    }

    @Test func selfReportIsRejected() {
        let csv = "id,name,partner,role,reports_to\nx,X,p,rep,x\n"
        guard case .failure(let errors) = DirectoryImport.people(csv, format: .csv, partnerIDs: ["p"], existing: [:]) else {
            Issue.record("expected an error")
            return
        }
        #expect(errors.problems.contains { $0.row == 2 && $0.field == "reports_to" })
    }

    @Test func jsonArraysUseTheSameKeys() throws {
        let json = """
            [{"id": "alder", "name": "Alder", "category": "msp", "chat_format": "teams", "chat_url": "https://example.com/hook"},
             {"id": "birch", "name": "Birch", "manager": null}]
            """
        let partners = try DirectoryImport.partners(json, format: .json).get()
        #expect(partners.count == 2)
        #expect(partners[0].chat == ChatDestination(format: .teams, url: "https://example.com/hook"))
        #expect(ImportTable.Format.detect(path: nil, text: json) == .json)

        guard case .failure(let errors) = DirectoryImport.partners(#"[{"id": "x", "nmae": "X"}, 3]"#, format: .json) else {
            Issue.record("expected errors")
            return
        }
        #expect(errors.problems.map { "\($0.row ?? 0):\($0.field ?? "")" } == ["1:nmae", "2:"])
    }

    @Test func theListingsChatObjectImportsLikeTheFlatKeys() throws {
        let json = """
            [{"id": "alder", "name": "Alder", "chat": {"format": "teams", "url": "https://example.com/hook"}},
             {"id": "birch", "name": "Birch", "chat": null}]
            """
        let partners = try DirectoryImport.partners(json, format: .json).get()
        #expect(partners[0].chat == ChatDestination(format: .teams, url: "https://example.com/hook"))
        #expect(partners[1].chat == nil)
        let people = try DirectoryImport.people(
            #"[{"id": "rep-1", "name": "R", "role": "rep", "partner": "alder", "chat": {"format": "slack", "url": "https://example.com/r"}}]"#,
            format: .json, partnerIDs: ["alder"], existing: [:]).get()
        #expect(people[0].chat == ChatDestination(format: .slack, url: "https://example.com/r"))

        let bad = """
            [{"id": "a", "name": "A", "chat": {"format": "teams", "url": "https://example.com/a", "token": "x"}},
             {"id": "b", "name": "B", "chat_url": "https://example.com/b", "chat": {"format": "teams", "url": "https://example.com/c"}},
             {"id": "c", "name": "C", "chat": "teams"}]
            """
        guard case .failure(let errors) = DirectoryImport.partners(bad, format: .json) else {
            Issue.record("expected errors")
            return
        }
        #expect(errors.problems.map { "\($0.row ?? 0):\($0.field ?? "")" } == ["1:chat.token", "2:chat.url", "3:chat"])
        #expect(errors.problems[1].message == "given twice, here and as chat_url; keep one")
    }

    @Test func malformedJSONIsReported() {
        guard case .failure(let errors) = DirectoryImport.partners("[{", format: .json) else {
            Issue.record("expected an error")
            return
        }
        #expect(errors.problems.first?.message.contains("not valid JSON") == true)
    }
}

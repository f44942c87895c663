import Foundation

/// Validates imported directory rows into partners and people; all-or-nothing per file.
public enum DirectoryImport {
    public static let partnerColumns = ["id", "name", "category", "tier", "region", "manager", "chat_format", "chat_url"]
    public static let personColumns = [
        "id", "name", "email", "partner", "role", "reports_to", "timezone", "chat_handle", "chat_format", "chat_url",
    ]

    /// Parses and validates a partners file.
    public static func partners(_ text: String, format: ImportTable.Format) -> Result<[Partner], ImportErrors> {
        switch ImportTable.parse(text, format: format, columns: self.partnerColumns, required: ["id", "name"]) {
        case .failure(let errors): return .failure(errors)
        case .success(let table): return self.partners(table.rows)
        }
    }

    /// Parses and validates a people file against the partners and people already known.
    public static func people(
        _ text: String, format: ImportTable.Format, partnerIDs: Set<String>, existing: [String: Person]
    ) -> Result<[Person], ImportErrors> {
        switch ImportTable.parse(text, format: format, columns: self.personColumns, required: ["id", "name", "role"]) {
        case .failure(let errors): return .failure(errors)
        case .success(let table): return self.people(table.rows, partnerIDs: partnerIDs, existing: existing)
        }
    }

    static func partners(_ rows: [ImportTable.Row]) -> Result<[Partner], ImportErrors> {
        var problems: [ImportProblem] = []
        var partners: [Partner] = []
        var seen: [String: Int] = [:]
        for row in rows {
            var rowProblems: [ImportProblem] = []
            let id = self.id(row, "id", &rowProblems)
            let name = self.required(row, "name", &rowProblems)
            let chat = self.chat(row, &rowProblems)
            if let manager = row["manager"], !ContentID.isValid(manager) {
                rowProblems.append(ImportProblem(row: row.number, field: "manager", message: "expected a person id (\(ContentID.rule)), got '\(manager)'"))
            }
            if let id, let first = seen[id] {
                rowProblems.append(ImportProblem(row: row.number, field: "id", message: "duplicate id '\(id)' (first on row \(first))"))
            }
            problems += rowProblems
            guard rowProblems.isEmpty, let id, let name else { continue }
            seen[id] = row.number
            partners.append(Partner(
                id: id, name: name, category: row["category"]?.lowercased() ?? "", tier: row["tier"]?.lowercased() ?? "",
                region: row["region"]?.lowercased() ?? "", manager: row["manager"], chat: chat
            ))
        }
        return problems.isEmpty ? .success(partners) : .failure(ImportErrors(problems))
    }

    static func people(_ rows: [ImportTable.Row], partnerIDs: Set<String>, existing: [String: Person]) -> Result<[Person], ImportErrors> {
        var problems: [ImportProblem] = []
        var people: [Person] = []
        var rowOf: [String: Int] = [:]
        for row in rows {
            var rowProblems: [ImportProblem] = []
            let id = self.id(row, "id", &rowProblems)
            let name = self.required(row, "name", &rowProblems)
            var role: Role?
            if let text = row["role"] {
                role = Role(rawValue: text.lowercased())
                if role == nil {
                    let roles = Role.allCases.map(\.rawValue).joined(separator: ", ")
                    rowProblems.append(ImportProblem(row: row.number, field: "role", message: "expected one of \(roles), got '\(text)'"))
                }
            } else {
                rowProblems.append(ImportProblem(row: row.number, field: "role", message: "is required"))
            }
            let partner = row["partner"]
            if let partner, !partnerIDs.contains(partner) {
                rowProblems.append(ImportProblem(row: row.number, field: "partner", message: "unknown partner '\(partner)': import partners first"))
            }
            if role == .channelManager, partner != nil {
                rowProblems.append(ImportProblem(row: row.number, field: "partner", message: "must be empty for a channel_manager (vendor staff)"))
            } else if let role, role != .channelManager, partner == nil {
                rowProblems.append(ImportProblem(row: row.number, field: "partner", message: "is required for a \(role.rawValue)"))
            }
            if let email = row["email"], !self.looksLikeEmail(email) {
                rowProblems.append(ImportProblem(row: row.number, field: "email", message: "expected an address like name@example.com, got '\(email)'"))
            }
            let timezone = row["timezone"] ?? "UTC"
            if TimeZone(identifier: timezone) == nil {
                rowProblems.append(ImportProblem(row: row.number, field: "timezone", message: "expected an IANA time zone like Europe/Berlin, got '\(timezone)'"))
            }
            let reportsTo = row["reports_to"]
            if let reportsTo, reportsTo == id {
                rowProblems.append(ImportProblem(row: row.number, field: "reports_to", message: "a person cannot report to themselves"))
            }
            let chat = self.chat(row, &rowProblems)
            if let id, let first = rowOf[id] {
                rowProblems.append(ImportProblem(row: row.number, field: "id", message: "duplicate id '\(id)' (first on row \(first))"))
            }
            problems += rowProblems
            guard rowProblems.isEmpty, let id, let name, let role else { continue }
            rowOf[id] = row.number
            people.append(Person(
                id: id, name: name, email: row["email"], partner: partner, role: role, reportsTo: reportsTo,
                timezone: timezone, chatHandle: row["chat_handle"], chat: chat
            ))
        }
        problems += self.hierarchyProblems(people, rowOf: rowOf, existing: existing)
        return problems.isEmpty ? .success(people) : .failure(ImportErrors(problems))
    }

    /// Unknown managers and reporting cycles, checked over the directory as it would be after the import.
    static func hierarchyProblems(_ people: [Person], rowOf: [String: Int], existing: [String: Person]) -> [ImportProblem] {
        var manager: [String: String] = [:]
        for (id, person) in existing { manager[id] = person.reportsTo }
        for person in people { manager[person.id] = person.reportsTo }
        let known = Set(existing.keys).union(people.map(\.id))
        var problems: [ImportProblem] = []
        for person in people {
            let row = rowOf[person.id]
            guard let boss = person.reportsTo else { continue }
            guard known.contains(boss) else {
                problems.append(ImportProblem(row: row, field: "reports_to", message: "unknown person '\(boss)'"))
                continue
            }
            var chain = [person.id]
            var current: String? = boss
            while let next = current {
                if next == person.id {
                    problems.append(ImportProblem(row: row, field: "reports_to", message: "reporting cycle: \((chain + [next]).joined(separator: " -> "))"))
                    break
                }
                if chain.contains(next) || chain.count > known.count { break }
                chain.append(next)
                current = manager[next]
            }
        }
        return problems
    }

    private static func id(_ row: ImportTable.Row, _ field: String, _ problems: inout [ImportProblem]) -> String? {
        guard let id = row[field] else {
            problems.append(ImportProblem(row: row.number, field: field, message: "is required"))
            return nil
        }
        guard ContentID.isValid(id) else {
            problems.append(ImportProblem(row: row.number, field: field, message: "expected \(ContentID.rule), got '\(id)'"))
            return nil
        }
        return id
    }

    private static func required(_ row: ImportTable.Row, _ field: String, _ problems: inout [ImportProblem]) -> String? {
        guard let value = row[field] else {
            problems.append(ImportProblem(row: row.number, field: field, message: "is required"))
            return nil
        }
        return value
    }

    private static func chat(_ row: ImportTable.Row, _ problems: inout [ImportProblem]) -> ChatDestination? {
        let formatText = row["chat_format"]
        let url = row["chat_url"]
        guard formatText != nil || url != nil else { return nil }
        guard let formatText else {
            problems.append(ImportProblem(row: row.number, field: "chat_format", message: "is required when chat_url is set"))
            return nil
        }
        guard let format = ChatFormat(rawValue: formatText.lowercased()) else {
            let formats = ChatFormat.allCases.map(\.rawValue).joined(separator: ", ")
            problems.append(ImportProblem(row: row.number, field: "chat_format", message: "expected one of \(formats), got '\(formatText)'"))
            return nil
        }
        guard let url else {
            problems.append(ImportProblem(row: row.number, field: "chat_url", message: "is required when chat_format is set"))
            return nil
        }
        if let space = url.firstIndex(where: \.isWhitespace) {
            let position = url.distance(from: url.startIndex, to: space) + 1
            problems.append(ImportProblem(row: row.number, field: "chat_url", message: "must not contain spaces or line breaks (character \(position)); a webhook URL has none"))
            return nil
        }
        guard let parsed = URLComponents(string: url), let scheme = parsed.scheme?.lowercased(),
            scheme == "https" || scheme == "http", let host = parsed.host, !host.isEmpty
        else {
            problems.append(ImportProblem(row: row.number, field: "chat_url", message: "expected an http(s) URL, got '\(url)'"))
            return nil
        }
        if format == .matrix, let problem = self.matrixProblem(parsed) {
            problems.append(ImportProblem(row: row.number, field: "chat_url", message: problem))
            return nil
        }
        return ChatDestination(format: format, url: url)
    }

    /// A Matrix `chat_url` is a room's client-server URL with the bot's token (docs/chat-formats.md); anything else
    /// would only fail as a 401 or 404 when a post goes out.
    static func matrixProblem(_ url: URLComponents) -> String? {
        let form = "https://HOST/_matrix/client/v3/rooms/ROOM_ID?access_token=TOKEN"
        let path = url.percentEncodedPath
        guard let rooms = path.range(of: "/_matrix/client/"), let room = path[rooms.upperBound...].range(of: "rooms/") else {
            return "expected a Matrix room URL like \(form)"
        }
        let roomID = path[room.upperBound...]
        guard !roomID.isEmpty, !roomID.contains("/") else {
            return "expected the room's URL, ending in the room id, like \(form) (MessageDecay adds /send/... itself)"
        }
        guard url.queryItems?.contains(where: { $0.name == "access_token" && $0.value?.isEmpty == false }) == true else {
            return "needs the bot's access token, like \(form) (it is sent as an Authorization header, never in the URL)"
        }
        return nil
    }

    private static func looksLikeEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !text.contains(" ")
    }
}

import ArgumentParser
import DecayApp
import DecayCore
import DecayStore
import Foundation

/// `decay import partners|people FILE`: upserts a CSV or JSON file in one transaction, or changes nothing.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import partners or people from CSV or JSON (upsert by id, all or nothing).",
        discussion: """
            partners columns: \(DirectoryImport.partnerColumns.joined(separator: ","))
            people columns:   \(DirectoryImport.personColumns.joined(separator: ","))
            Columns may come in any order; optional ones may be left out or empty. JSON files are arrays of objects
            with the same keys. Import partners before the people who work there.
            """
    )

    @Argument(help: "What the file holds: partners or people.")
    var kind: DirectoryImports.Kind

    @Argument(help: "A .csv or .json file.")
    var file: String

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        guard let data = FileManager.default.contents(atPath: self.file) else {
            throw CLIError("cannot read \(self.file)")
        }
        let format = ImportTable.Format.detect(path: self.file, text: String(decoding: data.prefix(64), as: UTF8.self))
        let database = try await self.database.open()
        do {
            let summary = try await DirectoryImports(store: database).run(self.kind, bytes: Array(data), format: format, source: .cli)
            print("imported \(self.kind.rawValue) from \(self.file): \(summary.inserted) new, \(summary.updated) updated")
        } catch let error as UseCaseError where !error.details.isEmpty {
            for problem in error.details { print("\(self.file): \(problem)") }
            print(error.message)
            throw ExitCode(1)
        }
    }
}

extension DirectoryImports.Kind: ExpressibleByArgument {}

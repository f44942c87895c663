@testable import DecayServer
import Synchronization
import Testing

/// A dashboard table and its CSV: the same rows, counts without thousands separators in the CSV, a long table built
/// one screen at a time.
@Suite("Page tables")
struct PageTableTests {
    @Test func countsReadWithSeparatorsOnScreenAndPlainInTheCSV() {
        let table = PageTable(id: "t", caption: "c", columns: ["Partner", "Answers", "Share"],
                              rows: [[PageCell("Northwind, Ltd"), .number(12_345), .figure("41%")]])
        #expect(table.rows[0][1].text == 12_345.formatted())
        #expect(table.csv == "Partner,Answers,Share\r\n\"Northwind, Ltd\",12345,41%\r\n")
    }

    @Test func lazyRowsBuildOnlyWhatIsAskedForAndTheCSVHoldsThemAll() {
        let built = Atomic<Int>(0)
        let table = PageTable.paged(id: "t", caption: "c", columns: ["N"], items: Array(0..<60), pageSize: 25, empty: "none") { item in
            built.add(1, ordering: .relaxed)
            return [.number(item * 1_000)]
        }
        #expect(table.rows.isEmpty && table.rowCount == 60 && table.pageSize == 25)
        #expect(table.rows(25..<50).map { $0[0].text } == (25..<50).map { ($0 * 1_000).formatted() })
        #expect(built.load(ordering: .relaxed) == 25, "one screen built, not 60 rows")
        let csv = table.csv.split(separator: "\r\n")
        #expect(csv.count == 61 && csv[60] == "59000", "the CSV holds every row, as numbers")
        #expect(table.pageParameter == "page")
    }
}

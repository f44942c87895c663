import DecayCore
import DecayChat
import Foundation
import Testing

/// Renders the shipped `vault-3-launch` message in every format and compares with reviewed golden files byte for byte.
struct ChatGoldenTests {
    @Test(arguments: ChatFormat.allCases)
    func matchesGolden(format: ChatFormat) throws {
        let payload = ChatRenderer.render(try ChatFixtures.vaultLaunch(), as: format, transactionID: "delivery-0001")
        let file = ChatFixtures.goldenFolder.appendingPathComponent("vault-3-launch.\(format.rawValue).json")
        guard let expected = try? Data(contentsOf: file) else {
            try FileManager.default.createDirectory(at: ChatFixtures.goldenFolder, withIntermediateDirectories: true)
            try payload.body.write(to: file)
            Issue.record("recorded \(file.lastPathComponent); review it and run again")
            return
        }
        #expect(payload.body == expected, "\(format.rawValue) payload differs from \(file.lastPathComponent)")
    }

    @Test func matrixUsesPutWithTransactionPath() throws {
        let payload = MatrixRenderer.render(try ChatFixtures.vaultLaunch(), transactionID: "delivery 42/a")
        #expect(payload.method == .put)
        #expect(payload.pathSuffix == "send/m.room.message/delivery%2042%2Fa")
    }

    @Test(arguments: [ChatFormat.slack, .teams, .discord, .mattermost, .googlechat])
    func webhooksUsePost(format: ChatFormat) throws {
        let payload = ChatRenderer.render(try ChatFixtures.vaultLaunch(), as: format, transactionID: "t")
        #expect(payload.method == .post)
        #expect(payload.pathSuffix == nil)
        #expect(payload.format == format)
    }
}

/// Earlier versions of the shipped messages, as the content folder held them before their current version: the demo
/// records them so answers that still carry an old claim show up as "old version (v1)".
public enum DemoHistory {
    /// Version 1 of vault-3-launch aimed Vault 3.0 at retail SMBs; version 2 re-targeted it at mid-market healthcare.
    static let vault3Version1 = """
        ---
        id: vault-3-launch
        version: 1
        title: Vault 3.0 is backup for retail SMBs
        audience: { categories: [msp, var], tiers: [gold, silver] }
        key_points:
          - id: target-market
            text: Vault 3.0 is built for retail SMBs and small shops that want backup without an IT team.
            weight: 2
            concepts:
              - [retail, shop, shops, store, stores]
              - [smb, "small business", "small businesses", "small and medium"]
          - id: immutable-copies
            text: Every backup is also written to an immutable, air-gapped copy that stays out of reach of ransomware.
            weight: 1.5
            concepts:
              - [immutable, air-gapped, "air gap", tamper-proof, "write-once"]
              - [ransomware, cyberattack, attack, breach]
          - id: restore-sla
            text: Whole-site recovery is guaranteed within 4 hours, backed by a service credit.
            concepts:
              - [restore, recovery, recover, "back online", "up and running"]
              - ["4 hours", "4-hour", "four hours", "four-hour"]
        ---

        **Vault 3.0 is generally available today.** It is backup for retail SMBs and small shops that want it to just work.
        """

    /// The earlier versions of the catalog's messages (only those older than the catalog's own version).
    public static func messages(for catalog: ContentCatalog) -> [Message] {
        let parsed = [vault3Version1].compactMap { try? MessageParser.parse($0, file: "demo-history").get() }
        return parsed.filter { old in catalog.sortedMessages.contains { $0.id == old.id && $0.version > old.version } }
    }
}

import Crypto
import Foundation

/// The dashboard's only script, progressive enhancement served from this origin (the CSP allows no inline script):
/// before printing it opens every "as a table" section, which browsers leave out of the page while closed, and closes
/// them again afterwards. Pages work the same without it.
enum DashboardScript {
    static let javascript = """
        "use strict";
        let opened = [];
        addEventListener("beforeprint", () => {
          opened = [...document.querySelectorAll("details:not([open])")];
          opened.forEach((section) => { section.open = true; });
        });
        addEventListener("afterprint", () => { opened.forEach((section) => { section.open = false; }); opened = []; });
        """

    /// `/dashboard-<first 12 hex of SHA-256>.js`, cached for a year like the stylesheet.
    static let path: String = {
        let digest = SHA256.hash(data: Data(javascript.utf8)).map { String(format: "%02x", $0) }.joined()
        return "/dashboard-\(digest.prefix(12)).js"
    }()
}

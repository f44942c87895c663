import Crypto
import Foundation

/// The dashboard's one stylesheet, served at a path carrying its hash so it can be cached for a year: a new build
/// with other CSS gets another path. Readable from 390 px phones to 1366 px laptops, and on paper.
enum DashboardStyle {
    static let css = """
        :root{--ink:#1d232b;--muted:#5b6573;--line:#d5dae1;--bg:#f6f7f9;--card:#fff;--accent:#1f5fbf;--bad:#b3261e;--good:#1e6b34;
        font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--bg);line-height:1.45}
        *{box-sizing:border-box}body{margin:0}
        a{color:var(--accent)}a:focus-visible,button:focus-visible,select:focus-visible,input:focus-visible{outline:3px solid #f2b705;outline-offset:2px}
        .skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:#fff;padding:6px;z-index:2}
        header.top{background:#14243b;color:#fff}
        header.top nav{display:flex;flex-wrap:wrap;align-items:center;gap:4px 16px;max-width:1320px;margin:0 auto;padding:8px 16px}
        header.top a{color:#fff;text-decoration:none;padding:6px 2px;display:inline-block}
        header.top a[aria-current=page]{border-bottom:3px solid #f2b705}
        .brand{font-weight:700;margin-right:8px}
        header.top ul{display:flex;flex-wrap:wrap;gap:4px 14px;list-style:none;margin:0;padding:0;flex:1}
        .who{font-size:.85rem;color:#dbe4f0}
        .logout button,.action button,.filters button,.login button{font:inherit;border:1px solid var(--accent);background:var(--accent);color:#fff;border-radius:4px;padding:4px 12px;cursor:pointer}
        .logout button{background:transparent;border-color:#9fb3cc}
        main{max-width:1320px;margin:0 auto;padding:12px 16px 32px}
        h1{font-size:1.5rem;margin:.4em 0}h2{font-size:1.1rem;margin:0 0 .4em}
        .intro,.note{color:var(--muted);margin:.2em 0 .6em}
        .tiles{display:grid;grid-template-columns:repeat(auto-fill,minmax(170px,1fr));gap:10px;list-style:none;padding:0;margin:0 0 14px}
        .tile{background:var(--card);border:1px solid var(--line);border-radius:6px;padding:10px}
        .tile a{text-decoration:none;color:inherit;display:block}
        .tile .label{display:block;font-size:.85rem;color:var(--muted)}.tile .value{display:block;font-size:1.5rem;font-weight:650}
        .tile .detail{display:block;font-size:.8rem;color:var(--muted)}
        .filters{display:flex;flex-wrap:wrap;gap:8px 14px;align-items:end;margin:0 0 14px}
        .filters label{display:flex;flex-direction:column;font-size:.85rem}
        select,input[type=password],input[type=text]{font:inherit;padding:4px;border:1px solid #8a94a3;border-radius:4px;background:#fff}
        .blocks{display:grid;grid-template-columns:1fr;gap:14px}
        @media (min-width:1000px){.blocks{grid-template-columns:1fr 1fr}.block.wide{grid-column:1/-1}}
        .block{background:var(--card);border:1px solid var(--line);border-radius:6px;padding:12px;min-width:0}
        .scroll{overflow-x:auto}
        table{border-collapse:collapse;width:100%;font-size:.9rem}
        caption{text-align:left;color:var(--muted);font-size:.85rem;padding-bottom:4px}
        th,td{border-bottom:1px solid var(--line);padding:4px 6px;text-align:left;vertical-align:top}
        th{background:#eef1f5;font-weight:600}
        td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
        td.bad{color:var(--bad);font-weight:600}td.good{color:var(--good)}td.muted{color:var(--muted)}
        td.heat-0{background:#fde2e0}td.heat-1{background:#fdf0d5}td.heat-2{background:#e6f2e0}td.heat-3{background:#cfe8c6}
        .csv,.svg{font-size:.8rem;margin-left:6px}
        figure.chart{margin:0 0 8px}figure.chart svg{max-width:100%;height:auto}
        details summary{cursor:pointer;color:var(--accent);font-size:.9rem}
        .pager{display:flex;gap:16px;margin-top:8px}
        .action{display:inline}
        td mark.distorted{background:#fde2e0;color:inherit;text-decoration:underline wavy #b3261e;text-underline-offset:3px}td.text{min-width:18em;white-space:pre-line}
        .login{max-width:420px;background:var(--card);border:1px solid var(--line);border-radius:6px;padding:16px}
        .login label{display:block;margin:8px 0 4px}.login input{width:100%}.login button{margin-top:12px}
        .error{color:var(--bad);font-weight:600}
        footer{max-width:1320px;margin:0 auto;padding:0 16px 24px;color:var(--muted);font-size:.8rem}
        @media print{header.top,.filters,.logout,.csv,.svg,.action,footer,.skip,.pager{display:none}
        body,:root{background:#fff}.block{border:0;break-inside:avoid;padding:0}.blocks{display:block}
        details{display:block}details>summary{display:none}a{color:inherit;text-decoration:none}}
        """

    /// `/dashboard-<first 12 hex of SHA-256>.css`.
    static let path: String = {
        let digest = SHA256.hash(data: Data(css.utf8)).map { String(format: "%02x", $0) }.joined()
        return "/dashboard-\(digest.prefix(12)).css"
    }()
}
